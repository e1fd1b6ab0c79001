using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>New-OSServer: creates servers and, like New-VM, waits until they are ACTIVE (or -RunAsync). Objects piped
    /// in give their Name, Image (or ImageId), Flavor, NumCpu, MemoryGB and PowerState: PoweredOff stops the new server.</summary>
    [Cmdlet(VerbsCommon.New, "OSServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ImageSet)]
    [OutputType(typeof(Server), typeof(Client.Tasks.OSTask))]
    public sealed class NewOSServerCommand : OSTaskCmdlet
    {
        private const string ImageSet = "Image";
        private const string BootVolumeSet = "BootVolume";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The image to boot from; -Template as New-VM's. A server piped in gives its ImageId.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ImageSet)]
        [Alias("Template", "ImageId")]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public ResourceReference? Image { get; set; }

        /// <summary>The flavor; without it, the smallest public flavor with at least -NumCpu and -MemoryGB.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(FlavorNameCompleter))]
        public ResourceReference? Flavor { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 4096)]
        public int NumCpu { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.001, 65536)]
        public double MemoryGB { get; set; }

        /// <summary>Networks by name, id or object; "none" for no network. Without it, the project's only network.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public ResourceReference[]? Network { get; set; }

        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(KeyPairNameCompleter))]
        public ResourceReference? KeyPair { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SecurityGroupNameCompleter))]
        public string[]? SecurityGroup { get; set; }

        /// <summary>Cloud-init user data (text; sent base64-encoded).</summary>
        [Parameter]
        public string? UserData { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(AvailabilityZoneNameCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <summary>The compute host to create the servers on (admin only, compute API 2.74): a host name, or a hypervisor
        /// or compute service object. The scheduler still checks the host: a disabled one is refused, and the error says why.</summary>
        [Parameter]
        [HostNameTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<ComputeService>))]
        [ValidateNotNullOrEmpty]
        public string? TargetHost { get; set; }

        [Parameter]
        [ScalarValues]
        public Hashtable? Metadata { get; set; }

        /// <summary>Tags of the new servers (Nova 2.52+: sent in the create request, so no server is ever untagged).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateTag]
        public string[]? Tag { get; set; }

        /// <summary>The server group whose policy places the servers (New-OSServerGroup): DRS rules for OpenStack.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(DefinitionNameCompleter<ServerGroup>))]
        public ResourceReference? ServerGroup { get; set; }

        /// <summary>Boot from a new volume of this size made from the image (deleted with the server).</summary>
        [Parameter(ParameterSetName = ImageSet)]
        [ValidateRange(1, 65536)]
        [WholeNumber]
        public int BootVolumeSizeGB { get; set; }

        /// <summary>Boot from this existing bootable volume instead of an image (it is kept when the server is deleted).</summary>
        [Parameter(Mandatory = true, ParameterSetName = BootVolumeSet)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public ResourceReference? BootVolume { get; set; }

        /// <summary>Existing available volumes attached at create time, in order (kept when the server is deleted).</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? DataVolume { get; set; }

        /// <summary>New empty data disks of these sizes, made with the server (New-HardDisk -CapacityGB at create time).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateRange(1, 65536)]
        [WholeNumber]
        public int[]? VolumeSizeGB { get; set; }

        /// <summary>Delete the disks made by -VolumeSizeGB with the server; without it they are kept.</summary>
        [Parameter]
        public SwitchParameter DeleteOnTermination { get; set; }

        /// <summary>Pre-made ports (New-OSPort), attached first and in order: the server keeps their MAC and fixed IPs.</summary>
        [Parameter]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(PortNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? Port { get; set; }

        /// <summary>Give the server a config drive: its metadata, keys and user data as a disk, for guests that cannot reach the metadata service.</summary>
        [Parameter]
        public SwitchParameter ConfigDrive { get; set; }

        /// <summary>PoweredOff: stop each new server once it is ACTIVE (the server returned is the stopped one), as a
        /// piped server that is powered off asks for.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet(PowerStates.PoweredOn, PowerStates.PoweredOff)]
        public string? PowerState { get; set; }

        /// <summary>How many servers; with more than one they are named Name-1, Name-2...</summary>
        [Parameter]
        [ValidateRange(1, 500)]
        public int Count { get; set; } = 1;

        protected override string Activity => "Creating servers";

        protected override void ProcessRecord()
        {
            var cloud = TargetCloud();
            if (cloud == null)
                return;
            ServerCreateRequest? template = null;
            if (!ShouldProcessResolved(Name, async ct => template = await BuildRequestAsync(cloud, ct).ConfigureAwait(false),
                    $"{Name} on {cloud.Name}" + (Count > 1 ? $" (x{Count})" : ""), "Create server"))
                return;
            var powerOff = string.Equals(PowerState, PowerStates.PoweredOff, StringComparison.OrdinalIgnoreCase);
            for (var i = 1; i <= Count; i++)
            {
                var request = Count == 1 ? template! : Renamed(template!, $"{Name}-{i}");
                Launch("New-OSServer", request.Name, cloud, (task, ct) => CreateAndWaitAsync(cloud, request, powerOff, task, ct));
            }
        }

        private static async Task<object?> CreateAndWaitAsync(CloudConnection cloud, ServerCreateRequest request, bool powerOff, Client.Tasks.OSTask task, CancellationToken ct)
        {
            task.Report(5, "requested");
            // The create is not cancelled half-way (its HTTP timeout bounds it): a stopped task must know the server's
            // id to delete it, and a cancelled POST may still have made one.
            var id = await cloud.Compute.CreateServerAsync(request, CancellationToken.None).ConfigureAwait(false);
            task.OnStop("deleted the server, still building", async c =>
            {
                await cloud.Compute.DeleteServerAsync(id, c).ConfigureAwait(false);
                await cloud.Compute.WaitForServerDeletedAsync(id, null, c).ConfigureAwait(false);
            });
            ct.ThrowIfCancellationRequested();
            Server active;
            try
            {
                active = await cloud.Compute.WaitForServerStatusAsync(id, new[] { "ACTIVE" }, s => ServerProgress.Report(task, s), ct).ConfigureAwait(false);
            }
            catch (ServerFaultException fault)
            {
                // Leave nothing half-created behind: a server in ERROR is removed, and the error says so.
                await cloud.Compute.DeleteServerAsync(id, CancellationToken.None).ConfigureAwait(false);
                var why = await WhyNoHostAsync(cloud, request, fault.Server, CancellationToken.None).ConfigureAwait(false);
                throw new ServerFaultException(fault.Server, (why != null ? " " + why : "") + " The server in ERROR was deleted.");
            }
            if (!powerOff)
                return active;
            task.Report(90, "stopping");
            await cloud.Compute.ServerActionAsync(id, "os-stop", null, ct).ConfigureAwait(false);
            return await cloud.Compute.WaitForServerStatusAsync(id, new[] { "SHUTOFF" }, null, ct).ConfigureAwait(false);
        }

        /// <summary>Nova's "No valid host was found" does not say why: when a host was asked for (-TargetHost, or -AvailabilityZone
        /// zone:host) and its compute service is disabled or down, that is the reason.</summary>
        private static async Task<string?> WhyNoHostAsync(CloudConnection cloud, ServerCreateRequest request, Server server, CancellationToken ct)
        {
            if (server.FaultMessage == null || server.FaultMessage.IndexOf("No valid host", StringComparison.OrdinalIgnoreCase) < 0)
                return null;
            var zoneHost = request.AvailabilityZone?.Split(':');
            var host = request.Host ?? (zoneHost != null && zoneHost.Length > 1 && zoneHost[1].Length > 0 ? zoneHost[1] : null);
            return host == null ? null : await ComputeService.WhyHostRefusesAsync(cloud, host, ct).ConfigureAwait(false);
        }

        private async Task<ServerCreateRequest> BuildRequestAsync(CloudConnection cloud, CancellationToken ct)
        {
            var request = new ServerCreateRequest
            {
                Name = Name!,
                UserData = UserData,
                AvailabilityZone = AvailabilityZone,
                Host = TargetHost,
                KeyName = KeyPair?.Id ?? KeyPair?.Text,
                BootVolumeSizeGB = BootVolumeSizeGB > 0 ? BootVolumeSizeGB : (int?)null,
                ConfigDrive = ConfigDrive.IsPresent ? true : (bool?)null,
                DeleteNewVolumesOnTermination = DeleteOnTermination.IsPresent,
            };
            if (KeyPair != null && KeyPair.Id == null)
                await cloud.Compute.GetKeyPairAsync(KeyPair.Text, ct).ConfigureAwait(false);   // Nova's own refusal is a vague 400
            if (Count > 1 && (BootVolume != null || DataVolume != null || Port != null))
                throw new BadRequestException("-Count makes several servers, but a volume or a port given by -BootVolume, -DataVolume or -Port can belong to only one: leave -Count out, or use -VolumeSizeGB and -Network.");
            if (BootVolume != null)
                request.BootVolumeId = await ExistingDisks.BootVolumeIdAsync(cloud, BootVolume, ct).ConfigureAwait(false);
            else
                request.ImageId = await Image!.IdOnAsync(cloud, Client.Images.Image.Definition, ct).ConfigureAwait(false);
            foreach (var volume in DataVolume ?? new ResourceReference[0])
                request.DataVolumeIds.Add(await ExistingDisks.DataVolumeIdAsync(cloud, volume, ct).ConfigureAwait(false));
            foreach (var size in VolumeSizeGB ?? new int[0])
                request.NewVolumeSizesGB.Add(size);
            foreach (var port in Port ?? new ResourceReference[0])
                request.PortIds.Add(await ExistingDisks.FreePortIdAsync(cloud, port, ct).ConfigureAwait(false));
            ExistingDisks.RefuseRepeats(request);
            request.FlavorId = Flavor != null
                ? await Flavor.IdOnAsync(cloud, Client.Compute.Flavor.Definition, ct).ConfigureAwait(false)
                : (await FlavorSizing.SmallestFittingAsync(cloud, NumCpu, MemoryGB, ct).ConfigureAwait(false)).Id;
            await AddNetworksAsync(cloud, request, ct).ConfigureAwait(false);
            if (ServerGroup != null)
                request.ServerGroupId = await ServerGroup.IdOnAsync(cloud, Client.Compute.ServerGroup.Definition, ct).ConfigureAwait(false);
            foreach (var group in SecurityGroup ?? new string[0])
                request.SecurityGroups.Add(group);
            foreach (var tag in (Tag ?? new string[0]).Distinct())
                request.Tags.Add(tag);
            if (Metadata != null)
                foreach (DictionaryEntry entry in Metadata)
                    request.Metadata[entry.Key.ToString()!] = InputChecks.ScalarText(nameof(Metadata), entry.Key.ToString()!, entry.Value) ?? "";
            return request;
        }

        private async Task AddNetworksAsync(CloudConnection cloud, ServerCreateRequest request, CancellationToken ct)
        {
            if (Network != null && Network.Length == 1 && Network[0].Id == null && string.Equals(Network[0].Text, "none", StringComparison.OrdinalIgnoreCase))
            {
                request.NoNetwork = true;
                return;
            }
            if (Port != null && (Network == null || Network.Length == 0))
                return;   // the ports are the server's only networks
            if (Network != null && Network.Length > 0)
            {
                foreach (var network in Network)
                    request.NetworkIds.Add(await network.IdOnAsync(cloud, Client.Networking.Network.Definition, ct).ConfigureAwait(false));
                return;
            }
            var candidates = await Client.Resolution.NameResolver.ToListAsync(cloud.Network.ListNetworksAsync(external: false, cancellationToken: ct)).ConfigureAwait(false);
            if (candidates.Count == 1)
                request.NetworkIds.Add(candidates[0].Id);
            else
                throw new BadRequestException(candidates.Count == 0
                    ? "The project has no network a server can use: give -Network <name>, or -Network none."
                    : $"The project has {candidates.Count} networks; choose with -Network: {string.Join(", ", candidates.Select(n => n.Name))} (or -Network none).");
        }

        private static ServerCreateRequest Renamed(ServerCreateRequest template, string name)
        {
            var copy = new ServerCreateRequest
            {
                Name = name, ImageId = template.ImageId, FlavorId = template.FlavorId, NoNetwork = template.NoNetwork, KeyName = template.KeyName,
                UserData = template.UserData, AvailabilityZone = template.AvailabilityZone, BootVolumeSizeGB = template.BootVolumeSizeGB,
                Host = template.Host, ServerGroupId = template.ServerGroupId, ConfigDrive = template.ConfigDrive,
                DeleteNewVolumesOnTermination = template.DeleteNewVolumesOnTermination,
            };
            foreach (var size in template.NewVolumeSizesGB) copy.NewVolumeSizesGB.Add(size);
            foreach (var n in template.NetworkIds) copy.NetworkIds.Add(n);
            foreach (var p in template.PortIds) copy.PortIds.Add(p);
            foreach (var g in template.SecurityGroups) copy.SecurityGroups.Add(g);
            foreach (var m in template.Metadata) copy.Metadata[m.Key] = m.Value;
            foreach (var t in template.Tags) copy.Tags.Add(t);
            return copy;
        }
    }
}
