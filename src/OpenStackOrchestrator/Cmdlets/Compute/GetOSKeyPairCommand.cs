using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSKeyPair: the current user's key pairs by name (wildcards). Exact names are read individually,
    /// which also gives their creation time and user id.</summary>
    [Cmdlet(VerbsCommon.Get, "OSKeyPair", SupportsPaging = true)]
    [OutputType(typeof(KeyPair))]
    public sealed class GetOSKeyPairCommand : OSGetCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(KeyPairNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new NameFilter(Name);
            if (filter.IsEmpty || filter.Names.Any(WildcardPattern.ContainsWildcardCharacters))
                WriteMatches("key pair", TypeNames.KeyPair, filter, filteredClientSide: !filter.IsEmpty,
                    (cloud, limit, ct) => cloud.Compute.ListKeyPairsAsync(limit, ct), keyPair => keyPair.Name);
            else
                WriteExactNames(filter.Names, "key pair", TypeNames.KeyPair, (cloud, name, ct) => cloud.Compute.GetKeyPairAsync(name, ct));
        }
    }
}
