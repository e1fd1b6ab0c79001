using System.Linq;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;
using Xunit;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    public class CompletionTests : CloudTestBase
    {
        private static string[] Complete(ModuleSession session, string line) =>
            session.Run($"(TabExpansion2 -inputScript '{line.Replace("'", "''")}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
                .AssertNoErrors().Output.Where(o => o != null).Select(o => o.ToString()).ToArray();

        [CloudFact]
        public void Cloud_names_complete_from_clouds_yaml()
        {
            using var session = new ModuleSession();
            Assert.Equal(new[] { "los-admin", "los-demo" }, Complete(session, "Connect-OSCloud -Cloud los-"));
            Assert.Equal(new[] { "los-demo" }, Complete(session, "Connect-OSCloud los-d"));
        }

        [CloudFact]
        public void Live_flavor_and_image_names_complete_and_are_cached_per_connection()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
            Assert.Equal(new[] { "m1.small", "m1.tiny" }, Complete(session, "Get-OSFlavor -Name m1."));
            Assert.Contains("los-fake-image", Complete(session, "Get-OSImage -Name los-"));
            var fetches = session.Run("[OpenStackOrchestrator.Completion.CompletionCache]::FetchCount").Output.Single().BaseObject;
            Assert.Equal(new[] { "m1.tiny" }, Complete(session, "Get-OSFlavor m1.t"));
            Assert.Equal(fetches, session.Run("[OpenStackOrchestrator.Completion.CompletionCache]::FetchCount").Output.Single().BaseObject);
        }

        [CloudFact]
        public void Open_connection_names_complete_for_minus_Cloud()
        {
            using var session = new ModuleSession();
            session.Run("Connect-OSCloud -Cloud los-demo; Connect-OSCloud -Cloud los-admin -NotDefault").AssertNoErrors();
            Assert.Equal(new[] { "los-admin", "los-demo" }, Complete(session, "Get-OSServer -Cloud los").OrderBy(n => n));
        }

        [Fact]
        public void Without_a_connection_live_completion_offers_nothing_and_raises_no_error()
        {
            using var session = new ModuleSession();
            Assert.Empty(Complete(session, "Get-OSServer -Name web"));
        }
    }
}
