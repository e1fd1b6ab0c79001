using System;
using System.Collections.Generic;
using OpenStackOrchestrator.Client.BlockStorage;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Images;
using OpenStackOrchestrator.Client.Networking;
using OpenStackOrchestrator.Client.ObjectStorage;
using OpenStackOrchestrator.Client.Orchestration;

namespace OpenStackOrchestrator.Client.Connection
{
    /// <summary>The service clients of one connection, each built the first time it is used: a session that only
    /// lists servers never builds the others (nor their pollers and caches).</summary>
    internal sealed class ServiceClients
    {
        private readonly Lazy<ComputeClient> _compute;
        private readonly Lazy<ImageClient> _image;
        private readonly Lazy<NetworkClient> _network;
        private readonly Lazy<BlockStorageClient> _blockStorage;
        private readonly Lazy<OrchestrationClient> _orchestration;
        private readonly Lazy<ObjectStorageClient> _objectStorage;

        public ServiceClients(CloudConnection cloud)
        {
            _compute = new Lazy<ComputeClient>(() => new ComputeClient(cloud));
            _image = new Lazy<ImageClient>(() => new ImageClient(cloud));
            _network = new Lazy<NetworkClient>(() => new NetworkClient(cloud));
            _blockStorage = new Lazy<BlockStorageClient>(() => new BlockStorageClient(cloud));
            _orchestration = new Lazy<OrchestrationClient>(() => new OrchestrationClient(cloud));
            _objectStorage = new Lazy<ObjectStorageClient>(() => new ObjectStorageClient(cloud));
        }

        public ComputeClient Compute => _compute.Value;
        public ImageClient Image => _image.Value;
        public NetworkClient Network => _network.Value;
        public BlockStorageClient BlockStorage => _blockStorage.Value;
        public OrchestrationClient Orchestration => _orchestration.Value;
        public ObjectStorageClient ObjectStorage => _objectStorage.Value;

        /// <summary>The clients built so far, by the name of their property (diagnostics and tests).</summary>
        public IReadOnlyList<string> Created
        {
            get
            {
                var created = new List<string>();
                if (_compute.IsValueCreated) created.Add(nameof(Compute));
                if (_image.IsValueCreated) created.Add(nameof(Image));
                if (_network.IsValueCreated) created.Add(nameof(Network));
                if (_blockStorage.IsValueCreated) created.Add(nameof(BlockStorage));
                if (_orchestration.IsValueCreated) created.Add(nameof(Orchestration));
                if (_objectStorage.IsValueCreated) created.Add(nameof(ObjectStorage));
                return created;
            }
        }
    }
}
