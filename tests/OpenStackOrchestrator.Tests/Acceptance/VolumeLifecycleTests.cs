using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>Volumes created, grown, renamed, tagged, snapshotted, cloned and removed through the cmdlets, as a user would.</summary>
    public class VolumeLifecycleTests : VolumeTestBase
    {
        public VolumeLifecycleTests() : base("oso-vol") { }

        [CloudFact]
        public void A_volume_goes_through_its_whole_life()
        {
            var name = Prefix + "-a";
            var created = One($"New-OSVolume {name} -SizeGB 1 -Description first -Metadata @{{ role = 'data' }}");
            Assert.Equal("OpenStackOrchestrator.Volume", created.TypeNames[0]);
            Assert.Equal("available", Prop(created, "Status"));
            Assert.Equal("1", Prop(created, "CapacityGB"));
            Assert.Equal("__DEFAULT__", Prop(created, "VolumeType"));
            Assert.Equal("data", Text($"(Get-OSVolume {name}).Metadata['role']"));

            var changed = One($"Get-OSVolume {name} | Set-OSVolume -SizeGB 2 -Name {name}-b -Description second -Metadata @{{ role = $null; tier = 'gold' }}");
            Assert.Equal("2", Prop(changed, "SizeGB"));
            Assert.Equal($"{name}-b", Prop(changed, "Name"));
            Assert.Equal("second", Prop(changed, "Description"));
            Assert.Equal("tier", Text($"(Get-OSVolume {name}-b).Metadata.Keys"));
            Assert.Equal("2", Text($"(Get-OSVolume -Id {Prop(created, "Id")}).SizeGB"));

            var snapshot = One($"Get-OSVolume {name}-b | New-OSVolumeSnapshot -Name {name}-snap -Description before");
            Assert.Equal("OpenStackOrchestrator.VolumeSnapshot", snapshot.TypeNames[0]);
            Assert.Equal("available", Prop(snapshot, "Status"));
            Assert.Equal("2", Prop(snapshot, "SizeGB"));
            Assert.Equal(Prop(created, "Id"), Prop(snapshot, "VolumeId"));
            Assert.Equal(Prop(snapshot, "Id"), Text($"(Get-OSVolume {name}-b | Get-OSVolumeSnapshot).Id"));

            var fromSnapshot = One($"New-OSVolume {name}-fromsnap -Snapshot {name}-snap");
            Assert.Equal("available", Prop(fromSnapshot, "Status"));
            Assert.Equal("2", Prop(fromSnapshot, "SizeGB"));
            Assert.Equal(Prop(snapshot, "Id"), Prop(fromSnapshot, "SnapshotId"));

            var fromImage = One($"New-OSVolume {name}-fromimg -SizeGB 1 -Image los-fake-image");
            Assert.Equal("True", Prop(fromImage, "Bootable"));
            Assert.Equal("los-fake-image", Prop(fromImage, "ImageName"));

            var clone = One($"New-OSVolume {name}-clone -Source (Get-OSVolume {name}-b)");
            Assert.Equal(Prop(created, "Id"), Prop(clone, "SourceVolumeId"));

            Session.Run($"Get-OSVolumeSnapshot {name}-snap | Remove-OSVolumeSnapshot -Confirm:$false").AssertNoErrors();
            Assert.Equal(ErrorCategory.ObjectNotFound, Session.Run($"Get-OSVolumeSnapshot {name}-snap").SingleError().CategoryInfo.Category);
            Session.Run($"Get-OSVolume -Name '{name}*' | Remove-OSVolume -Confirm:$false").AssertNoErrors();
            Assert.Empty(Session.Run($"Get-OSVolume -Name '{name}*'").AssertNoErrors().Output);
        }

        [CloudFact]
        public void RunAsync_returns_tasks_and_their_waits_share_the_polling()
        {
            var result = One($@"
                $before = $DefaultOSCloud.BlockStorage.WaitPollRequests
                $rounds = $DefaultOSCloud.BlockStorage.WaitPollRounds
                $tasks = 1..5 | ForEach-Object {{ New-OSVolume {Prefix}-r$_ -SizeGB 1 -RunAsync }}
                $types = @($tasks | ForEach-Object {{ $_.PSObject.TypeNames[0] }})
                $volumes = @($tasks | Wait-OSTask)
                [pscustomobject]@{{
                    Types = $types; Statuses = @($volumes.Status); Names = @($volumes.Name)
                    Requests = $DefaultOSCloud.BlockStorage.WaitPollRequests - $before
                    Rounds = $DefaultOSCloud.BlockStorage.WaitPollRounds - $rounds
                }}");
            Assert.All((object[])result.Properties["Types"].Value, t => Assert.Equal("OpenStackOrchestrator.Task", t));
            Assert.All((object[])result.Properties["Statuses"].Value, s => Assert.Equal("available", s));
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{Prefix}-r{i}"), ((object[])result.Properties["Names"].Value).Select(n => n.ToString()).OrderBy(n => n));
            // Five volumes cost about one list request per round, not five GETs (a few GETs before all waits joined).
            var requests = (int)result.Properties["Requests"].Value;
            var rounds = (int)result.Properties["Rounds"].Value;
            Assert.True(requests <= rounds + 4, $"{requests} requests in {rounds} rounds");
        }

        [CloudFact]
        public void Volume_types_are_listed_in_a_table_and_an_unknown_one_is_ObjectNotFound()
        {
            var type = One("Get-OSVolumeType -Name __DEFAULT__");
            Assert.Equal("OpenStackOrchestrator.VolumeType", type.TypeNames[0]);
            Assert.Equal("True", Prop(type, "IsPublic"));
            Assert.Equal("__DEFAULT__", Text($"(Get-OSVolumeType -Id {Prop(type, "Id")}).Name"));
            Assert.Matches(@"Name\s+IsPublic\s+Description", Session.Render("Get-OSVolumeType '__DEF*'"));
            Assert.Equal("NameNotFound,OpenStackOrchestrator.Cmdlets.BlockStorage.GetOSVolumeTypeCommand",
                Session.Run("Get-OSVolumeType -Name no-such-type").SingleError().FullyQualifiedErrorId);
        }

        [CloudFact]
        public void Quotas_have_block_storage_rows_in_the_same_table()
        {
            var rows = Session.Run("Get-OSQuota | Where-Object Service -eq block-storage").AssertNoErrors().Output;
            var resources = rows.Select(r => Prop(r, "Resource")).ToList();
            Assert.Contains("volumes", resources);
            Assert.Contains("gigabytes", resources);
            Assert.Contains("snapshots", resources);
            Assert.DoesNotContain("id", resources);
            Assert.All(rows, r => Assert.Equal("OpenStackOrchestrator.Quota", r.TypeNames[0]));
            Assert.Matches(@"block-storage\s+gigabytes\s+(\d+|Unlimited)\s+\d+\s+\d+", Session.Render("Get-OSQuota"));
        }

        [CloudFact]
        public void Volume_names_complete_from_the_cloud()
        {
            One($"New-OSVolume {Prefix}-comp -SizeGB 1");
            var line = $"Remove-OSVolume {Prefix}-co";
            var matches = Session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Select(o => o.ToString());
            Assert.Equal(new[] { $"{Prefix}-comp" }, matches);
        }
    }
}
