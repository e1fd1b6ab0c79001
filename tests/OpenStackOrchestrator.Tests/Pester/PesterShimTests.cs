using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OpenStackOrchestrator.Tests.Hosting;
using Xunit;

namespace OpenStackOrchestrator.Tests.Pester
{
    /// <summary>tests/Pester/PesterShim.psm1 behaves as Pester 5 where our tests rely on it (fixtures in tests/Pester/fixtures).</summary>
    public class PesterShimTests : IClassFixture<PesterShimTests.ShimSession>
    {
        private static readonly string Fixtures = Path.Combine(ModuleSession.RepoRoot, "tests", "Pester", "fixtures");
        private readonly ModuleSession _session;

        public PesterShimTests(ShimSession shim) => _session = shim.Session;

        /// <summary>One runspace with the shim (not the module) for the whole class: fixture runs reset the shim's state.</summary>
        public sealed class ShimSession : IDisposable
        {
            public ModuleSession Session { get; } = new ModuleSession(importModule: false);
            public ShimSession() => Session.Run("Import-Module $p -ErrorAction Stop", new Dictionary<string, object?> { ["p"] = PesterFileRun.ShimPath }).AssertNoErrors();
            public void Dispose() => Session.Dispose();
        }

        private IReadOnlyList<PesterItResult> Run(string fixture) => PesterFileRun.Invoke(_session, Path.Combine(Fixtures, fixture));

        private List<string> ShimLog() => _session.Run("$global:ShimLog").Output.Select(o => o.ToString()).ToList();

        private static PesterItResult Result(IEnumerable<PesterItResult> results, string path) => Assert.Single(results, r => r.Path == path);

        [Fact]
        public void A_failing_It_fails_alone_and_every_other_It_of_the_file_still_runs()
        {
            var results = Run("failing-it.ps1");
            Assert.Equal(new[]
            {
                "Arithmetic > adds: Passed", "Arithmetic > is wrong on purpose: Failed", "Arithmetic > throws on purpose: Failed",
                "Arithmetic > still runs after failures: Passed", "Arithmetic > checks an error message: Passed", "Another block > runs too: Passed",
            }, results.Select(r => $"{r.Path}: {r.Result}"));
            Assert.StartsWith("Expected 3, but got 2.", results[1].Message);
            Assert.Contains("failing-it.ps1:4", results[1].Message);
            Assert.StartsWith("not an assertion", results[2].Message);
            Assert.All(results, r => Assert.True(r.DurationMs >= 0));
        }

        [Fact]
        public void A_throwing_BeforeAll_fails_the_Its_of_its_block_and_AfterAll_still_runs()
        {
            var results = Run("setup-failures.ps1");
            foreach (var path in new[] { "Broken setup > first", "Broken setup > Nested > second" })
            {
                Assert.True(Result(results, path).Failed, path);
                Assert.StartsWith("BeforeAll failed: cannot create the fixture", Result(results, path).Message);
            }
            Assert.True(Result(results, "Failing test > fails").Failed);
            Assert.True(Result(results, "Sound block > is unaffected").Passed);
            Assert.Equal(new[] { "Broken setup: AfterAll", "Failing test: AfterAll" }, ShimLog());
        }

        [Fact]
        public void A_throwing_AfterAll_fails_the_Its_that_passed_in_its_block()
        {
            var result = Result(Run("setup-failures.ps1"), "Broken teardown > passed before the teardown failed");
            Assert.True(result.Failed);
            Assert.StartsWith("AfterAll of 'Broken teardown' failed: cannot clean up", result.Message);
        }

        [Fact]
        public void TestCases_make_one_It_per_case_named_after_it_and_discovery_finds_the_same_names()
        {
            var results = Run("test-cases.ps1");
            Assert.Equal(new[]
            {
                "Test cases > flavor m1.tiny has 1 vCPU: Passed", "Test cases > flavor m1.small has 1 vCPU: Passed",
                "Test cases > flavor m1.medium has 2 vCPU: Passed", "Test cases > binds small to a param block: Passed",
                "Test cases > expands alpha for plain values: Passed", "Test cases > expands beta for plain values: Passed",
                "Test cases > fails only case 1: Passed", "Test cases > fails only case 2: Failed",
            }, results.Select(r => $"{r.Path}: {r.Result}"));
            Assert.Equal("Test cases > flavor <Name> has <VCpus> vCPU", results[0].TemplatePath);
            Assert.StartsWith("Expected 1, but got 2.", results[7].Message);
            Assert.Equal(results.Select(r => r.Path), PesterScriptDiscovery.ItPaths(Path.Combine(Fixtures, "test-cases.ps1")));
        }

