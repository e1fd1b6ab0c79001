using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Client.Tasks;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>New-OSDatabaseInstance: creates a Trove instance (flavor resolved through Nova, a data volume of -SizeGB,
    /// optional networks, initial databases and users) and waits until it is ACTIVE, or until -TimeoutSec, which
    /// ends in a DatabaseInstanceTimeout error naming the instance and its status; -RunAsync returns the task.</summary>
    [Cmdlet(VerbsCommon.New, "OSDatabaseInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DatabaseInstance), typeof(OSTask))]
    public sealed class NewOSDatabaseInstanceCommand : OSTaskCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => DatabaseInstance.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>A Nova flavor: name, id or object.</summary>
        [Parameter(Mandatory = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Flavor { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateRange(1, 65536)]
        [WholeNumber]
        public int SizeGB { get; set; }

        /// <summary>The datastore's name (mysql); without it, the cloud's default_datastore.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

        /// <summary>The version's name (8.0); without it, the datastore's default version.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DatastoreVersion { get; set; }

        /// <summary>User networks by name, id or object (the management network Trove adds itself).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Network { get; set; }

        /// <summary>Databases the guest agent creates once the datastore runs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Database { get; set; }

        /// <summary>Users the guest agent creates (user name and password), with access to every -Database.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public PSCredential[]? User { get; set; }

        /// <summary>A configuration group to attach (name, id or object).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<DatabaseConfiguration>))]
        [ValidateNotNull]
        public ResourceReference? Configuration { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        /// <summary>How long to wait for ACTIVE (default 1200 s); then a DatabaseInstanceTimeout error, the instance goes on.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 1200;

        protected override string Activity => "Creating database instances";

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} ({Datastore ?? "default datastore"} {DatastoreVersion}, {SizeGB} GB) on {cloud.Name}", "Create database instance"))
                return;
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            Launch(MyInvocation.MyCommand.Name, Name!, cloud, async (task, ct) =>
            {
                var request = new DatabaseInstanceRequest
                {
                    Name = Name!,
                    FlavorId = await Flavor!.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false),
                    SizeGB = SizeGB,
                    Datastore = Datastore,
                    DatastoreVersion = DatastoreVersion,
                    Databases = Database ?? Array.Empty<string>(),
                    Users = (User ?? Array.Empty<PSCredential>()).Select(u => new KeyValuePair<string, string>(u.UserName, u.GetNetworkCredential().Password)).ToList(),
                    AvailabilityZone = AvailabilityZone,
                };
                if (Network != null)
                {
                    var ids = new List<string>();
                    foreach (var network in Network)
                        ids.Add(await network.IdOnAsync(cloud, Client.Networking.Network.Definition, ct).ConfigureAwait(false));
                    request.NetworkIds = ids;
                }
                if (Configuration != null)
                    request.ConfigurationId = await Configuration.IdOnAsync(cloud, DatabaseConfiguration.Definition, ct).ConfigureAwait(false);
                var created = await TroveClient.CreateInstanceAsync(cloud, request, ct).ConfigureAwait(false);
                task.Report(10, created.Status);
                return await TroveClient.WaitForInstanceActiveAsync(cloud, created.Id, timeout, i => task.Report(string.Equals(i.Status, "BUILD", StringComparison.OrdinalIgnoreCase) ? 50 : 90, i.Status),
                    ct).ConfigureAwait(false);
            });
        }
    }
}
