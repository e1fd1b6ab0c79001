using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Security.Cryptography;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>A session connected to los-demo whose containers all start with <see cref="Prefix"/> (their
    /// "_segments" containers too); Dispose removes them with everything in them, and the scratch folder.</summary>
    public abstract class ObjectStorageTestBase : CloudTestBase
    {
        protected const string Cmdlets = "OpenStackOrchestrator.Cmdlets.ObjectStorage.";
        protected readonly ModuleSession Session = new ModuleSession();
        protected readonly string Prefix;
        protected readonly string Folder;
        protected static readonly HttpClient Anonymous = new HttpClient();

        protected ObjectStorageTestBase(string prefix)
        {
            Prefix = UniqueName(prefix);
            Folder = Directory.CreateTempSubdirectory(prefix + "-").FullName;
            if (LocalCloud.IsAvailable)
                Session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            if (LocalCloud.IsAvailable)
                Session.Run($"Get-OSContainer -Name '{Prefix}*' | Remove-OSContainer -Recurse -Confirm:$false");
            Session.Dispose();
            Directory.Delete(Folder, recursive: true);
            base.Dispose();
        }

        protected string NewContainer(string suffix, string parameters = "")
        {
            var name = $"{Prefix}-{suffix}";
            Session.Run($"New-OSContainer -Name {name} {parameters}").AssertNoErrors();
            return name;
        }

        protected string WriteRandomFile(string relativePath, int size)
        {
            var bytes = new byte[size];
            Random.Shared.NextBytes(bytes);
            var path = Path.Combine(Folder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        protected static string Md5Of(string file)
        {
            using var stream = File.OpenRead(file);
            return Convert.ToHexString(MD5.HashData(stream)).ToLowerInvariant();
        }

        /// <summary>The URL of an object as the cloud's catalog gives it, for requests without a token.</summary>
        protected string ObjectUrl(string container, string name)
        {
            var endpoint = Session.Run("$DefaultOSCloud.GetEndpointAsync('object-store', [Threading.CancellationToken]::None).GetAwaiter().GetResult()")
                .AssertNoErrors().Output.Single().ToString();
            return $"{endpoint}/{Uri.EscapeDataString(container)}/{string.Join("/", name.Split('/').Select(Uri.EscapeDataString))}";
        }

        protected static T Value<T>(PSObject item, string property) => (T)item.Properties[property].Value;
    }
}