        [Fact]
        public void Blocks_and_Its_get_Pester_5_scopes_and_setup_order()
        {
            var results = Run("scoping.ps1");
            Assert.All(results, r => Assert.True(r.Passed, $"{r.Path}: {r.Message}"));
            Assert.Equal(3, results.Count);
            Assert.Equal(new[]
            {
                "Outer BeforeAll", "Outer BeforeEach", "Outer It", "Outer AfterEach",
                "Inner BeforeAll", "Outer BeforeEach", "Inner BeforeEach", "Inner It", "Inner AfterEach", "Outer AfterEach",
                "Outer AfterAll",
            }, ShimLog());
            var testDrive = _session.Run("$global:ShimTestDrive").Output.Single().ToString();
            Assert.False(Directory.Exists(testDrive), "TestDrive is removed after its Describe");
        }

        [Fact]
        public void Skipped_Its_are_reported_as_skipped_and_only_Set_ItResult_is_a_run_time_skip()
        {
            var results = Run("skips.ps1");
            Assert.Equal(new[]
            {
                "Skips > is skipped statically: Skipped False", "Skips > skips itself at run time: Skipped True",
                "Skips > runs: Passed False", "Skips > Skipped block > is skipped with its block: Skipped False",
            }, results.Select(r => $"{r.Path}: {r.Result} {r.SkippedAtRuntime}"));
            Assert.Equal("is skipped, because no cloud here", results[1].Message);
        }

        [Fact]
        public void With_OSO_REQUIRE_CLOUD_a_run_time_skip_fails_its_test_case_and_a_static_skip_does_not()
        {
            var results = Run("skips.ps1");
            Assert.Equal(PesterOutcome.Skipped, PesterVerdict.For("Skips > skips itself at run time", results, forbidRuntimeSkips: false).Outcome);
            var required = PesterVerdict.For("Skips > skips itself at run time", results, forbidRuntimeSkips: true);
            Assert.Equal(PesterOutcome.Failed, required.Outcome);
            Assert.Contains("OSO_REQUIRE_CLOUD=1", required.Message);
            Assert.Equal(PesterOutcome.Skipped, PesterVerdict.For("Skips > is skipped statically", results, forbidRuntimeSkips: true).Outcome);
        }

        [Fact]
        public void A_discovery_error_fails_every_It_of_the_file_with_its_message()
        {
            var file = Path.Combine(Fixtures, "discovery-error.ps1");
            var verdict = PesterVerdict.For(Assert.Single(PesterScriptDiscovery.ItPaths(file)), PesterFileRun.Invoke(_session, file), forbidRuntimeSkips: false);
            Assert.Equal(PesterOutcome.Failed, verdict.Outcome);
            Assert.Contains("code directly inside Describe runs at discovery", verdict.Message);
        }

        private string Evaluate(string snippet) =>
            _session.Run("try {\n" + snippet + "\n'passed' } catch { if ($_.FullyQualifiedErrorId -like 'PesterAssertionFailed*') { $_.Exception.Message } else { \"error: $_\" } }")
                .Output.Last().ToString();

