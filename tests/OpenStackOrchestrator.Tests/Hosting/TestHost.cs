using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace OpenStackOrchestrator.Tests.Hosting
{
    /// <summary>A non-interactive host that records what PowerShell shows a user: formatted output, debug lines,
    /// progress and prompts. Confirmation prompts are answered from <see cref="Answers"/> (default: Yes).</summary>
    public sealed class TestHost : PSHost
    {
        private readonly TestHostUI _ui = new TestHostUI();
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "OpenStackOrchestratorTestHost";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new Version(1, 0);
        public TestHostUI Recorder => _ui;
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class TestHostUI : PSHostUserInterface
    {
        private readonly StringBuilder _output = new StringBuilder();
        private readonly TestRawUI _raw = new TestRawUI();

        public List<string> DebugLines { get; } = new List<string>();
        public List<string> ErrorLines { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        public List<string> Prompts { get; } = new List<string>();
        /// <summary>Answers to choice prompts by index, used in order; when empty the default choice is taken.</summary>
        public Queue<int> Answers { get; } = new Queue<int>();

        public string Output { get { lock (_output) return _output.ToString(); } }
        public void Clear() { lock (_output) _output.Clear(); DebugLines.Clear(); ErrorLines.Clear(); Progress.Clear(); Prompts.Clear(); }

        public override PSHostRawUserInterface RawUI => _raw;
        public override bool SupportsVirtualTerminal => false;
        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) { lock (ErrorLines) ErrorLines.Add(value); }
        public override void WriteDebugLine(string message) { lock (DebugLines) DebugLines.Add(message); }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { lock (Progress) Progress.Add(record); }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + ": " + message);
            return Answers.Count > 0 ? Answers.Dequeue() : defaultChoice;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new PromptingException("The test host does not answer text prompts: " + message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new PromptingException("The test host does not answer credential prompts.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new PromptingException("The test host does not answer credential prompts.");
        public override string ReadLine() => throw new PromptingException("The test host does not read input.");
        public override SecureString ReadLineAsSecureString() => throw new PromptingException("The test host does not read input.");

        private void Append(string value)
        {
            lock (_output) _output.Append(GetOutputString(value, supportsVirtualTerminal: false));
        }
    }

    internal sealed class TestRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Size BufferSize { get; set; } = new Size(160, 300);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => new Size(160, 300);
        public override Size MaxWindowSize => new Size(160, 300);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new Size(160, 300);
        public override string WindowTitle { get; set; } = "";
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
