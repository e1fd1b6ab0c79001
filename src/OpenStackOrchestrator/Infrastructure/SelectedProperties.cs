using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackOrchestrator.Client.Resources;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>An object with just the properties -Property asked for, in that order, shown as such (no view of the full
    /// type applies: its type name is "&lt;type&gt;#Selected"). Id, Name and Cloud ride along hidden so the object still pipes
    /// to Remove-/Set- cmdlets.</summary>
    public static class SelectedProperties
    {
        public static PSObject Of(OSResource item, IReadOnlyList<string> properties, string typeName)
        {
            var source = PSObject.AsPSObject(item);
            var result = new PSObject();
            var shown = new List<string>();
            foreach (var name in properties)
            {
                var property = source.Properties[name];
                if (property == null || shown.Contains(property.Name))
                    continue;
                result.Properties.Add(new PSNoteProperty(property.Name, property.Value));
                shown.Add(property.Name);
            }
            foreach (var hidden in new[] { "Id", "Name", "Cloud" }.Where(h => !shown.Contains(h)))
                result.Properties.Add(new PSNoteProperty(hidden, source.Properties[hidden]?.Value));
            result.Members.Add(new PSMemberSet("PSStandardMembers", new PSMemberInfo[]
            {
                new PSPropertySet("DefaultDisplayPropertySet", shown),
            }));
            result.TypeNames.Insert(0, typeName + "#Selected");
            return result;
        }
    }
}
