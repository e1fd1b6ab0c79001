using System.Management.Automation;
using System.Management.Automation.Runspaces;
using OsoShell;

// Usage: OsoShell [-Module <psd1>]... (-File <script.ps1> | -Command <text>)
var modules = new List<string>();
string? file = null, command = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i].ToLowerInvariant())
    {
        case "-module": modules.Add(Path.GetFullPath(args[++i])); break;
        case "-file": file = Path.GetFullPath(args[++i]); break;
        case "-command": command = string.Join(" ", args.Skip(i + 1)); i = args.Length; break;
        default: Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: OsoShell [-Module psd1]... (-File script.ps1 | -Command text)"); return 64;
    }
}
if (file == null && command == null)
{
    Console.Error.WriteLine("Usage: OsoShell [-Module psd1]... (-File script.ps1 | -Command text)");
    return 64;
}

var host = new ConsoleHost();
var iss = InitialSessionState.CreateDefault2();
if (OperatingSystem.IsWindows())
    iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
using var runspace = RunspaceFactory.CreateRunspace(host, iss);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
foreach (var module in modules)
    ps.AddScript($"Import-Module '{module.Replace("'", "''")}' -ErrorAction Stop\n");
ps.AddScript((file != null ? $". '{file.Replace("'", "''")}'" : command!) + "\n$global:__osoOk = $?");
ps.Commands.Commands[^1].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
ps.AddCommand("Out-Default");
Console.CancelKeyPress += (_, e) => { e.Cancel = true; ps.BeginStop(null, null); };
try
{
    ps.Invoke();
    return runspace.SessionStateProxy.GetVariable("__osoOk") is false ? 1 : 0;
}
catch (RuntimeException ex)
{
    using var errors = PowerShell.Create();
    errors.Runspace = runspace;
    errors.AddCommand("Out-Default").Invoke(new[] { ex.ErrorRecord });
    return 1;
}
