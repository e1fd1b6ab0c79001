using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Disks for servers built from pipelines, as New-HardDisk -VM and Get-VM | Get-HardDisk are used.</summary>
    public class VolumeAttachmentTests : VolumeTestBase
    {
        public VolumeAttachmentTests() : base("oso-disk") { }

        [CloudFact]
        public void A_new_volume_piped_to_a_server_is_among_its_disks_with_its_device_until_detached()
        {
            var server = NewServer("vm");
            var attached = Created(One($"$s = Get-OSServer {server}; New-OSVolume -SizeGB 1 | Add-OSVolumeAttachment -Server $s"));
            var id = Prop(attached, "Id");
            Assert.Equal("in-use", Prop(attached, "Status"));
            Assert.Equal(server, Prop(attached, "ServerName"));
            var device = Prop(attached, "Device");
            Assert.StartsWith("/dev/", device);

            var disk = One($"Get-OSServer {server} | Get-OSVolume");
            Assert.Equal(id, Prop(disk, "Id"));
            Assert.Equal(device, Prop(disk, "Device"));
            Assert.Equal(id, Text($"(Get-OSVolume -VM {server}).Id"));
            var table = Session.Render($"Get-OSServer {server} | Get-OSVolume");
            Assert.Matches(@"Name\s+CapacityGB\s+Status\s+Type\s+Server\s+Device", table);
            Assert.Matches($@"1\s+in-use\s+__DEFAULT__\s+{server}\s+{device}", table);

            var detached = One($"Get-OSVolume -Id {id} | Remove-OSVolumeAttachment -Server {server}");
            Assert.Equal("available", Prop(detached, "Status"));
            Assert.Equal("", Prop(detached, "Device"));
            Assert.Empty(Session.Run($"Get-OSServer {server} | Get-OSVolume").AssertNoErrors().Output);

            Session.Run($"Remove-OSVolume {id} -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSVolume -Id {id}").SingleError().CategoryInfo.Category);
        }

        [CloudFact]
        public void Deleting_an_attached_volume_is_an_error_naming_the_server_until_Force_detaches_it()
        {
            var server = NewServer("vm2");
            var volume = $"{Prefix}-busy";
            Session.Run($"New-OSVolume {volume} -SizeGB 1 | Add-OSVolumeAttachment -Server {server}").AssertNoErrors();
            var serverId = Text($"(Get-OSServer {server}).Id");

            var error = Session.Run($"Remove-OSVolume {volume} -Confirm:$false").SingleError();

            Assert.Equal("VolumeInUse,OpenStackOrchestrator.Cmdlets.BlockStorage.RemoveOSVolumeCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains($"attached to server '{server}' ({serverId})", error.ToString());
            Assert.Equal("in-use", Text($"(Get-OSVolume {volume}).Status"));

            Session.Run($"Remove-OSVolume {volume} -Force -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSVolume {volume}").SingleError().CategoryInfo.Category);
            Assert.Equal("ACTIVE", Text($"(Get-OSServer {server}).Status"));
        }

        [CloudFact]
        public void A_snapshot_of_an_attached_volume_needs_no_extra_switch()
        {
            var server = NewServer("vm3");
            var volume = $"{Prefix}-live";
            Session.Run($"New-OSVolume {volume} -SizeGB 1 | Add-OSVolumeAttachment -Server {server}").AssertNoErrors();

            var snapshot = One($"New-OSVolumeSnapshot {volume} {Prefix}-live-snap");

            Assert.Equal("available", Prop(snapshot, "Status"));
            Assert.Equal("in-use", Text($"(Get-OSVolume {volume}).Status"));
        }
    }
}
