using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Tests.Pester
{
    /// <summary>Finds the It blocks of a Pester test file from its AST, without running it: their paths
    /// ("Describe > Context > It"), one per test case when -TestCases/-ForEach is a literal, else one per It.</summary>
    public static class PesterScriptDiscovery
    {
        private static readonly string[] BlockCommands = { "Describe", "Context" };
        private static readonly string[] SwitchParameters = { "Skip" };

        public static IReadOnlyList<string> ItPaths(string file)
        {
            var ast = Parser.ParseFile(file, out _, out var errors);
            if (errors.Length > 0)
                throw new InvalidOperationException($"{file} does not parse: {errors[0].Message} (line {errors[0].Extent.StartLineNumber})");
            return ast.FindAll(a => a is CommandAst c && IsCommand(c, "It"), searchNestedScriptBlocks: true)
                .Cast<CommandAst>()
                .SelectMany(it => ExpandedNames(it).Select(name => string.Join(" > ", EnclosingBlockNames(it).Append(name))))
                .Distinct()
                .ToList();
        }

        private static bool IsCommand(CommandAst command, params string[] names) =>
            names.Contains(command.GetCommandName(), StringComparer.OrdinalIgnoreCase);

        private static IEnumerable<string> EnclosingBlockNames(Ast it)
        {
            var names = new List<string>();
            for (var ast = it.Parent; ast != null; ast = ast.Parent)
                if (ast is CommandAst block && IsCommand(block, BlockCommands))
                    names.Insert(0, Text(Arguments(block).GetValueOrDefault("Name")));
            return names;
        }

        private static IEnumerable<string> ExpandedNames(CommandAst it)
        {
            var arguments = Arguments(it);
            var name = Text(arguments.GetValueOrDefault("Name"));
            var data = arguments.GetValueOrDefault("ForEach") ?? arguments.GetValueOrDefault("TestCases");
            if (data == null)
                return new[] { name };
            object? cases;
            try
            {
                cases = data is ExpressionAst expression ? expression.SafeGetValue() : null;
            }
            catch (InvalidOperationException)
            {
                return new[] { name };  // computed at discovery time: report the It once, its cases combined
            }
            var items = cases is IEnumerable list && cases is not string && cases is not IDictionary ? list.Cast<object?>() : new[] { cases };
            return items.Select(item => Expand(name, item));
        }

        /// <summary>Same expansion as the shim's Expand-ShimName: "&lt;key&gt;", "&lt;key.property&gt;", "&lt;_&gt;".</summary>
        public static string Expand(string template, object? data) =>
            Regex.Replace(template, "<([^<>]+)>", match =>
            {
                var parts = match.Groups[1].Value.Split('.');
                object? value;
                if (parts[0] == "_")
                    value = data;
                else if (data is IDictionary dictionary && dictionary.Contains(parts[0]))
                    value = dictionary[parts[0]];
                else
                    return match.Value;
                foreach (var property in parts.Skip(1))
                    value = value == null ? null : PSObject.AsPSObject(value).Properties[property]?.Value;
                return LanguagePrimitives.ConvertTo<string>(value) ?? "";
            });

        /// <summary>Binds a Describe/Context/It command's arguments by name: the first positional argument is -Name.</summary>
        private static Dictionary<string, Ast?> Arguments(CommandAst command)
        {
            var bound = new Dictionary<string, Ast?>(StringComparer.OrdinalIgnoreCase);
            var positional = new List<Ast>();
            var elements = command.CommandElements;
            for (var i = 1; i < elements.Count; i++)
            {
                if (elements[i] is CommandParameterAst parameter)
                {
                    var isSwitch = SwitchParameters.Contains(parameter.ParameterName, StringComparer.OrdinalIgnoreCase);
                    bound[parameter.ParameterName] = parameter.Argument ?? (isSwitch || i + 1 >= elements.Count ? null : elements[++i]);
                }
                else
                {
                    positional.Add(elements[i]);
                }
            }
            if (!bound.ContainsKey("Name") && positional.Count > 0)
                bound["Name"] = positional[0];
            return bound;
        }

        private static string Text(Ast? ast) => ast switch
        {
            StringConstantExpressionAst constant => constant.Value,
            ExpandableStringExpressionAst expandable => expandable.Value,
            null => "",
            _ => ast.Extent.Text,
        };
    }
}
