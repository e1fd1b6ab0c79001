using System;
using System.Collections.Generic;
using System.IO;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Client.Tests.Orchestration
{
    /// <summary>Files in memory under a fake root folder, for the template bundler; records what was read.</summary>
    internal sealed class FakeTemplateFiles : ITemplateFileReader
    {
        public static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "oso-fake-stacks"));
        private readonly Dictionary<string, string> _files = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Reads { get; } = new List<string>();

        /// <summary>Adds a file at a path relative to <see cref="Root"/> ("app/main.yaml").</summary>
        public FakeTemplateFiles With(string relativePath, string content)
        {
            _files[PathOf(relativePath)] = content;
            return this;
        }

        public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

        /// <summary>The files-map key the bundler uses for a file (its file:// URL).</summary>
        public static string KeyOf(string relativePath) => new Uri(PathOf(relativePath)).AbsoluteUri;

        public string ReadAllText(Uri location)
        {
            Reads.Add(location.LocalPath);
            return _files.TryGetValue(location.LocalPath, out var content) ? content : throw new FileNotFoundException("no such file", location.LocalPath);
        }
    }
}
