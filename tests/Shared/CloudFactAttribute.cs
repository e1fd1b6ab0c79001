using System;
using System.IO;
using System.Net.Sockets;
using Xunit;

namespace OpenStackOrchestrator.Tests.Shared
{
    /// <summary>A test against the real local cloud (tests/cloud/up.sh). Skipped with a clear message when no cloud
    /// answers; with OSO_REQUIRE_CLOUD=1 (CI) it runs anyway and fails, so CI can never skip it silently.</summary>
    public sealed class CloudFactAttribute : FactAttribute
    {
        public CloudFactAttribute()
        {
            if (!LocalCloud.IsAvailable && !LocalCloud.Required)
                Skip = LocalCloud.SkipReason;
        }
    }

    /// <summary>A test through ../shared/fault-proxy in front of the local cloud.</summary>
    public sealed class FaultProxyFactAttribute : FactAttribute
    {
        public FaultProxyFactAttribute()
        {
            if ((!LocalCloud.IsAvailable || !LocalCloud.FaultProxyAvailable) && !LocalCloud.Required)
                Skip = "No fault proxy on 127.0.0.1:15000 (start it with tests/fault-proxy/up.sh after tests/cloud/up.sh).";
        }
    }

    public static class LocalCloud
    {
        public static readonly string StateDir = Environment.GetEnvironmentVariable("LOS_STATE") ?? "/var/lib/los";
        public static readonly string CloudsYaml = Environment.GetEnvironmentVariable("LOS_CLOUDS_YAML") ?? Path.Combine(StateDir, "clouds.yaml");
        public static readonly string FaultyCloudsYaml = Path.Combine(StateDir, "clouds-faulty.yaml");
        public static readonly string FaultProxyDir = Environment.GetEnvironmentVariable("FAULT_PROXY_DIR") ?? Path.Combine(StateDir, "fault-proxy");

        public static bool Required => Environment.GetEnvironmentVariable("OSO_REQUIRE_CLOUD") == "1";

        private static readonly Lazy<bool> Available = new Lazy<bool>(() => PortOpen(5000) && File.Exists(CloudsYaml));
        private static readonly Lazy<bool> ProxyAvailable = new Lazy<bool>(() => PortOpen(15000) && File.Exists(FaultyCloudsYaml));

        public static bool IsAvailable => Available.Value;
        public static bool FaultProxyAvailable => ProxyAvailable.Value;

        public static string SkipReason =>
            $"No local OpenStack: nothing answers on 127.0.0.1:5000 or {CloudsYaml} is missing. Start it with tests/cloud/up.sh.";

        private static bool PortOpen(int port)
        {
            try
            {
                using (var client = new TcpClient())
                {
                    var connect = client.ConnectAsync("127.0.0.1", port);
                    return connect.Wait(TimeSpan.FromSeconds(2)) && client.Connected;
                }
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
