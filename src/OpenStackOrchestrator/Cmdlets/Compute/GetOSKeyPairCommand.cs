using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSKeyPair: the current user's key pairs by name (wildcards). Exact names are read one by one,
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
                WriteExact(filter.Names);
        }

        private void WriteExact(IEnumerable<string> names)
        {
            var written = 0UL;
            var clouds = TargetClouds();
            foreach (var name in names)
            {
                var found = false;
                foreach (var cloud in clouds)
                {
                    try
                    {
                        var keyPair = Run(ct => cloud.Compute.GetKeyPairAsync(name, ct));
                        found = true;
                        if (Paging.Take(PagingParameters, ref written))
                            WriteTyped(keyPair, TypeNames.KeyPair);
                    }
                    catch (ResourceNotFoundException)
                    {
                        // not in this cloud
                    }
                    catch (OpenStackException ex)
                    {
                        found = true;
                        WriteFailure(ex, name);
                    }
                }
                if (!found && clouds.Count > 0)
                    WriteError(ErrorRecords.NotFound("key pair", name));
            }
        }
    }
}
