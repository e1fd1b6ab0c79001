using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Config;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Cmdlets
{
    /// <summary>Get-OSCloud: the open connections, or with -ListAvailable the clouds clouds.yaml defines.</summary>
    [Cmdlet(VerbsCommon.Get, "OSCloud", DefaultParameterSetName = "Connected")]
    [OutputType(typeof(CloudConnection), ParameterSetName = new[] { "Connected" })]
    [OutputType(typeof(AvailableCloud), ParameterSetName = new[] { "ListAvailable" })]
    public sealed class GetOSCloudCommand : OSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "ListAvailable", Mandatory = true)]
        public SwitchParameter ListAvailable { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            if (ListAvailable)
            {
                Try(null, () =>
                {
                    var loader = new CloudConfigLoader(new ProcessConfigEnvironment(SessionState.Path.CurrentFileSystemLocation.ProviderPath));
                    foreach (var name in loader.ListCloudNames())
                    {
                        if (!filter.IsMatch(name))
                            continue;
                        try
                        {
                            WriteTyped(new AvailableCloud(loader.Load(name)), TypeNames.AvailableCloud);
                        }
                        catch (CloudConfigurationException ex)
                        {
                            WriteFailure(ex, name);
                        }
                    }
                });
                return;
            }
            foreach (var connection in ConnectionRegistry.Connections)
            {
                if (filter.IsMatch(connection.Name))
                    WriteObject(ConnectionRegistry.Typed(connection));
            }
        }
    }

    /// <summary>A cloud that clouds.yaml (or OS_* variables) defines; no secrets.</summary>
    [TableView("Name", "UserName", "ProjectName", "Region", "AuthUrl", "Source")]
    public sealed class AvailableCloud
    {
        internal AvailableCloud(CloudConfig config)
        {
            Name = config.Name;
            AuthUrl = config.AuthUrl;
            AuthType = config.NormalizedAuthType;
            UserName = config.Username ?? config.UserId;
            ProjectName = config.ProjectName ?? config.ProjectId;
            Region = config.RegionName;
            Interface = config.Interface;
            Source = config.Source;
        }

        public string Name { get; }
        public string AuthUrl { get; }
        public string AuthType { get; }
        public string? UserName { get; }
        public string? ProjectName { get; }
        public string? Region { get; }
        public string Interface { get; }
        public string Source { get; }
        public override string ToString() => Name;
    }
}
