using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OpenStackOrchestrator.Tests.Pester
{
    /// <summary>A theory whose data rows are (test file, It path): each row is shown under its It path, and a row
    /// that throws <see cref="PesterSkipException"/> is reported as skipped (xUnit 2 has no dynamic skip of its own).</summary>
    [XunitTestCaseDiscoverer("OpenStackOrchestrator.Tests.Pester.PesterTheoryDiscoverer", "OpenStackOrchestrator.Tests")]
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class PesterTheoryAttribute : TheoryAttribute { }

    public sealed class PesterSkipException : Exception
    {
        public PesterSkipException(string reason) : base(reason) { }
    }

    public sealed class PesterTheoryDiscoverer : TheoryDiscoverer
    {
        public PesterTheoryDiscoverer(IMessageSink diagnosticMessageSink) : base(diagnosticMessageSink) { }

        protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
            ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
            new[] { new PesterItTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow) };
    }

    public sealed class PesterItTestCase : XunitTestCase
    {
        [Obsolete("Called by the de-serializer", error: true)]
        public PesterItTestCase() { }

        public PesterItTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[] row)
            : base(sink, display, options, method, row) { }

        /// <summary>The It path (second argument), as Pester prints it.</summary>
        protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
            TestMethodArguments?.ElementAtOrDefault(1) as string ?? base.GetDisplayName(factAttribute, displayName);

        public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
            object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        {
            var bus = new SkipOnPesterSkipBus(messageBus);
            var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
            summary.Failed -= bus.Skipped;
            summary.Skipped += bus.Skipped;
            return summary;
        }

        private sealed class SkipOnPesterSkipBus : IMessageBus
        {
            private readonly IMessageBus _inner;
            public SkipOnPesterSkipBus(IMessageBus inner) => _inner = inner;
            public int Skipped { get; private set; }

            public bool QueueMessage(IMessageSinkMessage message)
            {
                if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == typeof(PesterSkipException).FullName)
                {
                    Skipped++;
                    return _inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault()));
                }
                return _inner.QueueMessage(message);
            }

            public void Dispose() { }  // the inner bus belongs to xUnit
        }
    }
}
