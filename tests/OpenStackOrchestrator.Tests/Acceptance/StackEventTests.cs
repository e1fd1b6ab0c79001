using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>-RunAsync, Get-OSStackEvent -Follow and stack name completion on stacks made from a JSON template whose one slow resource
    /// takes as many seconds as it is told.</summary>
    public class StackEventTests : StackTestBase
    {
        public StackEventTests() : base("oso-ste") { }

        [CloudFact]
        public void RunAsync_returns_a_task_and_Follow_streams_the_events_until_the_stack_settles()
        {
            var name = Prefix + "-quick";

            var result = One($@"
                $task = New-OSStack {name} -TemplateFile {Template("quick.json")} -Parameter @{{ seconds = 4 }} -RunAsync
                {WaitUntilListed(name)}
                $events = @(Get-OSStackEvent {name} -Follow)
                $statusAfterFollow = (Get-OSStack {name}).Status
                $stack = $task | Wait-OSTask
                [pscustomobject]@{{ TaskType = $task.PSObject.TypeNames[0]; Events = $events; StatusAfterFollow = $statusAfterFollow; Stack = $stack }}");

            Assert.Equal("OpenStackOrchestrator.Task", result.Properties["TaskType"].Value);
            Assert.Equal("CREATE_COMPLETE", result.Properties["StatusAfterFollow"].Value);
            var events = ((object[])result.Properties["Events"].Value).Cast<PSObject>().ToList();
            Assert.All(events, e => Assert.Equal("OpenStackOrchestrator.StackEvent", e.TypeNames[0]));
            Assert.Contains(events, e => Text(e, "ResourceName") == "slow" && Text(e, "Status") == "CREATE_COMPLETE");
            Assert.Equal(name, Text(events.Last(), "ResourceName"));
            Assert.Equal("CREATE_COMPLETE", Text(events.Last(), "Status"));
            Assert.Equal("CREATE_COMPLETE", Text((PSObject)result.Properties["Stack"].Value, "Status"));
            Assert.Equal("done", One($"Get-OSStackOutput {name} slow_value").ToString());
            Assert.Equal(new[] { name }, Complete($"Get-OSStackOutput -Stack {Prefix}"));
            Assert.Equal(new[] { name }, Complete($"Get-OSStack {Prefix}"));
        }

        private string[] Complete(string line) =>
            Session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Select(o => o.ToString()).ToArray();

        [CloudFact]
        public void Follow_stops_after_TimeoutSec_and_at_once_on_Ctrl_C()
        {
            var name = Prefix + "-slow";
            Session.Run($"New-OSStack {name} -TemplateFile {Template("quick.json")} -Parameter @{{ seconds = 120 }} -RunAsync | Out-Null; {WaitUntilListed(name)}").AssertNoErrors();

            var watch = Stopwatch.StartNew();
            var bounded = Session.Run($"Get-OSStackEvent {name} -Follow -TimeoutSec 3");
            watch.Stop();
            Assert.Equal("RequestTimeout,OpenStackOrchestrator.Cmdlets.Orchestration.GetOSStackEventCommand", bounded.SingleError().FullyQualifiedErrorId);
            Assert.Contains(bounded.Output, e => Text(e, "Status") == "CREATE_IN_PROGRESS");
            Assert.InRange(watch.Elapsed.TotalSeconds, 2, 15);

            using var following = Session.BeginRun($"Get-OSStackEvent {name} -Follow");
            System.Threading.Thread.Sleep(1500);
            Assert.False(following.IsCompleted, "-Follow should still be waiting for the stack to settle");
            watch.Restart();
            following.Stop();
            watch.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {watch.Elapsed}");
            Assert.Equal(PSInvocationState.Stopped, following.State);
        }
    }
}
