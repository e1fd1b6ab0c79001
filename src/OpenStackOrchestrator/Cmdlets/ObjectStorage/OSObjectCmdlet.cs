using System.Collections.Generic;
using System.Management.Automation;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.ObjectStorage
{
    /// <summary>Base of cmdlets that act on given objects: objects from Get-OSObject (-InputObject, from the pipeline,
    /// on the cloud they came from), or -Container and -Name.</summary>
    public abstract class OSObjectCmdlet : OSCloudCmdlet
    {
        protected const string ObjectSet = "Object";
        protected const string NameSet = "Name";

        [Parameter(Mandatory = true, ParameterSetName = ObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public StorageObject[]? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        [ValidateNotNull]
        public ResourceReference? Container { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>The objects this call names, each with the cloud to act on.</summary>
        protected IEnumerable<ObjectTarget> Targets()
        {
            if (InputObject != null)
            {
                foreach (var item in InputObject)
                    yield return new ObjectTarget(item.Cloud, item.Container, item.Name, item);
                yield break;
            }
            var cloud = Container!.Cloud ?? TargetCloud();
            if (cloud == null)
                yield break;
            foreach (var name in Name!)
                yield return new ObjectTarget(cloud, Container.Name ?? Container.Text, name, null);
        }
    }

    /// <summary>One object to act on; <see cref="Listed"/> is the object given, when one was.</summary>
    public sealed class ObjectTarget
    {
        public ObjectTarget(CloudConnection cloud, string container, string name, StorageObject? listed)
        {
            Cloud = cloud;
            Container = container;
            Name = name;
            Listed = listed;
        }

        public CloudConnection Cloud { get; }
        public string Container { get; }
        public string Name { get; }
        public StorageObject? Listed { get; }

        public override string ToString() => $"{Container}/{Name}";
    }
}