        [Theory]
        [InlineData("1 | Should -Be 1")]
        [InlineData("'abc' | Should -Be 'ABC'")]
        [InlineData("@(1, 2) | Should -Be @(1, 2)")]
        [InlineData("Should -ActualValue 1 -Be 1")]
        [InlineData("1 | Should -Not -Be 2")]
        [InlineData("'abc' | Should -BeExactly 'abc'")]
        [InlineData("'abc' | Should -Not -BeExactly 'ABC'")]
        [InlineData("$null | Should -BeNullOrEmpty")]
        [InlineData("'' | Should -BeNullOrEmpty")]
        [InlineData("@() | Should -BeNullOrEmpty")]
        [InlineData("'x' | Should -Not -BeNullOrEmpty")]
        [InlineData("'server-1' | Should -Match '^server-\\d$'")]
        [InlineData("'server-1' | Should -Not -Match '^db'")]
        [InlineData("'Ab' | Should -MatchExactly '^A'")]
        [InlineData("'los-fake-image' | Should -BeLike 'LOS-*'")]
        [InlineData("'los-fake-image' | Should -Not -BeLike 'cirros*'")]
        [InlineData("'Ab' | Should -BeLikeExactly 'A*'")]
        [InlineData("@(1, 2, 3) | Should -HaveCount 3")]
        [InlineData("@() | Should -HaveCount 0")]
        [InlineData("@(1, 2) | Should -Not -HaveCount 3")]
        [InlineData("'text' | Should -BeOfType [string]")]
        [InlineData("'text' | Should -BeOfType ([System.IComparable])")]
        [InlineData("1 | Should -Not -BeOfType [string]")]
        [InlineData("@('a', 'b') | Should -Contain 'b'")]
        [InlineData("@('a', 'b') | Should -Not -Contain 'c'")]
        [InlineData("$true | Should -BeTrue")]
        [InlineData("$false | Should -Not -BeTrue")]
        [InlineData("$false | Should -BeFalse")]
        [InlineData("$true | Should -Not -BeFalse")]
        [InlineData("2 | Should -BeGreaterThan 1")]
        [InlineData("1 | Should -Not -BeGreaterThan 1")]
        [InlineData("2 | Should -BeGreaterOrEqual 2")]
        [InlineData("1 | Should -BeLessThan 2")]
        [InlineData("2 | Should -Not -BeLessThan 2")]
        [InlineData("2 | Should -BeLessOrEqual 2")]
        [InlineData("'b' | Should -BeIn @('a', 'b')")]
        [InlineData("'c' | Should -Not -BeIn @('a', 'b')")]
        [InlineData("{ throw 'boom' } | Should -Throw")]
        [InlineData("{ throw 'disk full' } | Should -Throw -ExpectedMessage 'disk*'")]
        [InlineData("{ throw 'disk full' } | Should -Throw 'disk full'")]
        [InlineData("{ Get-Command no-such-command -ErrorAction Stop } | Should -Throw -ErrorId 'CommandNotFoundException,*'")]
        [InlineData("{ throw [System.ArgumentException]::new('x') } | Should -Throw -ExceptionType ([System.ArgumentException])")]
        [InlineData("{ 1 } | Should -Not -Throw")]
        public void Should_passes(string snippet) => Assert.Equal("passed", Evaluate(snippet));

