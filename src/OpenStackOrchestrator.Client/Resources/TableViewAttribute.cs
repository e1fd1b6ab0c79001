using System;

namespace OpenStackOrchestrator.Client.Resources
{
    /// <summary>The columns Format-Table shows for a model, declared on it: property paths ("Name", "Members.Count").
    /// The build writes the view (tools/ModuleFiles): numbers right-aligned, lists joined, a path under its first name.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class TableViewAttribute : Attribute
    {
        public TableViewAttribute(params string[] columns) => Columns = columns;

        public string[] Columns { get; }

        /// <summary>The type name the view is selected by; default "OpenStackOrchestrator." and the class name.</summary>
        public string? TypeName { get; set; }
    }
}
