using System;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>What an unattended run gets instead of a prompt it cannot answer: an error that says which parameter
    /// to add.</summary>
    public static class InteractionErrors
    {
        /// <summary>True for what a host throws when it cannot prompt (pwsh -NonInteractive, a host without a UI).</summary>
        public static bool IsPromptRefused(Exception exception) =>
            exception is PSInvalidOperationException || exception is HostException || exception is NotImplementedException
            || exception is NotSupportedException || exception is InvalidOperationException && !(exception is ObjectDisposedException);

        /// <summary>False when the process or the host certainly cannot prompt; true means "try, and catch the refusal".</summary>
        public static bool MayPrompt(PSHost? host) =>
            Environment.UserInteractive && host?.UI != null && !(host.Name == "ConsoleHost" && StartedNonInteractive(Environment.GetCommandLineArgs()));

        /// <summary>Whether the host can read a password: the console host reads one key by key, which fails (and ends
        /// pwsh) when its input is redirected, as in a scheduled task fed by a file or a pipe.</summary>
        public static bool MayPromptForPassword(PSHost? host) =>
            MayPrompt(host) && !(host!.Name == "ConsoleHost" && Console.IsInputRedirected);

        /// <summary>pwsh -NonInteractive (or -noni, /NonInteractive...) before the command or file: its console host would
        /// print a prompt's caption and then refuse to read, so the module does not start the prompt at all.</summary>
        public static bool StartedNonInteractive(string[] arguments)
        {
            for (var i = 1; i < arguments.Length; i++)
            {
                var argument = arguments[i];
                if (argument.Length < 2 || argument[0] != '-' && argument[0] != '/')
                    continue;
                var name = argument.TrimStart('-', '/').ToLowerInvariant();
                if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.Ordinal))
                    return true;
                // What follows -Command, -File or -EncodedCommand is the script and its arguments, not pwsh's.
                if (name == "c" || name == "f" || name == "e" || name == "ec" || name.Length >= 2 && ("command".StartsWith(name, StringComparison.Ordinal)
                    || "file".StartsWith(name, StringComparison.Ordinal) || "encodedcommand".StartsWith(name, StringComparison.Ordinal)))
                    return false;
            }
            return false;
        }

        public static ErrorRecord ConfirmationNeedsInteractiveHost(string target, string action, Exception? refusal)
        {
            var message = $"\"{action}\" on \"{target}\" needs a confirmation, but this PowerShell host cannot prompt (it is " +
                "non-interactive). Nothing was done.";
            var record = new ErrorRecord(new PSInvalidOperationException(message, refusal), "ConfirmationNeedsInteractiveHost",
                ErrorCategory.InvalidOperation, target);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = "To run it unattended, add -Confirm:$false to the command (or set $ConfirmPreference = 'None').",
            };
            return record;
        }

        public static ErrorRecord CredentialNeedsInteractiveHost(string what, string parameters, object? target, Exception? refusal)
        {
            var message = $"Connecting needs {what}, and this PowerShell host cannot prompt for it (it is non-interactive). " +
                $"Give it with {parameters}.";
            var record = new ErrorRecord(new PSInvalidOperationException(message, refusal), "CredentialNeedsInteractiveHost",
                ErrorCategory.InvalidArgument, target);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = $"Add {parameters} to Connect-OSCloud (or put the password in clouds.yaml or secure.yaml).",
            };
            return record;
        }
    }
}
