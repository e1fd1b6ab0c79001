using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using OpenStackOrchestrator.Client;
using OpenStackOrchestrator.Client.Compute;
using OpenStackOrchestrator.Client.Errors;
using OpenStackOrchestrator.Completion;
using OpenStackOrchestrator.Infrastructure;

namespace OpenStackOrchestrator.Cmdlets.Compute
{
    /// <summary>Get-OSServerConsole: the remote console URLs of servers (Nova 2.6+ remote-consoles): every type the
    /// cloud offers of novnc, spice-html5 and serial, or the one -Type asks for.</summary>
    [Cmdlet(VerbsCommon.Get, "OSServerConsole")]
    [OutputType(typeof(ServerConsole))]
    public sealed class GetOSServerConsoleCommand : OSCloudCmdlet
    {
        internal static readonly string[] DefaultTypes = { "novnc", "spice-html5", "serial" };

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>The console types to ask for; without it, each of novnc, spice-html5 and serial the cloud offers.</summary>
        [Parameter]
        [ValidateSet("novnc", "spice-html5", "serial", "rdp-html5", "webmks")]
        public string[]? Type { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference.ToString(), () =>
                {
                    var server = Run(async ct => await cloud.Compute.GetServerAsync(
                        await reference.IdOnAsync(cloud, Server.Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
                    foreach (var type in Type ?? DefaultTypes)
                    {
                        if (Type == null)
                        {
                            // Every type: those the cloud does not offer (Nova's 400 "Unavailable console type") are left out.
                            try
                            {
                                WriteTyped(Run(ct => cloud.Compute.GetServerConsoleAsync(server, type, ct)));
                            }
                            catch (BadRequestException unavailable)
                            {
                                WriteVerbose($"Server '{server.Name}' has no {type} console: {unavailable.ServiceMessage ?? unavailable.Message}");
                            }
                            continue;
                        }
                        Try(reference.ToString(), () => WriteTyped(Run(ct => cloud.Compute.GetServerConsoleAsync(server, type, ct))));
                    }
                });
            }
        }
    }

    /// <summary>Open-OSServerConsole: opens a server's web console (novnc by default) in the default browser, as
    /// PowerCLI's Open-VMConsoleWindow. Where there is no browser it is a NoBrowser error that gives the URL.</summary>
    [Cmdlet(VerbsCommon.Open, "OSServerConsole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ServerConsole))]
    public sealed class OpenOSServerConsoleCommand : OSCloudCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ResourceReferenceTransformation]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [ValidateNotNullOrEmpty]
        public ResourceReference[]? VM { get; set; }

        /// <summary>The web console type to open.</summary>
        [Parameter]
        [ValidateSet("novnc", "spice-html5", "rdp-html5", "webmks")]
        public string Type { get; set; } = "novnc";

        /// <summary>Writes the console object (with its URL).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var reference in VM!)
            {
                var cloud = reference.Cloud ?? TargetCloud();
                if (cloud == null)
                    continue;
                Try(reference.ToString(), () =>
                {
                    // The URL is a short-lived token; asking for it changes nothing, so -WhatIf can name it.
                    var console = Run(async ct => await cloud.Compute.GetServerConsoleAsync(await cloud.Compute.GetServerAsync(
                        await reference.IdOnAsync(cloud, Server.Definition, ct).ConfigureAwait(false), ct).ConfigureAwait(false), Type, ct).ConfigureAwait(false));
                    if (!ShouldProcess($"{console.Server} on {cloud.Name}", $"Open {console.Type} console {console.Url} in the web browser"))
                        return;
                    var missing = NoBrowserReason();
                    if (missing != null)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException(
                                $"Cannot open the {console.Type} console of server '{console.Server}': {missing}. Open this URL in a browser elsewhere: {console.Url}"),
                            "NoBrowser", ErrorCategory.ResourceUnavailable, console));
                        return;
                    }
                    try
                    {
                        using (Process.Start(new ProcessStartInfo(console.Url) { UseShellExecute = true })) { }
                    }
                    catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is PlatformNotSupportedException)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException(
                                $"Cannot open the {console.Type} console of server '{console.Server}': {e.Message}. Open this URL in a browser elsewhere: {console.Url}", e),
                            "NoBrowser", ErrorCategory.ResourceUnavailable, console));
                        return;
                    }
                    if (PassThru)
                        WriteTyped(console);
                });
            }
        }

        /// <summary>Why this machine has no browser to open a URL in, or null when it may have one (Windows, macOS,
        /// a Linux desktop with xdg-open).</summary>
        internal static string? NoBrowserReason()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                return null;
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
                return "there is no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set), so no web browser";
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            if (!path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "xdg-open"))))
                return "xdg-open, which opens the default web browser, is not installed";
            return null;
        }
    }
}
