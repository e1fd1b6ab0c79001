using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>Base of the New- cmdlets of Neutron resources that keep tags: -Tag. Neutron takes no tags in a create
    /// request, so they are set right after it (PUT .../tags); when that fails, the new object is deleted again and the
    /// service's error says so: nothing is left behind untagged without a word.</summary>
    public abstract class NeutronCreateCmdlet : NeutronCmdlet
    {
        /// <summary>Tags of the new object (Get- cmdlets find it again with -Tag).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? Tag { get; set; }

        /// <summary>Runs <paramref name="create"/>, tags the new object with -Tag, and writes it.</summary>
        protected void WriteCreated<T>(CloudConnection cloud, ResourceDefinition<T> definition, Func<CancellationToken, Task<T>> create) where T : OSResource
        {
            var created = Run(create);
            if (Tag == null || Tag.Length == 0)
            {
                WriteTyped(created);
                return;
            }
            try
            {
                WriteTyped(Run(async ct =>
                {
                    await cloud.SetTagsAsync(definition, created.Id, Tag, ct).ConfigureAwait(false);
                    return await cloud.GetResourceAsync(definition, created.Id, ct).ConfigureAwait(false);
                }));
            }
            catch (OpenStackException ex)
            {
                string outcome;
                try
                {
                    Run(ct => cloud.DeleteResourceAsync(definition, created.Id, ct));
                    outcome = "so it was deleted again";
                }
                catch (OpenStackException removal)
                {
                    outcome = $"and deleting it failed too ({removal.Message}): remove it yourself";
                }
                var record = ErrorRecords.From(ex, created);
                record.ErrorDetails = new ErrorDetails($"The {definition.Kind} '{created}' ({created.Id}) was created, but tagging it failed, {outcome}: {ex.Message}");
                WriteError(record);
            }
        }
    }
}
