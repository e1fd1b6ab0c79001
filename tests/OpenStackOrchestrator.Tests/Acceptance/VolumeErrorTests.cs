using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>What goes wrong with volumes comes out as clear errors, and changes nothing it should not.</summary>
    public class VolumeErrorTests : VolumeTestBase
    {
        private const string Cmdlets = "OpenStackOrchestrator.Cmdlets.BlockStorage.";

        public VolumeErrorTests() : base("oso-volerr") { }

        [CloudFact]
        public void Extending_to_a_smaller_size_is_an_error_and_leaves_the_size()
        {
            var name = Prefix + "-grow";
            One($"New-OSVolume {name} -SizeGB 2");

            var error = Session.Run($"Set-OSVolume {name} -SizeGB 1").SingleError();

            Assert.Equal("BadRequest," + Cmdlets + "SetOSVolumeCommand", error.FullyQualifiedErrorId);
            Assert.Contains("is 2 GB and cannot shrink to 1 GB", error.ToString());
            Assert.Equal("2", Text($"(Get-OSVolume {name}).SizeGB"));
        }

        [CloudFact]
        public void An_unknown_volume_type_is_NameNotFound_and_creates_nothing()
        {
            var error = Session.Run($"New-OSVolume {Prefix}-typo -SizeGB 1 -VolumeType no-such-type").SingleError();

            Assert.Equal("NameNotFound," + Cmdlets + "NewOSVolumeCommand", error.FullyQualifiedErrorId);
            Assert.Contains("No volume type named 'no-such-type'", error.ToString());
            Assert.Empty(Session.Run($"Get-OSVolume -Name '{Prefix}*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void Remove_OSVolume_WhatIf_and_No_leave_the_volume()
        {
            var name = Prefix + "-keep";
            One($"New-OSVolume {name} -SizeGB 1");

            Session.Run($"Get-OSVolume {name} | Remove-OSVolume -WhatIf").AssertNoErrors();
            Session.UI.Answers.Enqueue(2);
            Session.Run($"Remove-OSVolume {name}").AssertNoErrors();

            Assert.Equal("available", Text($"(Get-OSVolume {name}).Status"));
        }

        [CloudFact]
        public void Detaching_from_a_server_the_volume_is_not_attached_to_is_an_error()
        {
            var server = NewServer("vm");
            var name = Prefix + "-loose";
            One($"New-OSVolume {name} -SizeGB 1");

            var error = Session.Run($"Remove-OSVolumeAttachment {name} -Server {server}").SingleError();

            Assert.Equal("BadRequest," + Cmdlets + "RemoveOSVolumeAttachmentCommand", error.FullyQualifiedErrorId);
            Assert.Contains($"is not attached to server {server}", error.ToString());
        }

        [CloudFact]
        public void A_volume_Cinder_cannot_place_fails_with_Cinders_reason_and_is_deleted()
        {
            var type = Prefix + "-nowhere";
            Session.Run($@"
                $admin = Connect-OSCloud -Cloud los-admin -NotDefault
                $body = @{{ volume_type = @{{ name = '{type}'; 'os-volume-type-access:is_public' = $true; extra_specs = @{{ volume_backend_name = 'oso-no-such-backend' }} }} }}
                $typeId = (Invoke-OSApiRequest -Cloud $admin -Service block-storage -Path /types -Method POST -Body $body -Confirm:$false).volume_type.id").AssertNoErrors();
            try
            {
                var error = Session.Run($"New-OSVolume {Prefix}-lost -SizeGB 1 -VolumeType {type}").SingleError();

                Assert.Equal("VolumeFailed," + Cmdlets + "NewOSVolumeCommand", error.FullyQualifiedErrorId);
                Assert.Contains("went to error: schedule allocate volume:Could not find any available weighted backend", error.ToString());
                Assert.Contains("The failed volume was deleted.", error.ToString());
                Assert.Empty(Session.Run($"Get-OSVolume -Name '{Prefix}-lost*'").AssertNoErrors().Output);
            }
            finally
            {
                Session.Run("Invoke-OSApiRequest -Cloud $admin -Service block-storage -Path /types/$typeId -Method DELETE -Confirm:$false").AssertNoErrors();
            }
        }
    }
}
