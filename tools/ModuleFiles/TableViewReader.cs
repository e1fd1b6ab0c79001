using System.Reflection;

namespace OpenStackOrchestrator.ModuleFiles;

/// <summary>One column of a declared table view: a property, or an expression over one (a list joined, a count).</summary>
public sealed record ViewColumn(string? Label, string? PropertyName, string? ScriptBlock, bool RightAligned);

public sealed record TableView(string TypeName, IReadOnlyList<ViewColumn> Columns);

/// <summary>Reads [TableView("Name", "Status", "Members.Count", "Id")] off a model. A column is a property path:
/// numbers are right-aligned, lists are shown joined with ", ", a dotted path is shown under its first property's name.
/// A column that is not a property fails the build, naming it.</summary>
public static class TableViewReader
{
    private const string Attribute = "OpenStackOrchestrator.Client.Resources.TableViewAttribute";
    private static readonly HashSet<string> Numbers = new()
    {
        "System.Int16", "System.Int32", "System.Int64", "System.UInt16", "System.UInt32", "System.UInt64",
        "System.Single", "System.Double", "System.Decimal",
    };

    public static IEnumerable<TableView> Read(Type type)
    {
        foreach (var attribute in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Attribute))
        {
            var columns = ((IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!)
                .Select(a => (string)a.Value!).ToList();
            var typeName = attribute.NamedArguments.Where(n => n.MemberName == "TypeName").Select(n => (string?)n.TypedValue.Value)
                .FirstOrDefault() ?? "OpenStackOrchestrator." + type.Name;
            yield return new TableView(typeName, columns.Select(c => Column(type, c)).ToList());
        }
    }

    private static ViewColumn Column(Type type, string path)
    {
        var parts = path.Split('.');
        var current = type;
        foreach (var part in parts)
        {
            var property = PropertyOf(current, part)
                ?? throw new ViewDeclarationException($"[TableView] on {type.FullName}: '{path}' is not a property path ('{part}' is not a public property of {current.Name})");
            current = property.PropertyType;
        }
        var right = Numbers.Contains(Underlying(current).FullName ?? "");
        if (parts.Length > 1)
            return new ViewColumn(parts[0], null, "$_." + path, right);
        if (IsList(current))
            return new ViewColumn(path, null, $"$_.{path} -join ', '", false);
        return new ViewColumn(null, path, null, right);
    }

    // An interface's GetProperty does not look into the interfaces it extends (IReadOnlyList<T>.Count is IReadOnlyCollection<T>'s).
    private static PropertyInfo? PropertyOf(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? (type.IsInterface ? type.GetInterfaces().Select(i => i.GetProperty(name)).FirstOrDefault(p => p != null) : null);

    private static Type Underlying(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

    private static bool IsList(Type type)
    {
        if (type.FullName == "System.String")
            return false;
        var interfaces = type.GetInterfaces().Append(type).Select(i => i.IsGenericType ? i.GetGenericTypeDefinition().FullName : i.FullName).ToList();
        return interfaces.Contains("System.Collections.IEnumerable") && !interfaces.Contains("System.Collections.IDictionary")
               && !interfaces.Contains("System.Collections.Generic.IReadOnlyDictionary`2");
    }
}
