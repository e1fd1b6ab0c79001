using System.Linq;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.VApp;
using Xunit;

namespace OpenStackOrchestrator.Client.Tests.VApp
{
    public class VAppImportPlanTests
    {
        [Fact]
        public void The_WhatIf_text_names_every_image_volume_port_the_flavor_and_the_server()
        {
            var package = OvfPackage.Open(OvfReaderTests.Fixture("efi-two-disks-two-nics.ovf"));
            var ovf = package.Descriptor;
            var plan = new VAppImportPlan
            {
                Package = package,
                ServerName = "db01",
                Flavor = new Flavor { Id = "42", Name = "m1.xlarge", VCpus = 8, MemoryMB = 16384 },
                ImportMethod = "glance-direct",
                Disks = ovf.Disks.Select((d, i) => new PlannedDisk
                {
                    Disk = d, ImageName = $"db01-disk{i + 1}", VolumeName = $"db01-disk{i + 1}", SizeGB = d.CapacityGB, Boot = i == 0,
                    Properties = OvfImageProperties.For(ovf, d),
                }).ToList(),
                Ports = ovf.Nics.Select((n, i) => new PlannedPort { Nic = n, Name = $"db01-nic{i + 1}", NetworkName = i == 0 ? "front" : "back", MacAddress = n.MacAddress }).ToList(),
            };

            var text = plan.Describe();

            Assert.Contains("(db01: 4 vCPU, 8 GB, windows9Server64Guest, EFI) as server 'db01'", text);
            Assert.Contains("no manifest", text);
            Assert.Contains("image  'db01-disk1' from db01-disk1.vmdk (2293248 bytes, vmdk by glance-direct): hw_disk_bus=scsi", text);
            Assert.Contains("volume 'db01-disk1' 40 GB from image 'db01-disk1' (boot)", text);
            Assert.Contains("volume 'db01-disk2' 100 GB from image 'db01-disk2'", text);
            Assert.Contains("port   'db01-nic2' on network 'back' (OVF 'Prod-Backend', VmxNet3) MAC 00:50:56:8e:3c:4d", text);
            Assert.Contains("server 'db01' flavor 'm1.xlarge' (8 vCPU, 16 GB), booting from 'db01-disk1', data volumes 'db01-disk2', ports 'db01-nic1', 'db01-nic2'", text);
        }
    }
}
