using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSKeyPair: the current user's key pairs by name (wildcards). Exact names are read individually,
    /// which also gives their creation time and user id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSKeyPair", DefaultParameterSetName = "Name", SupportsPaging = true)]
    [OutputType(typeof(KeyPair))]
    public sealed class GetOSKeyPairCommand : OSResourceGetCmdlet<KeyPair>
    {
        protected override ResourceDefinition<KeyPair> Definition => KeyPair.Definition;

        protected override void ProcessRecord()
        {
            var names = ExactNames();
            if (names == null)
                base.ProcessRecord();
            else
                WriteExactNames(names, Definition.Kind, Definition.TypeName, (cloud, name, ct) => cloud.GetResourceAsync(Definition, name, ct));
        }

        /// <summary>The names given or piped when every one is exact; else null (then the list is read).</summary>
        private string[]? ExactNames()
        {
            if (Id != null || (InputObject != null && !(InputObject.BaseObject is string)))
                return null;
            var names = (Name ?? new string[0]).Concat(InputObject?.BaseObject is string piped ? new[] { piped } : new string[0]).ToArray();
            var filter = new NameFilter(names);
            return filter.AllExact ? filter.ExactNames.ToArray() : null;
        }
    }
}
