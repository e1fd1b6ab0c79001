using System;
using System.IO;
using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Local files a cmdlet reads whole or uploads: a device (/dev/zero, /dev/stdin) or a named pipe is no file
    /// to send. /dev/zero never ends (an upload breaks off, a key or template read fills the memory) and opening a pipe
    /// without a writer blocks for ever, beyond the reach of Ctrl+C.</summary>
    internal static class LocalFiles
    {
        /// <summary>Null when <paramref name="path"/> is a regular file or cannot be looked at (then reading it reports
        /// the reason), else an ErrorRecord NotARegularFile about <paramref name="parameter"/>.</summary>
        public static ErrorRecord? RefuseSpecial(PSCmdlet cmdlet, string path, string parameter)
        {
            var type = ItemType(cmdlet, path);
            if (type == null || type == "File" || type == "Directory" || type == "SymbolicLink")
                return null;
            return new ErrorRecord(new PSArgumentException($"-{parameter} '{path}' is a {type}, not a regular file: it cannot be read to its end.", parameter),
                "NotARegularFile", ErrorCategory.InvalidArgument, path);
        }

        // PowerShell 7's FileSystem provider puts the Unix file type on the items it returns (UnixStat.ItemType,
        // symbolic links followed); Windows and older PowerShell have none.
        private static string? ItemType(PSCmdlet cmdlet, string path)
        {
            if (Path.DirectorySeparatorChar == '\\' || !File.Exists(path))
                return null;
            try
            {
                foreach (var item in cmdlet.SessionState.InvokeProvider.Item.Get(new[] { path }, true, true))
                {
                    var stat = item.Properties["UnixStat"]?.Value;
                    var type = stat == null ? null : PSObject.AsPSObject(stat).Properties["ItemType"]?.Value?.ToString();
                    if (type != null)
                        return type;
                }
            }
            catch (Exception ex) when (ex is ProviderInvocationException || ex is ItemNotFoundException || ex is IOException || ex is UnauthorizedAccessException)
            {
            }
            return null;
        }
    }
}
