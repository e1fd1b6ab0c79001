using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Resources;
using OpenStackOrchestrator.Completion;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A cmdlet over one declared resource (the completers and convention tests find its definition here).</summary>
    public interface IResourceCmdlet
    {
        IResourceDefinition Resource { get; }
    }

    /// <summary>Get- over a declared resource: -Name (wildcards, completed), -Id, -Property (only those fields asked of the
    /// service where it can select fields), -First/-Skip, and pipeline input: a name, an object of the resource itself
    /// (read again), or an object of a declared parent (Get-OSNetwork x | Get-OSPort), read in the cloud it came from.
    /// A concrete cmdlet names its definition and adds its own filters in <see cref="OSResourceQueryCmdlet{T}.Filter"/>.</summary>
    public abstract class OSResourceGetCmdlet<T> : OSResourceQueryCmdlet<T> where T : OSResource
    {
        [Parameter(ParameterSetName = "Name", Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = "Name", ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        protected override string[]? Names => Name;
        protected override PSObject? Input => InputObject;
    }

    /// <summary>The Get- logic over a declared resource without its -Name and pipeline parameters, for a resource whose
    /// cmdlet names them otherwise (Get-OSFloatingIP -Address, Get-OSSecurityGroupRule -SecurityGroup): -Id, -Property,
    /// -First/-Skip, the list with its declared filters, and what <see cref="Names"/> and <see cref="Input"/> give.</summary>
    public abstract class OSResourceQueryCmdlet<T> : OSGetChildrenCmdlet, IResourceCmdlet where T : OSResource
    {
        private IReadOnlyList<string>? _fields;

        protected abstract ResourceDefinition<T> Definition { get; }
        IResourceDefinition IResourceCmdlet.Resource => Definition;

        /// <summary>The names (wildcards) to list; null: every one.</summary>
        protected virtual string[]? Names => null;
        /// <summary>What came from the pipeline for the base to take: a name, the resource itself, a declared parent.</summary>
        protected virtual PSObject? Input => null;

        [Parameter(ParameterSetName = "Id", Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only these properties (the service is asked for only their fields where it can select fields).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourcePropertyCompleter))]
        public string[]? Property { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Property == null)
                return;
            try
            {
                _fields = Definition.FieldsOf(Property);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "UnknownProperty", ErrorCategory.InvalidArgument, Property));
            }
        }

        protected override void ProcessRecord()
        {
            if (Id != null)
            {
                WriteByIds(Id, Definition.TypeName, GetAsync);
                return;
            }
            if (Input?.BaseObject is T same)
            {
                // The resource itself (Get-OSPort x | Get-OSPort): read again, by id, from the cloud it came from.
                InCloud(same.Cloud, () => WriteByIds(new[] { same.Id }, Definition.TypeName, GetAsync));
                return;
            }
            var names = Names;
            var query = new ListQuery { Fields = _fields };
            CloudConnection? inputCloud = null;
            if (Input != null && !TakeInput(Input, query, ref names, ref inputCloud))
                return;
            TagFilter?.ApplyTo(query);
            if (!Filter(query))
                return;
            var filter = new NameFilter(names);
            var exact = Definition.NameFilter == null ? null : filter.SingleExactName;
            // A name the service cannot be asked for (Glance and a '"') is matched here, with no limit pushed down.
            if (exact != null && Definition.NameFilterValue != null && Definition.NameFilterValue(exact) == null)
                exact = null;
            query.Name = exact;
            // A regex filter (Nova) matches as a case-insensitive search: the exact check stays here.
            if (Definition.NameRegexFilter is string regex)
                query.Filter(regex, filter.ToRegex());
            var accept = ClientSideFilter;
            InCloud(inputCloud, () => WriteMatches(Definition.Kind, Definition.TypeName, filter, filteredClientSide: (!filter.IsEmpty && exact == null) || accept != null,
                (cloud, limit, ct) => ListAsync(cloud, With(query, limit), ct), item => item.Name, accept));
        }

        /// <summary>The tag filters given (a cmdlet over a resource that keeps tags); null: none.</summary>
        protected virtual TagFilter? TagFilter => null;

        /// <summary>Adds the cmdlet's own filters to the query; false when a filter could not be given (error written).</summary>
        protected virtual bool Filter(ListQuery query) => true;

        /// <summary>What the cmdlet checks here of each listed item that the service could not filter (null: nothing);
        /// with one, no limit is pushed down.</summary>
        protected virtual Func<T, bool>? ClientSideFilter => null;

        /// <summary>One resource by id; a cmdlet that completes what it reads (Get-OSVolume names attached servers) overrides it.</summary>
        protected virtual Task<T> GetAsync(CloudConnection cloud, string id, CancellationToken cancellationToken) =>
            cloud.GetResourceAsync(Definition, id, cancellationToken, _fields);

        /// <summary>The list itself; a cmdlet whose filters must be resolved on each cloud first overrides it.</summary>
        protected virtual IAsyncEnumerable<T> ListAsync(CloudConnection cloud, ListQuery query, CancellationToken cancellationToken) =>
            cloud.ListResourcesAsync(Definition, query, cancellationToken);

        /// <summary>-Property gives objects with just those properties (and the hidden Id and Cloud that pipe them on).</summary>
        protected override void WriteTyped(object item, string typeName)
        {
            if (Property != null && item is T resource)
                WriteObject(SelectedProperties.Of(resource, Property, typeName));
            else
                base.WriteTyped(item, typeName);
        }

        private bool TakeInput(PSObject input, ListQuery query, ref string[]? names, ref CloudConnection? cloud)
        {
            var given = input.BaseObject;
            switch (given)
            {
                case string name:
                    names = (names ?? new string[0]).Append(name).ToArray();
                    return true;
                case object parent when ParentFilterFor(parent.GetType()) is string filterName:
                    if (query.Filters.ContainsKey(filterName))
                        return Refuse(input, $"A {Kind(parent)} came from the pipeline and a filter of the same kind was given too: give one of them.");
                    query.Filter(filterName, input.Properties["Id"]?.Value?.ToString());
                    cloud = (input.Properties["Cloud"]?.Value is PSObject c ? c.BaseObject : input.Properties["Cloud"]?.Value) as CloudConnection;
                    return true;
                default:
                    var kind = given is PSCustomObject ? input.TypeNames[0] : given.GetType().Name;
                    var accepted = new[] { Definition.Kind + "s", "names" }.Concat(Definition.ParentFilters.Keys.Select(t => Kind(t) + "s"));
                    return Refuse(input, $"{MyInvocation.MyCommand.Name} takes {string.Join(", ", accepted)} from the pipeline, not {kind} '{given}'.");
            }
        }

        private string? ParentFilterFor(Type type) =>
            Definition.ParentFilters.Where(p => p.Key.IsAssignableFrom(type)).Select(p => p.Value).FirstOrDefault();

        private static string Kind(object value) => Kind(value.GetType());
        private static string Kind(Type type) => type.Name.ToLowerInvariant();

        private bool Refuse(PSObject input, string message)
        {
            WriteError(new ErrorRecord(new ArgumentException(message), "InvalidPipelineInput", ErrorCategory.InvalidArgument, input));
            return false;
        }

        private static ListQuery With(ListQuery query, int? limit)
        {
            var copy = new ListQuery { Name = query.Name, Limit = limit, Fields = query.Fields, PageSize = query.PageSize };
            foreach (var filter in query.Filters)
                copy.Filters[filter.Key] = filter.Value;
            return copy;
        }
    }
}
