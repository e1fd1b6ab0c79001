using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Tests.Hosting;
using OpenStackOrchestrator.Tests.Shared;

namespace OpenStackOrchestrator.Tests.Acceptance
{
    /// <summary>A session connected to los-demo, and the clean-up of every snapshot, volume and server a volume test
    /// made: those named with the test's unique prefix, and unnamed volumes recorded with <see cref="Created"/>.</summary>
    public abstract class VolumeTestBase : CloudTestBase
    {
        protected readonly ModuleSession Session = new ModuleSession();
        protected readonly string Prefix;
        private readonly List<string> _unnamedVolumeIds = new List<string>();

        protected VolumeTestBase(string prefix)
        {
            Prefix = UniqueName(prefix);
            if (LocalCloud.IsAvailable)
                Session.Run("Connect-OSCloud -Cloud los-demo").AssertNoErrors();
        }

        public override void Dispose()
        {
            Session.Run($@"
                Get-OSVolumeSnapshot -Name '{Prefix}*' | Remove-OSVolumeSnapshot -Confirm:$false
                Get-OSVolume -Name '{Prefix}*' | Remove-OSVolume -Force -Confirm:$false
                foreach ($id in $unnamed) {{ Get-OSVolume -Id $id -ErrorAction SilentlyContinue | Remove-OSVolume -Force -Confirm:$false }}
                Get-OSServer -Name '{Prefix}*' | Remove-OSServer -Confirm:$false",
                new Dictionary<string, object?> { ["unnamed"] = _unnamedVolumeIds.ToArray() });
            Session.Dispose();
            base.Dispose();
        }

        /// <summary>Records a volume without a name for the clean-up, and returns it.</summary>
        protected PSObject Created(PSObject volume)
        {
            _unnamedVolumeIds.Add(Prop(volume, "Id"));
            return volume;
        }

        protected static string Prop(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

        protected PSObject One(string script) => Session.Run(script).AssertNoErrors().Output.Single();

        protected string Text(string script) => One(script).ToString();

        protected string NewServer(string suffix)
        {
            var name = $"{Prefix}-{suffix}";
            Session.Run($"New-OSServer -Name {name} -Image los-fake-image -Flavor m1.tiny -Network none").AssertNoErrors();
            return name;
        }
    }
}