        [Theory]
        [InlineData("1 | Should -Be 2", "Expected 2, but got 1.")]
        [InlineData("@(1, 2) | Should -Be @(1, 3)", "Expected @(1, 3), but got @(1, 2).")]
        [InlineData("1 | Should -Not -Be 1", "Expected a value different from 1, but got 1.")]
        [InlineData("1 | Should -Be 2 -Because 'one is not two'", "Expected 2, because one is not two, but got 1.")]
        [InlineData("'abc' | Should -BeExactly 'ABC'", "Expected exactly 'ABC', but got 'abc'.")]
        [InlineData("'abc' | Should -Not -BeExactly 'abc'", "Expected a value different from exactly 'abc', but got 'abc'.")]
        [InlineData("'x' | Should -BeNullOrEmpty", "Expected $null or empty, but got 'x'.")]
        [InlineData("$null | Should -Not -BeNullOrEmpty", "Expected a value, but got $null.")]
        [InlineData("'server-1' | Should -Match '^db'", "Expected regular expression '^db' to match, but got 'server-1'.")]
        [InlineData("'server-1' | Should -Not -Match 'server'", "Expected regular expression 'server' to not match, but got 'server-1'.")]
        [InlineData("'ab' | Should -MatchExactly '^A'", "Expected regular expression '^A' to match exactly, but got 'ab'.")]
        [InlineData("'cirros' | Should -BeLike 'los-*'", "Expected like wildcard 'los-*', but got 'cirros'.")]
        [InlineData("'los-x' | Should -Not -BeLike 'los-*'", "Expected not like wildcard 'los-*', but got 'los-x'.")]
        [InlineData("'ab' | Should -BeLikeExactly 'A*'", "Expected exactly like wildcard 'A*', but got 'ab'.")]
        [InlineData("@(1, 2, 3) | Should -HaveCount 2", "Expected a collection with size 2, but got @(1, 2, 3) with size 3.")]
        [InlineData("@(1, 2) | Should -Not -HaveCount 2", "Expected a collection with size different from 2, but got @(1, 2) with size 2.")]
        [InlineData("1 | Should -BeOfType [string]", "Expected a value of type [System.String] or a subtype, but got 1 of type [System.Int32].")]
        [InlineData("'a' | Should -Not -BeOfType [string]", "Expected a value not of type [System.String], but got 'a' of type [System.String].")]
        [InlineData("@('a', 'b') | Should -Contain 'c'", "Expected 'c' to be found in the collection, but got @('a', 'b').")]
        [InlineData("@('a', 'b') | Should -Not -Contain 'a'", "Expected 'a' to not be found in the collection, but got @('a', 'b').")]
        [InlineData("$false | Should -BeTrue", "Expected $true, but got $false.")]
        [InlineData("$true | Should -Not -BeTrue", "Expected a false value, but got $true.")]
        [InlineData("$true | Should -BeFalse", "Expected $false, but got $true.")]
        [InlineData("$false | Should -Not -BeFalse", "Expected a true value, but got $false.")]
        [InlineData("1 | Should -BeGreaterThan 1", "Expected a value greater than 1, but got 1.")]
        [InlineData("2 | Should -Not -BeGreaterThan 1", "Expected a value less than or equal to 1, but got 2.")]
        [InlineData("1 | Should -BeGreaterOrEqual 2", "Expected a value greater than or equal to 2, but got 1.")]
        [InlineData("2 | Should -BeLessThan 2", "Expected a value less than 2, but got 2.")]
        [InlineData("1 | Should -Not -BeLessThan 2", "Expected a value greater than or equal to 2, but got 1.")]
        [InlineData("3 | Should -BeLessOrEqual 2", "Expected a value less than or equal to 2, but got 3.")]
        [InlineData("'c' | Should -BeIn @('a', 'b')", "Expected a value found in @('a', 'b'), but got 'c'.")]
        [InlineData("'a' | Should -Not -BeIn @('a', 'b')", "Expected a value not found in @('a', 'b'), but got 'a'.")]
        [InlineData("{ 1 } | Should -Throw", "Expected an exception to be thrown, but got no exception.")]
        [InlineData("{ throw 'disk full' } | Should -Throw -ExpectedMessage 'network*'",
            "Expected an exception with message like 'network*' to be thrown, but got [System.Management.Automation.RuntimeException] 'disk full' with FullyQualifiedErrorId 'disk full'.")]
        [InlineData("{ Get-Command nope -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'",
            "Expected an exception with FullyQualifiedErrorId like 'NotConnected,*' to be thrown, but got [System.Management.Automation.CommandNotFoundException] '*' with FullyQualifiedErrorId 'CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand'.")]
        [InlineData("{ throw 'x' } | Should -Throw -ExceptionType ([System.ArgumentException])",
            "Expected an exception with type [System.ArgumentException] to be thrown, but got [System.Management.Automation.RuntimeException] 'x' with FullyQualifiedErrorId 'x'.")]
        [InlineData("{ throw 'boom' } | Should -Not -Throw", "Expected no exception to be thrown, but got [System.Management.Automation.RuntimeException] 'boom' with FullyQualifiedErrorId 'boom'.")]
        [InlineData("'not a script block' | Should -Throw", "error: Input to Should -Throw must be a script block*")]
        [InlineData("1 | Should -Be 1 -BeTrue", "error: Should needs exactly one operator*")]
        public void Should_fails_with(string snippet, string message) => Assert.Matches(
            new Regex("^" + Regex.Escape(message).Replace("\\*", ".*") + "$", RegexOptions.Singleline), Evaluate(snippet));

        [Fact]
        public void Should_Throw_PassThru_returns_the_error_record()
        {
            var output = _session.Run("$e = { throw 'disk full' } | Should -Throw -PassThru; $e.GetType().Name; $e.Exception.Message").AssertNoErrors().Output;
            Assert.Equal(new[] { "ErrorRecord", "disk full" }, output.Select(o => o.ToString()));
        }
    }
}
