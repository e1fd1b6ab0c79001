using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Flavors created and removed by an administrator, refused to a member, and picked by size. Every flavor
    /// made here is private, so that other tests choosing public flavors by size never see them.</summary>
    public class FlavorAdminTests : CloudTestBase
    {
        private readonly ModuleSession _session = new ModuleSession();
        private readonly string _prefix = UniqueName("oso-fl");

        public FlavorAdminTests()
        {
            if (LocalCloud.IsAvailable)
                _session.Run("$admin = Connect-OSCloud -Cloud los-admin -NotDefault; $demo = Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            _session.Run($"Get-OSFlavor -Cloud $admin -IncludePrivate -Name '{_prefix}*' | Remove-OSFlavor -Confirm:$false");
            _session.Dispose();
            base.Dispose();
        }

        private PSObject NewPrivateFlavor(string suffix, int cpu, double memoryGB) =>
            _session.Run($"New-OSFlavor -Cloud $admin -Name {_prefix}-{suffix} -NumCpu {cpu} -MemoryGB {memoryGB} -Private").AssertNoErrors().Output.Single();

        private string[] Names(string script) => _session.Run(script).AssertNoErrors().Output.Select(o => o.Properties["Name"].Value.ToString()!).ToArray();

        [CloudFact]
        public void An_admin_creates_a_flavor_with_every_size_and_removes_it()
        {
            var name = _prefix + "-full";

            var created = _session.Run($@"New-OSFlavor -Cloud $admin -Name {name} -Id {name}-id -NumCpu 3 -MemoryGB 1.5 -DiskGB 5 -EphemeralGB 2 -SwapMB 256 `
                -Private -Description 'made by FlavorAdminTests'").AssertNoErrors().Output.Single();

            Assert.Equal("OpenStackOrchestrator.Flavor", created.TypeNames[0]);
            var read = _session.Run($"Get-OSFlavor -Cloud $admin -Id {name}-id").AssertNoErrors().Output.Single();
            Assert.Equal(name, read.Properties["Name"].Value);
            Assert.Equal(3, read.Properties["VCpus"].Value);
            Assert.Equal(1536L, read.Properties["MemoryMB"].Value);
            Assert.Equal(5L, read.Properties["DiskGB"].Value);
            Assert.Equal(2L, read.Properties["EphemeralGB"].Value);
            Assert.Equal(256L, read.Properties["SwapMB"].Value);
            Assert.Equal(false, read.Properties["IsPublic"].Value);
            Assert.Equal("made by FlavorAdminTests", read.Properties["Description"].Value);

            _session.Run($"Get-OSFlavor -Cloud $admin -Id {name}-id | Remove-OSFlavor -Confirm:$false").AssertNoErrors();

            var gone = _session.Run($"Get-OSFlavor -Cloud $admin -Id {name}-id").SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, gone.CategoryInfo.Category);
        }

        [CloudFact]
        public void WhatIf_creates_and_removes_nothing()
        {
            var name = _prefix + "-whatif";

            _session.Run($"New-OSFlavor -Cloud $admin -Name {name} -NumCpu 1 -MemoryGB 1 -Private -WhatIf").AssertNoErrors();
            Assert.Empty(_session.Run($"Get-OSFlavor -Cloud $admin -IncludePrivate -Name '{name}*'").AssertNoErrors().Output);

            NewPrivateFlavor("whatif", 1, 1);
            var whatIf = _session.Render($"Remove-OSFlavor -Cloud $admin {name} -WhatIf");

            Assert.Contains($"Performing the operation \"Delete flavor\" on target \"{name} on los-admin\"", whatIf);
            Assert.Single(_session.Run($"Get-OSFlavor -Cloud $admin -IncludePrivate -Name {name}").AssertNoErrors().Output);
        }

        [CloudFact]
        public void A_member_gets_PermissionDenied_for_create_and_remove()
        {
            var flavor = NewPrivateFlavor("guarded", 1, 1);
            // Give the demo project access, so that demo can see the flavor and the refusal is Nova's policy, not a lookup.
            _session.Run($@"
                $body = @{{ addTenantAccess = @{{ tenant = $demo.ProjectId }} }}
                $null = Invoke-OSApiRequest -Cloud $admin -Service compute -Path '/flavors/{flavor.Properties["Id"].Value}/action' -Method POST -Body $body -Confirm:$false").AssertNoErrors();

            var create = _session.Run($"New-OSFlavor -Cloud $demo -Name {_prefix}-denied -NumCpu 1 -MemoryGB 1 -Private").SingleError();
            var remove = _session.Run($"Get-OSFlavor -Cloud $demo -IncludePrivate -Name {_prefix}-guarded | Remove-OSFlavor -Confirm:$false").SingleError();

            Assert.Equal("PermissionDenied,OpenStackOrchestrator.Cmdlets.Compute.NewOSFlavorCommand", create.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, create.CategoryInfo.Category);
            Assert.Contains("os-flavor-manage:create", create.ToString());
            Assert.Equal("PermissionDenied,OpenStackOrchestrator.Cmdlets.Compute.RemoveOSFlavorCommand", remove.FullyQualifiedErrorId);
            Assert.Contains("os-flavor-manage:delete", remove.ToString());
            Assert.Single(_session.Run($"Get-OSFlavor -Cloud $admin -IncludePrivate -Name {_prefix}-guarded").AssertNoErrors().Output);
            Assert.Empty(_session.Run($"Get-OSFlavor -Cloud $admin -IncludePrivate -Name '{_prefix}-denied*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void MinNumCpu_and_MinMemoryGB_keep_the_flavors_that_fit_smallest_first()
        {
            NewPrivateFlavor("c2m4", 2, 4);
            NewPrivateFlavor("c2m2", 2, 2);
            NewPrivateFlavor("c4m1", 4, 1);
            var mine = $"Get-OSFlavor -Cloud $admin -IncludePrivate -Name '{_prefix}-*'";

            Assert.Equal(new[] { "c2m2", "c2m4", "c4m1" }.Select(s => _prefix + "-" + s), Names(mine + " -MinNumCpu 2"));
            Assert.Equal(new[] { _prefix + "-c4m1" }, Names(mine + " -MinNumCpu 3"));
            Assert.Equal(new[] { _prefix + "-c2m4" }, Names(mine + " -MinMemoryGB 3"));
            Assert.Equal(new[] { _prefix + "-c2m2" }, Names(mine + " -MinNumCpu 2 -MinMemoryGB 2 -First 1"));
            Assert.Empty(Names(mine + " -MinNumCpu 4 -MinMemoryGB 2"));
        }

        [CloudFact]
        public void MinMemoryGB_is_sent_to_Nova_and_public_flavors_come_smallest_first()
        {
            _session.UI.Clear();

            var names = Names("Get-OSFlavor -Cloud $demo -MinNumCpu 1 -MinMemoryGB 0.5 -Debug").ToList();

            Assert.Contains(_session.UI.DebugLines, l => l.Contains("/flavors/detail?minRam=512"));
            Assert.True(names.IndexOf("m1.tiny") >= 0 && names.IndexOf("m1.tiny") < names.IndexOf("m1.small"), "m1.tiny should come before m1.small: " + string.Join(", ", names));
            var smallest = _session.Run("Get-OSFlavor -Cloud $demo -MinMemoryGB 1 -First 1").AssertNoErrors().Output.Single();
            Assert.True((long)smallest.Properties["MemoryMB"].Value >= 1024);
        }
    }
}
