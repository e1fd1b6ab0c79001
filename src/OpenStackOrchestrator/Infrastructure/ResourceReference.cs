using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A parameter value that names a resource: a name, an id, or an object from a Get- cmdlet
    /// (-Image (Get-OSImage x)). Objects are used by id; text is resolved on the cloud (id first, then name).</summary>
    public sealed class ResourceReference
    {
        public ResourceReference(string text) => Text = text;

        internal ResourceReference(string id, string? name, CloudConnection? cloud)
        {
            Text = id;
            Id = id;
            Name = name;
            Cloud = cloud;
        }

        /// <summary>What the user typed (or the object's id).</summary>
        public string Text { get; }
        /// <summary>Set when an object was given: no lookup is needed.</summary>
        public string? Id { get; }
        public string? Name { get; }
        public CloudConnection? Cloud { get; }

        // The id text resolved to, and on which cloud: resolved before ShouldProcess, used again by the real run.
        private Tuple<CloudConnection, string>? _resolved;

        /// <summary>The id on <paramref name="cloud"/>: the object's own when it came from that cloud, else resolved
        /// (once per cloud: the real run reuses what -WhatIf/-Confirm resolved).</summary>
        public async Task<string> ResolveIdAsync(CloudConnection cloud, Func<string, CancellationToken, Task<string>> resolve, CancellationToken cancellationToken)
        {
            if (Id != null && (Cloud == null || ReferenceEquals(Cloud, cloud)))
                return Id;
            var resolved = _resolved;
            if (resolved != null && ReferenceEquals(resolved.Item1, cloud))
                return resolved.Item2;
            var id = await resolve(Name ?? Text, cancellationToken).ConfigureAwait(false);
            _resolved = Tuple.Create(cloud, id);
            return id;
        }

        public override string ToString() => Name ?? Text;
    }

    /// <summary>Turns strings and module objects (anything with Id, Name and Cloud) into <see cref="ResourceReference"/>s.</summary>
    public sealed class ResourceReferenceTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (inputData is object[] array)
            {
                var result = new ResourceReference[array.Length];
                for (var i = 0; i < array.Length; i++)
                    result[i] = One(array[i]);
                return result;
            }
            return One(inputData);
        }

        private static ResourceReference One(object? value)
        {
            var unwrapped = value is PSObject p ? p.BaseObject : value;
            switch (unwrapped)
            {
                case null: throw new ArgumentTransformationMetadataException("A resource name, id or object is required.");
                case ResourceReference reference: return reference;
                case string text: return new ResourceReference(text);
            }
            var pso = PSObject.AsPSObject(value);
            var id = pso.Properties["Id"]?.Value?.ToString();
            if (string.IsNullOrEmpty(id))
                return new ResourceReference(unwrapped.ToString()!);
            var name = pso.Properties["Name"]?.Value?.ToString();
            var cloudValue = pso.Properties["Cloud"]?.Value;
            var cloud = (cloudValue is PSObject cp ? cp.BaseObject : cloudValue) as CloudConnection;
            return new ResourceReference(id!, name, cloud);
        }
    }
}
