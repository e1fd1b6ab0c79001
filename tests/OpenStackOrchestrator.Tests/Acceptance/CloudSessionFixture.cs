using System;
using OpenStackOrchestrator.Tests.Shared;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Points clouds.yaml lookups at the local cloud's file for the acceptance tests.</summary>
    public abstract class CloudTestBase : IDisposable
    {
        private readonly string? _savedConfigFile = Environment.GetEnvironmentVariable("OS_CLIENT_CONFIG_FILE");
        private readonly string? _savedCloud = Environment.GetEnvironmentVariable("OS_CLOUD");

        protected CloudTestBase()
        {
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", LocalCloud.CloudsYaml);
            Environment.SetEnvironmentVariable("OS_CLOUD", null);
        }

        protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}".Substring(0, prefix.Length + 9);

        public virtual void Dispose()
        {
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", _savedConfigFile);
            Environment.SetEnvironmentVariable("OS_CLOUD", _savedCloud);
        }
    }
}
