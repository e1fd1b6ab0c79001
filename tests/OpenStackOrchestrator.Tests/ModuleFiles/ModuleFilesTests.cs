using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using OpenStackOrchestrator.ModuleFiles;
using Xunit;

namespace OpenStackOrchestrator.Client.Resources
{
    // The reader matches the attribute by its full name, as the module's models carry it.
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TableViewAttribute : Attribute
    {
        public TableViewAttribute(params string[] columns) => Columns = columns;
        public string[] Columns { get; }
        public string? TypeName { get; set; }
    }
}

namespace OpenStackOrchestrator.Tests.ModuleFiles
{
    using OpenStackOrchestrator.Client.Resources;

    [TableView("Name", "SizeGB", "Members.Count", "Addresses", "Tags", TypeName = "Sample.Thing")]
    public sealed class Thing
    {
        public string Name { get; } = "";
        public int? SizeGB { get; }
        public IReadOnlyList<string> Members { get; } = Array.Empty<string>();
        public IReadOnlyList<string> Addresses { get; } = Array.Empty<string>();
        public IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>();
    }

    [TableView("Name", "Nope")]
    public sealed class Misdeclared
    {
        public string Name { get; } = "";
    }

    /// <summary>The declarations the build turns into views and exports, read as the build reads them (metadata only).</summary>
    public sealed class ModuleFilesTests : IDisposable
    {
        private readonly MetadataLoadContext _context;
        private readonly Assembly _assembly;

        public ModuleFilesTests()
        {
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Append(typeof(Thing).Assembly.Location);
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            _assembly = _context.LoadFromAssemblyPath(typeof(Thing).Assembly.Location);
        }

        public void Dispose() => _context.Dispose();

        [Fact]
        public void A_declared_view_right_aligns_numbers_joins_lists_and_shows_a_path_under_its_first_name()
        {
            var view = TableViewReader.Read(_assembly.GetType(typeof(Thing).FullName!)!).Single();

            Assert.Equal("Sample.Thing", view.TypeName);
            Assert.Equal(new ViewColumn(null, "Name", null, false), view.Columns[0]);
            Assert.Equal(new ViewColumn(null, "SizeGB", null, true), view.Columns[1]);
            Assert.Equal(new ViewColumn("Members", null, "$_.Members.Count", true), view.Columns[2]);
            Assert.Equal(new ViewColumn("Addresses", null, "$_.Addresses -join ', '", false), view.Columns[3]);
            Assert.Equal(new ViewColumn(null, "Tags", null, false), view.Columns[4]);
        }

        [Fact]
        public void A_column_that_is_not_a_property_fails_naming_the_model_and_the_column()
        {
            var error = Assert.Throws<ViewDeclarationException>(() => TableViewReader.Read(_assembly.GetType(typeof(Misdeclared).FullName!)!).ToList());

            Assert.Contains(nameof(Misdeclared), error.Message);
            Assert.Contains("'Nope'", error.Message);
        }

        [Fact]
        public void The_format_file_holds_the_views_by_type_name()
        {
            var xml = FormatWriter.Write(TableViewReader.Read(_assembly.GetType(typeof(Thing).FullName!)!));

            var view = System.Xml.Linq.XDocument.Parse(xml).Descendants("View").Single();
            Assert.Equal("Sample.Thing", view.Element("ViewSelectedBy")!.Element("TypeName")!.Value);
            Assert.Equal(5, view.Descendants("TableColumnHeader").Count());
            Assert.Equal("$_.Members.Count", view.Descendants("ScriptBlock").First().Value);
        }

        [Fact]
        public void The_manifest_exports_exactly_the_given_commands_and_keeps_the_rest()
        {
            const string template = "@{\n    RootModule = 'X.dll'\n    CmdletsToExport      = @()\n    AliasesToExport = @()\n}";

            var manifest = ManifestWriter.WithExports(template, new[] { "Get-OSThing", "New-OSThing" });

            Assert.Contains("'Get-OSThing'", manifest);
            Assert.Contains("'New-OSThing'", manifest);
            Assert.Contains("RootModule = 'X.dll'", manifest);
            Assert.Contains("AliasesToExport = @()", manifest);
        }
    }
}
