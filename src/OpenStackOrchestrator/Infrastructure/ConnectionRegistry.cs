using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OpenStackOrchestrator.Client;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>The connections of one runspace (in the order they were made), and the PowerCLI-style globals
    /// $DefaultOSClouds (every default connection, newest first) and $DefaultOSCloud (the newest).</summary>
    public static class ConnectionRegistry
    {
        public const string DefaultCloudsVariable = "DefaultOSClouds";
        public const string DefaultCloudVariable = "DefaultOSCloud";

        private static readonly ConditionalWeakTable<Runspace, List<CloudConnection>> All = new ConditionalWeakTable<Runspace, List<CloudConnection>>();
        private static readonly List<CloudConnection> NoRunspace = new List<CloudConnection>();

        private static List<CloudConnection> ForCurrentRunspace()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace == null ? NoRunspace : All.GetValue(runspace, _ => new List<CloudConnection>());
        }

        public static IReadOnlyList<CloudConnection> Connections
        {
            get
            {
                var list = ForCurrentRunspace();
                lock (list) return list.ToList();
            }
        }

        /// <summary>Registers a new connection and returns it; when one to the same auth URL, user, project and region
        /// is already open, that one is kept and returned instead (PowerCLI's rule: no duplicate rows), and the caller
        /// disposes the new one. Either becomes the newest default with <paramref name="makeDefault"/>; with
        /// <paramref name="replaceDefaults"/> (DefaultCloudMode Single) it becomes the only default.</summary>
        public static CloudConnection Add(PSCmdlet cmdlet, CloudConnection connection, bool makeDefault, bool replaceDefaults = false)
        {
            var list = ForCurrentRunspace();
            CloudConnection kept;
            lock (list)
            {
                kept = list.FirstOrDefault(c => c.IsConnected && SameIdentity(c, connection)) ?? connection;
                if (ReferenceEquals(kept, connection))
                    list.Add(connection);
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
            var list = ForCurrentRunspace();
            lock (list) list.Remove(connection);
            SetDefaults(cmdlet, Defaults(cmdlet).Where(c => !ReferenceEquals(c, connection)).ToList());
        }

        /// <summary>The default connections as the user may have changed them ($global:DefaultOSClouds).</summary>
        public static List<CloudConnection> Defaults(PSCmdlet cmdlet)
        {
            var value = cmdlet.SessionState.PSVariable.GetValue("global:" + DefaultCloudsVariable);
            return LanguagePrimitives.GetEnumerable(value)?.Cast<object>()
                       .Select(o => o is PSObject p ? p.BaseObject : o).OfType<CloudConnection>().ToList()
                   ?? (value is PSObject po && po.BaseObject is CloudConnection single ? new List<CloudConnection> { single }
                       : value is CloudConnection c ? new List<CloudConnection> { c } : new List<CloudConnection>());
        }

        public static CloudConnection? Default(PSCmdlet cmdlet)
        {
            var value = cmdlet.SessionState.PSVariable.GetValue("global:" + DefaultCloudVariable);
            return (value is PSObject p ? p.BaseObject : value) as CloudConnection;
        }

        private static void SetDefaults(PSCmdlet cmdlet, List<CloudConnection> defaults)
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
