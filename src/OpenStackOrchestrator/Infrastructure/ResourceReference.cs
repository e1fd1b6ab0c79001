using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Errors;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A parameter value that names a resource: a name, an id, or an object from a Get- cmdlet
    /// (-Image (Get-OSImage x)). Objects are used by id; text is resolved on the cloud (id first, then name).
    /// With several default clouds a Get- cmdlet returns one object per cloud: those (same name, several clouds)
    /// make one reference that stands for the object of whichever cloud the cmdlet acts on.</summary>
    public sealed class ResourceReference
    {
        private readonly IReadOnlyList<ResourceReference>? _perCloud;

        public ResourceReference(string text) => Text = text;

        internal ResourceReference(string id, string? name, CloudConnection? cloud, string? kind = null)
        {
            Text = id;
            Id = id;
            Name = name;
            Cloud = cloud;
            Kind = kind;
        }

        /// <summary>The same-named objects of several clouds; Id and Cloud stay empty (no one cloud), so code that
        /// looks only at them resolves <see cref="Name"/> on its target cloud.</summary>
        private ResourceReference(string name, IReadOnlyList<ResourceReference> perCloud)
        {
            Text = name;
            Name = name;
            Kind = perCloud[0].Kind;
            _perCloud = perCloud;
        }

        /// <summary>What the user typed (or the object's id).</summary>
        public string Text { get; }
        /// <summary>Set when an object was given: no lookup is needed.</summary>
        public string? Id { get; }
        public string? Name { get; }
        public CloudConnection? Cloud { get; }
        /// <summary>What the object was ("image", "flavor"...), for messages; null for text.</summary>
        public string? Kind { get; }

        // The id text resolved to, and on which cloud: resolved before ShouldProcess, used again by the real run.
        private Tuple<CloudConnection, string>? _resolved;

        /// <summary>The id on <paramref name="cloud"/>: the object's own when it came from that cloud, else resolved
        /// (once per cloud: the real run reuses what -WhatIf/-Confirm resolved).</summary>
        public async Task<string> ResolveIdAsync(CloudConnection cloud, Func<string, CancellationToken, Task<string>> resolve, CancellationToken cancellationToken)
        {
            var reference = On(cloud);
            if (reference.Id != null && (reference.Cloud == null || ReferenceEquals(reference.Cloud, cloud)))
                return reference.Id;
            var resolved = _resolved;
            if (resolved != null && ReferenceEquals(resolved.Item1, cloud))
                return resolved.Item2;
            var id = await resolve(reference.Name ?? reference.Text, cancellationToken).ConfigureAwait(false);
            _resolved = Tuple.Create(cloud, id);
            return id;
        }

        /// <summary>The id on <paramref name="cloud"/> of a declared resource: the object's own, else the text resolved by
        /// the generic client (id first, then exact name; none or several is an error naming them).</summary>
        public Task<string> IdOnAsync<T>(CloudConnection cloud, Client.Resources.ResourceDefinition<T> definition, CancellationToken cancellationToken)
            where T : Client.Resources.OSResource =>
            ResolveIdAsync(cloud, async (nameOrId, ct) =>
                (await Client.Resources.ResourceClient.ResolveResourceAsync(cloud, definition, nameOrId, ct).ConfigureAwait(false)).Id, cancellationToken);

        /// <summary>This reference as <paramref name="cloud"/> sees it: of objects from several clouds, the one of
        /// <paramref name="cloud"/> (two there is an AmbiguousName error); else this reference itself.</summary>
        public ResourceReference On(CloudConnection cloud)
        {
            if (_perCloud == null)
                return this;
            var mine = _perCloud.Where(r => ReferenceEquals(r.Cloud, cloud)).ToList();
            if (mine.Count > 1)
                throw new AmbiguousNameException(Kind ?? "object", Name ?? Text, mine.Select(r => $"{r.Id} (on {cloud.Name})").ToList());
            return mine.Count == 1 ? mine[0] : this;
        }

        public override string ToString() => Name ?? Text;

        /// <summary>Objects from more than one cloud are grouped by name, one reference per name; anything else is
        /// left as given. One reference comes back as itself, so a single-valued parameter binds it.</summary>
        internal static object Combine(IReadOnlyList<ResourceReference> references)
        {
            var result = references.ToList();
            if (references.Where(r => r.Cloud != null).Select(r => r.Cloud).Distinct().Count() > 1)
            {
                result = new List<ResourceReference>();
                var grouped = new HashSet<string>(StringComparer.Ordinal);
                foreach (var reference in references)
                {
                    if (reference.Cloud == null)
                    {
                        result.Add(reference);
                        continue;
                    }
                    var key = reference.Name ?? reference.Id!;
                    if (!grouped.Add(key))
                        continue;
                    var group = references.Where(r => r.Cloud != null && (r.Name ?? r.Id) == key).ToList();
                    result.Add(group.Count == 1 ? reference : new ResourceReference(key, group));
                }
            }
            return result.Count == 1 ? (object)result[0] : result.ToArray();
        }
    }

    /// <summary>Turns strings and module objects (anything with Id, Name and Cloud) into <see cref="ResourceReference"/>s.</summary>
    public sealed class ResourceReferenceTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var unwrapped = inputData is PSObject p ? p.BaseObject : inputData;
            if (unwrapped is object[] array)
                return ResourceReference.Combine(array.Select(One).ToList());
            return One(inputData);
        }

        private static ResourceReference One(object? value)
        {
            var unwrapped = value is PSObject p ? p.BaseObject : value;
            switch (unwrapped)
            {
                case null: throw new ArgumentTransformationMetadataException("A resource name, id or object is required.");
                case ResourceReference reference: return reference;
                // An empty name would match nothing or, as a filter, everything: it is refused as a missing one.
                case string text when text.Length == 0: throw new ArgumentTransformationMetadataException("An empty name or id names nothing: give a name, an id or an object.");
                case string text: return new ResourceReference(text);
            }
            var pso = PSObject.AsPSObject(value);
            var id = pso.Properties["Id"]?.Value?.ToString();
            if (string.IsNullOrEmpty(id))
                return new ResourceReference(unwrapped.ToString()!);
            var name = pso.Properties["Name"]?.Value?.ToString();
            var cloudValue = pso.Properties["Cloud"]?.Value;
            var cloud = (cloudValue is PSObject cp ? cp.BaseObject : cloudValue) as CloudConnection;
            var kind = unwrapped is PSCustomObject ? null : unwrapped.GetType().Name.ToLowerInvariant();
            return new ResourceReference(id!, name, cloud, kind);
        }
    }
}
