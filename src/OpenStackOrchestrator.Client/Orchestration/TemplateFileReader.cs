using System;
using System.IO;

namespace OpenStackOrchestrator.Client.Orchestration
{
    /// <summary>Reads the files a template bundle is made of (a seam for tests).</summary>
    public interface ITemplateFileReader
    {
        /// <summary>The text of a local file; throws an IOException (FileNotFoundException...) when it cannot.</summary>
        string ReadAllText(Uri location);
    }

    /// <summary>Reads file:// locations from the local file system.</summary>
    public sealed class LocalTemplateFileReader : ITemplateFileReader
    {
        public static readonly LocalTemplateFileReader Instance = new LocalTemplateFileReader();

        public string ReadAllText(Uri location) => File.ReadAllText(location.LocalPath);
    }
}
