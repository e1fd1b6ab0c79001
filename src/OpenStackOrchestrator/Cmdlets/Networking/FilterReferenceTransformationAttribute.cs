using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Networking
{
    /// <summary>The filter parameter of a networking Get- cmdlet (Get-OSSubnet -Network, Get-OSFloatingIP -VM...):
    /// as <see cref="ResourceReferenceTransformationAttribute"/>, but an object of the module of another kind is refused.
    /// Without this, Get-OSServer web1 | Get-OSSubnet used the server's id as a network id and listed nothing.</summary>
    public sealed class FilterReferenceTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly ResourceReferenceTransformationAttribute References = new ResourceReferenceTransformationAttribute();
        private readonly Type _kind;

        public FilterReferenceTransformationAttribute(Type kind) => _kind = kind;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var items = inputData is object[] array ? array : new[] { inputData };
            foreach (var item in items)
            {
                var value = item is PSObject p ? p.BaseObject : item;
                var type = value?.GetType();
                if (type != null && type != _kind && type.Namespace != null && type.Namespace.StartsWith("OpenStackOrchestrator.Client", StringComparison.Ordinal))
                    throw new ArgumentTransformationMetadataException(
                        $"A {Words(type.Name)} ('{value}') was given where a {Words(_kind.Name)} is expected: give a {Words(_kind.Name)} object, name or id.");
            }
            return References.Transform(engineIntrinsics, inputData);
        }

        /// <summary>SecurityGroup: "security group"; FloatingIP: "floating IP".</summary>
        private static string Words(string typeName) =>
            string.Join(" ", Regex.Replace(typeName, "(?<=[a-z])(?=[A-Z])", " ").Split(' ').Select(w => w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }
}
