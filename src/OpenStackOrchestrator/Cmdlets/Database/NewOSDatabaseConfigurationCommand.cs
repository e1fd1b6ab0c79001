using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Database;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Database
{
    /// <summary>New-OSDatabaseConfiguration: creates a Trove configuration group of datastore parameters (checked by
    /// Trove against the datastore version's rules). No guest agent is involved until it is attached to an instance.</summary>
    [Cmdlet(VerbsCommon.New, "OSDatabaseConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DatabaseConfiguration))]
    public sealed class NewOSDatabaseConfigurationCommand : OSCloudCmdlet, IResourceCmdlet
    {
        IResourceDefinition IResourceCmdlet.Resource => DatabaseConfiguration.Definition;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The parameters and their values: @{ max_connections = 50 }.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Hashtable? Value { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DatastoreVersion { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null || !ShouldProcess($"{Name} ({Datastore} {DatastoreVersion}) on {cloud.Name}", "Create configuration group"))
                return;
            var values = new Dictionary<string, object?>();
            foreach (DictionaryEntry entry in Value!)
                values[entry.Key.ToString()!] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            Try(Name, () => WriteTyped(Run(ct => TroveClient.CreateConfigurationAsync(cloud, Name!, Description, Datastore, DatastoreVersion, values, ct)),
                DatabaseConfiguration.Definition.TypeName));
        }
    }
}
