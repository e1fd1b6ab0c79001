using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace OpenStackOrchestrator.Bench;

/// <summary>Median / p95 / min / max / mean of a sample, in milliseconds.</summary>
public sealed record Stat(int N, double Median, double P95, double Min, double Max, double Mean)
{
    public static Stat Of(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0)
            return new Stat(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double Rank(double p) => v[Math.Clamp((int)Math.Ceiling(p * v.Length) - 1, 0, v.Length - 1)]; // nearest rank
        var median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return new Stat(v.Length, median, Rank(0.95), v[0], v[^1], v.Average());
    }

    public static string F(double ms) => double.IsNaN(ms) ? "-" : ms >= 1000 ? $"{ms / 1000:0.00} s" : ms >= 100 ? $"{ms:0} ms" : ms >= 10 ? $"{ms:0.0} ms" : $"{ms:0.00} ms";

    public override string ToString() => $"median {F(Median)}  p95 {F(P95)}  min {F(Min)}  (n={N})";
}

public sealed class BenchException(string message) : Exception(message);

/// <summary>Minimal PowerShell hosting: runspaces from SMA alone (no pwsh), commands, failures as exceptions.</summary>
public static class Ps
{
    public static Runspace NewRunspace()
    {
        var iss = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
            iss.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        var rs = RunspaceFactory.CreateRunspace(iss);
        // A console host runs every line on one pipeline thread; the default (a new thread per Invoke) would add
        // a thread start to every call measured from the host.
        rs.ThreadOptions = PSThreadOptions.ReuseThread;
        rs.Open();
        return rs;
    }

    public static Collection<PSObject> Invoke(Runspace rs, Action<PowerShell> build, bool allowErrors = false)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = rs;
        build(ps);
        var result = ps.Invoke();
        if (ps.HadErrors && !allowErrors)
            throw new BenchException("PowerShell reported errors: " + string.Join(" | ", ps.Streams.Error.Select(e => e.ToString())));
        return result;
    }

    public static Collection<PSObject> Script(Runspace rs, string script) => Invoke(rs, ps => ps.AddScript(script));

    public static void Import(Runspace rs, string psd1) =>
        Invoke(rs, ps => ps.AddCommand("Import-Module").AddParameter("Name", psd1).AddParameter("ErrorAction", "Stop"));

    public static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }

    public static double[] Doubles(Collection<PSObject> output) =>
        output.SelectMany(o => o.BaseObject is double[] a ? a : o.BaseObject is object[] oa ? oa.Select(Convert.ToDouble) : new[] { Convert.ToDouble(o.BaseObject) }).ToArray();
}

/// <summary>Listens to the runtime's System.Net.Http EventSource in this process: every HTTP request that
/// HttpClient sends (the module's, through Flurl, and the bench's raw ones), its duration and its path, and
/// every new TCP connection. Used only for the profile passes, never for the headline timings.</summary>
public sealed class HttpProbe : EventListener
{
    public sealed record Request(string Path, long Start, long Stop)
    {
        public double Ms => (Stop - Start) * 1000.0 / Stopwatch.Frequency;
    }

    private readonly object _gate = new();
    private readonly List<Request> _done = new();
    private readonly Stack<(string Path, long Start)> _open = new();
    private bool _on;
    public int Connections { get; private set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "System.Net.Http")
            EnableEvents(source, EventLevel.Informational, (EventKeywords)(-1));
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_on) return;
            switch (e.EventName)
            {
                case "RequestStart":
                    // payload: scheme, host, port, pathAndQuery, versionMajor, versionMinor, versionPolicy
                    _open.Push(($"{e.Payload?[1]}:{e.Payload?[2]}{e.Payload?[3]}", now));
                    break;
                case "RequestStop":
                    if (_open.Count > 0)
                    {
                        var (path, start) = _open.Pop();
                        _done.Add(new Request(path, start, now));
                    }
                    break;
                case "ConnectionEstablished":
                    Connections++;
                    break;
            }
        }
    }

    public void Start()
    {
        lock (_gate) { _done.Clear(); _open.Clear(); Connections = 0; _on = true; }
    }

    public List<Request> Stop()
    {
        lock (_gate) { _on = false; return _done.ToList(); }
    }
}

/// <summary>Reads the few scalars the bench needs from clouds.yaml (nested maps of scalars; lists ignored).
/// Avoids a YAML package so that no YamlDotNet is loaded before the module's own copy.</summary>
public static class CloudsYaml
{
    public static Dictionary<string, string> Read(string path, string cloud)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw;
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (line.TrimStart().StartsWith('#')) continue;
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('-')) continue;
            var indent = line.Length - line.TrimStart().Length;
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().Trim('"', '\'');
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            while (stack.Count > 0 && stack[^1].Indent >= indent) stack.RemoveAt(stack.Count - 1);
            var full = string.Join(".", stack.Select(s => s.Key).Append(key));
            if (value.Length == 0) stack.Add((indent, key));
            else if (full.StartsWith($"clouds.{cloud}.", StringComparison.Ordinal))
                result[full[$"clouds.{cloud}.".Length..]] = value;
        }
        if (result.Count == 0)
            throw new BenchException($"cloud '{cloud}' not found in {path}");
        return result;
    }
}

public static class Text
{
    public static string Table(IEnumerable<string[]> rows, params string[] header)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        var sb = new StringBuilder();
        void Row(string[] r) => sb.Append("| ").Append(string.Join(" | ", r.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])))).Append(" |\n");
        Row(header);
        sb.Append("|").Append(string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":"))).Append("|\n");
        foreach (var r in rows) Row(r);
        return sb.ToString();
    }
}
