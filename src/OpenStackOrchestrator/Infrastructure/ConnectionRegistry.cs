using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The connections of the process (in the order they were made), shared by every runspace in it
    /// (ForEach-Object -Parallel, Start-ThreadJob, a vRO host's pool), and the PowerCLI-style globals $DefaultOSClouds
    /// (every default connection, newest first) and $DefaultOSCloud (the newest). The globals are each runspace's view
    /// of the process's defaults: a runspace where they are not set (a new or reset one) gets the process's.</summary>
    public static class ConnectionRegistry
    {
        public const string DefaultCloudsVariable = "DefaultOSClouds";
        public const string DefaultCloudVariable = "DefaultOSCloud";

        private static readonly List<CloudConnection> All = new List<CloudConnection>();
        private static List<CloudConnection> _processDefaults = new List<CloudConnection>();

        /// <summary>What to do where no connection exists: most often a Start-Job job, which runs in a process of its own.</summary>
        public const string OtherProcessHint = "Run Connect-OSCloud first. A Start-Job job runs in a process of its own and does not " +
            "share this one's connections: connect inside the job's script block (Connect-OSCloud <clouds.yaml name>), or use " +
            "Start-ThreadJob or ForEach-Object -Parallel, which do.";

        public static IReadOnlyList<CloudConnection> Connections
        {
            get
            {
                lock (All) return All.ToList();
            }
        }

        /// <summary>Registers a new connection and returns it; when one to the same auth URL, user, project and region
        /// is already open, that one is kept and returned instead (PowerCLI's rule: no duplicate rows), and the caller
        /// disposes the new one. Either becomes the newest default with <paramref name="makeDefault"/>; with
        /// <paramref name="replaceDefaults"/> (DefaultCloudMode Single) it becomes the only default.</summary>
        public static CloudConnection Add(PSCmdlet cmdlet, CloudConnection connection, bool makeDefault, bool replaceDefaults = false)
        {
            CloudConnection kept;
            lock (All)
            {
                kept = All.FirstOrDefault(c => c.IsConnected && SameIdentity(c, connection)) ?? connection;
                if (ReferenceEquals(kept, connection))
                    All.Add(connection);
            }
            if (makeDefault)
            {
                var defaults = replaceDefaults ? new List<CloudConnection>()
                    : Defaults(cmdlet).Where(c => !ReferenceEquals(c, kept) && !SameIdentity(c, kept)).ToList();
                defaults.Insert(0, kept);
                SetDefaults(cmdlet, defaults);
            }
            return kept;
        }

        public static void Remove(PSCmdlet cmdlet, CloudConnection connection)
        {
            lock (All)
            {
                All.Remove(connection);
                _processDefaults = _processDefaults.Where(c => !ReferenceEquals(c, connection)).ToList();
            }
            SetGlobals(cmdlet, Defaults(cmdlet));
        }

        /// <summary>The default connections as this runspace's user may have changed them ($global:DefaultOSClouds);
        /// in a runspace that has none set, the process's (and the globals are set to them).</summary>
        public static List<CloudConnection> Defaults(PSCmdlet cmdlet)
        {
            var value = cmdlet.SessionState.PSVariable.GetValue("global:" + DefaultCloudsVariable);
            var own = (LanguagePrimitives.GetEnumerable(value)?.Cast<object>()
                          .Select(o => o is PSObject p ? p.BaseObject : o).OfType<CloudConnection>().ToList()
                      ?? (value is PSObject po && po.BaseObject is CloudConnection single ? new List<CloudConnection> { single }
                          : value is CloudConnection c ? new List<CloudConnection> { c } : new List<CloudConnection>()))
                .Where(IsOpen).ToList();
            if (own.Count > 0 || value != null && !IsUnset(cmdlet))
                return own;
            var shared = ProcessDefaults();
            if (shared.Count > 0)
                SetGlobals(cmdlet, shared);
            return shared;
        }

        public static CloudConnection? Default(PSCmdlet cmdlet)
        {
            var value = cmdlet.SessionState.PSVariable.GetValue("global:" + DefaultCloudVariable);
            if ((value is PSObject p ? p.BaseObject : value) is CloudConnection own && IsOpen(own))
                return own;
            return Defaults(cmdlet).FirstOrDefault();
        }

        private static bool IsOpen(CloudConnection connection)
        {
            lock (All) return All.Contains(connection);
        }

        // Disconnecting the last default leaves an empty $DefaultOSClouds: that runspace chose no defaults. A runspace
        // that never had the variable (new, or reset by ForEach-Object -Parallel between iterations) has not chosen.
        private static bool IsUnset(PSCmdlet cmdlet) => cmdlet.SessionState.PSVariable.Get("global:" + DefaultCloudsVariable) == null;

        private static List<CloudConnection> ProcessDefaults()
        {
            lock (All) return _processDefaults.Where(All.Contains).ToList();
        }

        private static void SetDefaults(PSCmdlet cmdlet, List<CloudConnection> defaults)
        {
            lock (All) _processDefaults = defaults.ToList();
            SetGlobals(cmdlet, defaults);
        }

        private static void SetGlobals(PSCmdlet cmdlet, List<CloudConnection> defaults)
        {
            cmdlet.SessionState.PSVariable.Set("global:" + DefaultCloudsVariable, defaults.Cast<object>().Select(Typed).ToArray());
            cmdlet.SessionState.PSVariable.Set("global:" + DefaultCloudVariable, defaults.Count > 0 ? Typed(defaults[0]) : null);
        }

        public static PSObject Typed(object connection)
        {
            var wrapped = PSObject.AsPSObject(connection);
            if (wrapped.TypeNames.Count == 0 || wrapped.TypeNames[0] != TypeNames.Cloud)
                wrapped.TypeNames.Insert(0, TypeNames.Cloud);
            return wrapped;
        }

        // The ids come from the tokens, so a clouds.yaml cloud and explicit parameters naming the same user and project match.
        private static bool SameIdentity(CloudConnection a, CloudConnection b) =>
            string.Equals(a.AuthUrl, b.AuthUrl, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(a.UserId ?? a.UserName, b.UserId ?? b.UserName, StringComparison.Ordinal) &&
            string.Equals(a.ProjectId ?? a.ProjectName, b.ProjectId ?? b.ProjectName, StringComparison.Ordinal) &&
            // No region means the catalog's own: the same as the region a clouds.yaml entry names.
            (a.Region == null || b.Region == null || string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase));
    }
}
