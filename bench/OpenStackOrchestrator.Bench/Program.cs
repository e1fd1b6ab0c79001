// Benchmarks of the OpenStackOrchestrator module against a raw HttpClient, openstacksdk and the openstack CLI.
// See bench/run.sh (builds and runs everything) and docs/performance.md (what each figure means, the results).
//
//   dotnet OpenStackOrchestrator.Bench.dll --module <dir>/OpenStackOrchestrator.psd1 [--cloud los-admin] [options]
//   dotnet OpenStackOrchestrator.Bench.dll --cold-child --module <psd1> --cloud <name>   (one cold process; used by the bench)
//
// Every loop is bounded by a command-line count; the bench refuses clouds whose endpoints are not on loopback.
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenStackOrchestrator.Bench;

public sealed class Options
{
    public string Module = "out/OpenStackOrchestrator/OpenStackOrchestrator.psd1";
    public string Cloud = "los-admin";
    public string CloudsYaml = Environment.GetEnvironmentVariable("OS_CLIENT_CONFIG_FILE") is { Length: > 0 } f ? f : "/var/lib/los/clouds.yaml";
    public int Cold = 10, WarmImports = 20, FlavorCalls = 200, FlavorWarmup = 20, ProfileCalls = 100;
    public int TenRounds = 20, TenWarmRounds = 20, CliRounds = 3, OneShot = 5;
    public string SdkScript = "bench/sdk_ten_lists.py", Python = "/usr/bin/python3", Openstack = "openstack";
    public string? Json;
    public bool ColdChild, Probe;
    public HashSet<string> Parts = new(AllParts);
    public static readonly string[] AllParts = { "cold", "warm", "flavor", "profile", "ten", "cli", "sdk" };

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new BenchException($"{args[i]} needs a value");
            int Count() => int.TryParse(Next(), out var n) && n >= 0 && n <= 10000 ? n : throw new BenchException($"{args[i - 1]}: a count from 0 to 10000");
            switch (args[i])
            {
                case "--module": o.Module = Next(); break;
                case "--cloud": o.Cloud = Next(); break;
                case "--clouds-yaml": o.CloudsYaml = Next(); break;
                case "--cold": o.Cold = Count(); break;
                case "--warm-imports": o.WarmImports = Count(); break;
                case "--flavor-calls": o.FlavorCalls = Count(); break;
                case "--flavor-warmup": o.FlavorWarmup = Count(); break;
                case "--profile-calls": o.ProfileCalls = Count(); break;
                case "--ten-rounds": o.TenRounds = Count(); break;
                case "--ten-warm-rounds": o.TenWarmRounds = Count(); break;
                case "--cli-rounds": o.CliRounds = Count(); break;
                case "--one-shot": o.OneShot = Count(); break;
                case "--sdk-script": o.SdkScript = Next(); break;
                case "--python": o.Python = Next(); break;
                case "--openstack": o.Openstack = Next(); break;
                case "--json": o.Json = Next(); break;
                case "--only": o.Parts = new HashSet<string>(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--cold-child": o.ColdChild = true; break;
                case "--probe": o.Probe = true; break;
                case "-h": case "--help":
                    Console.WriteLine("options: --module PSD1 --cloud NAME --clouds-yaml PATH --cold N --warm-imports N --flavor-calls N --flavor-warmup N " +
                                      "--profile-calls N --ten-rounds N --ten-warm-rounds N --cli-rounds N --one-shot N --sdk-script PATH --python PATH " +
                                      $"--openstack PATH --json PATH --only {string.Join(',', AllParts)}");
                    Environment.Exit(0);
                    break;
                default: throw new BenchException($"unknown argument {args[i]} (--help)");
            }
        }
        foreach (var p in o.Parts)
            if (!AllParts.Contains(p)) throw new BenchException($"--only: unknown part {p}");
        o.Module = Path.GetFullPath(o.Module);
        o.CloudsYaml = Path.GetFullPath(o.CloudsYaml);
        o.SdkScript = Path.GetFullPath(o.SdkScript);
        return o;
    }
}

/// <summary>The 10 list operations of part c, as module commands and as openstack CLI arguments.</summary>
public static class Ten
{
    public static readonly (string Label, string Ps, string Cli)[] Steps =
    {
        ("flavor list", "Get-OSFlavor", "flavor list"),
        ("image list", "Get-OSImage", "image list"),
        ("server list", "Get-OSServer", "server list"),
        ("network list", "Invoke-OSApiRequest -Service network -Path /v2.0/networks", "network list"),
        ("volume list", "Invoke-OSApiRequest -Service block-storage -Path /volumes/detail", "volume list"),
        ("stack list", "Invoke-OSApiRequest -Service orchestration -Path /stacks", "stack list"),
        ("container list", "Invoke-OSApiRequest -Service object-store -Path / -Query @{ format = 'json' }", "container list"),
        ("availability zone list", "Invoke-OSApiRequest -Service compute -Path /os-availability-zone", "availability zone list --compute"),
        ("keypair list", "Invoke-OSApiRequest -Service compute -Path /os-keypairs", "keypair list"),
        ("flavor list (2nd)", "Get-OSFlavor", "flavor list"),
    };

    /// <summary>A script that runs the 10 (optionally after Connect-OSCloud) and returns its per-step times;
    /// element 10 is the Connect-OSCloud time. Outputs are kept in variables, as a real script would.</summary>
    public static string Script(string? connectCloud)
    {
        var sb = new StringBuilder("$__sw = [Diagnostics.Stopwatch]::new(); $__t = [double[]]::new(11)\n");
        if (connectCloud != null)
            sb.Append($"$__sw.Restart(); $__c = Connect-OSCloud -Cloud '{connectCloud}'; $__t[10] = $__sw.Elapsed.TotalMilliseconds\n");
        for (var i = 0; i < Steps.Length; i++)
            sb.Append($"$__sw.Restart(); $__r{i} = {Steps[i].Ps}; $__t[{i}] = $__sw.Elapsed.TotalMilliseconds\n");
        sb.Append(",$__t\n");
        return sb.ToString();
    }
}

public static class Program
{
    private static readonly JsonSerializerOptions JsonOut = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static int Main(string[] args)
    {
        try
        {
            var o = Options.Parse(args);
            Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", o.CloudsYaml);
            return o.ColdChild ? ColdChild(o) : new Bench(o).Run();
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine("bench: " + ex.Message);
            return 2;
        }
    }

    /// <summary>One fresh process: runspace, Import-Module, Connect-OSCloud, the 10 lists; prints one JSON line.</summary>
    private static int ColdChild(Options o)
    {
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var total = Stopwatch.StartNew();
        Runspace rs = null!;
        var open = Ps.Time(() => rs = Ps.NewRunspace());
        var firstPipeline = Ps.Time(() => Ps.Script(rs, "$null = 1"));
        var import = Ps.Time(() => Ps.Import(rs, o.Module));
        double[] steps = Array.Empty<double>();
        using var probe = o.Probe ? new HttpProbe() : null; // only for the profile part: where the cold time goes
        probe?.Start();
        var ten = Ps.Time(() => steps = Ps.Doubles(Ps.Script(rs, Ten.Script(o.Cloud))));
        var inProcess = total.Elapsed.TotalMilliseconds;
        var requests = probe?.Stop() ?? new List<HttpProbe.Request>();
        Ps.Script(rs, "Disconnect-OSCloud -Confirm:$false");
        rs.Dispose();
        var result = new JsonObject
        {
            ["start_to_main_ms"] = sinceStart,
            ["runspace_open_ms"] = open,
            ["first_pipeline_ms"] = firstPipeline,
            ["import_ms"] = import,
            ["connect_ms"] = steps[10],
            ["first_flavor_ms"] = steps[0],
            ["connect_and_ten_ms"] = ten,
            ["ten_steps_ms"] = new JsonArray(steps.Take(10).Select(s => (JsonNode)s).ToArray()),
            ["main_to_done_ms"] = inProcess,
        };
        if (o.Probe)
        {
            var auth = requests.Where(r => r.Path.Contains("/auth/tokens")).Sum(r => r.Ms);
            result["http_connect_ms"] = auth;
            result["http_lists_ms"] = requests.Sum(r => r.Ms) - auth;
            result["requests"] = new JsonArray(requests.Select(r => (JsonNode)$"{r.Path} {r.Ms:0.0}").ToArray());
        }
        Console.WriteLine(result.ToJsonString());
        return 0;
    }

    public static string Json(object o) => JsonSerializer.Serialize(o, JsonOut);
}

public sealed class Bench(Options o)
{
    private readonly JsonObject _results = new();
    private readonly List<string[]> _headline = new();
    private readonly StringBuilder _report = new();
    private SdkPeer? _sdk;

    private void Say(string text)
    {
        Console.WriteLine(text);
        _report.AppendLine(text);
    }

    // A part that was not run (--only) has no samples: its statistics are NaN, which JSON cannot hold.
    private static JsonNode? Node(Stat s) => double.IsNaN(s.Median) ? null : JsonSerializer.SerializeToNode(s);
    private static JsonNode Node(IEnumerable<double> v) => new JsonArray(v.Select(x => (JsonNode)Math.Round(x, 3)).ToArray());

    public int Run()
    {
        if (!File.Exists(o.Module))
            throw new BenchException($"module manifest not found: {o.Module} (build it first; bench/run.sh does)");
        var cloud = CloudsYaml.Read(o.CloudsYaml, o.Cloud);
        RequireLoopback(cloud.GetValueOrDefault("auth.auth_url") ?? throw new BenchException("no auth.auth_url"));

        _results["machine"] = Machine();
        _results["options"] = JsonSerializer.SerializeToNode(new
        {
            o.Module, o.Cloud, o.Cold, o.WarmImports, o.FlavorCalls, o.FlavorWarmup, o.ProfileCalls,
            o.TenRounds, o.TenWarmRounds, o.CliRounds, o.OneShot, Parts = o.Parts.ToArray(),
        });
        Say($"# OpenStackOrchestrator bench {DateTime.Now:yyyy-MM-dd HH:mm}  cloud={o.Cloud}  module={o.Module}");
        Say($"# {_results["machine"]!.ToJsonString()}");

        var total = Stopwatch.StartNew();
        if (o.Parts.Contains("cold")) ColdImport();
        if (o.Parts.Contains("warm")) WarmImport();
        // With the sdk part, one resident openstacksdk process answers in the same blocks as the module (interleaved).
        using (_sdk = o.Parts.Contains("sdk") && (o.Parts.Contains("flavor") || o.Parts.Contains("ten")) ? new SdkPeer(o) : null)
        {
            if (_sdk != null)
                Say($"\n(openstacksdk {_sdk.Version}, Python {_sdk.PythonVersion}, resident in `{o.Python} {Path.GetFileName(o.SdkScript)} --serve`, measured in blocks interleaved with the module's)");
            if (o.Parts.Contains("flavor") || o.Parts.Contains("profile")) FlavorPerCall(cloud);
            if (o.Parts.Contains("ten")) TenLists();
        }
        _sdk = null;
        if (o.Parts.Contains("cli")) Cli();
        if (o.Parts.Contains("sdk")) Sdk();
        _results["load_average_end"] = LoadAverage();
        _results["bench_seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);

        Say("\n## Headline (medians)\n");
        Say(Text.Table(_headline, "figure", "module", "comparison", "ratio"));
        if (o.Json != null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Json))!);
            _results["report"] = _report.ToString();
            File.WriteAllText(o.Json, _results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"results: {o.Json}");
        }
        return 0;
    }

    private static void RequireLoopback(string url)
    {
        var host = new Uri(url).Host;
        if (host != "127.0.0.1" && host != "localhost" && host != "[::1]")
            throw new BenchException($"refusing to benchmark a non-loopback endpoint: {url}");
    }

    private static JsonObject Machine()
    {
        string Cpu()
        {
            try { return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?"; }
            catch (IOException) { return "?"; }
        }
        return new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["cpu"] = Cpu(),
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["sma"] = FileVersionInfo.GetVersionInfo(typeof(PowerShell).Assembly.Location).ProductVersion,
            ["load_average_start"] = LoadAverage(),
        };
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "?"; }
    }

    // ---------------------------------------------------------------- a. import
    private static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath!;
        var dll = typeof(Bench).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, new[] { dll }) : (process, Array.Empty<string>());
    }

    private void ColdImport()
    {
        Say($"\n## a. Cold start: {o.Cold} fresh processes (runspace, Import-Module, Connect-OSCloud, the 10 lists)\n");
        var (file, prefix) = SelfCommand();
        var args = prefix.Concat(new[] { "--cold-child", "--module", o.Module, "--cloud", o.Cloud, "--clouds-yaml", o.CloudsYaml }).ToArray();
        var runs = new List<(double Wall, JsonNode Child)>();
        for (var i = -1; i < o.Cold; i++) // run -1 is a discarded warm-up (page cache)
        {
            var (wall, code, stdout, stderr) = Proc.Run(file, args, timeoutSec: 180);
            if (code != 0)
                throw new BenchException($"cold child failed ({code}): {stderr}{stdout}");
            var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
            if (i >= 0) runs.Add((wall, JsonNode.Parse(line)!));
        }
        double[] F(string key) => runs.Select(r => r.Child[key]!.GetValue<double>()).ToArray();
        var rows = new (string Label, double[] Values)[]
        {
            ("process start -> Main (dotnet host startup)", F("start_to_main_ms")),
            ("Runspace.Open (CreateDefault2)", F("runspace_open_ms")),
            ("first pipeline ($null = 1)", F("first_pipeline_ms")),
            ("Import-Module psd1 (cold, first import in process)", F("import_ms")),
            ("Connect-OSCloud (first in process)", F("connect_ms")),
            ("Get-OSFlavor (first in process, incl. discovery)", F("first_flavor_ms")),
            ("Connect-OSCloud + 10 lists (first in process)", F("connect_and_ten_ms")),
            ("Main -> all done (in process)", F("main_to_done_ms")),
            ("whole process wall time (spawn -> exit)", runs.Select(r => r.Wall).ToArray()),
        };
        Say(Text.Table(rows.Select(r => { var s = Stat.Of(r.Values); return new[] { r.Label, Stat.F(s.Median), Stat.F(s.P95), Stat.F(s.Min) }; }),
            "cold process phase", "median", "p95", "min"));
        _results["cold"] = new JsonObject(rows.Select(r => KeyValuePair.Create(r.Label, (JsonNode?)new JsonObject { ["stat"] = Node(Stat.Of(r.Values)), ["values"] = Node(r.Values) })));
        if (o.Parts.Contains("profile"))
            ColdProfile(file, args);
        var import = Stat.Of(F("import_ms"));
        _headline.Add(new[] { "cold Import-Module (fresh process)", Stat.F(import.Median), "", "" });
        _coldWall = Stat.Of(runs.Select(r => r.Wall));
        _headline.Add(new[] { "one process: start, import, connect, 10 lists", Stat.F(_coldWall.Median), "", "" });
    }

    private Stat? _coldWall;

    /// <summary>A few more cold processes with HTTP events on: how much of the first Connect and the first 10 lists
    /// is waiting for the cloud, and how much is the process loading and JIT-compiling code.</summary>
    private void ColdProfile(string file, string[] args)
    {
        var n = Math.Max(1, Math.Min(5, o.Cold));
        var runs = new List<JsonNode>();
        for (var i = 0; i < n; i++)
        {
            var (_, code, stdout, stderr) = Proc.Run(file, args.Append("--probe").ToArray(), timeoutSec: 180);
            if (code != 0) throw new BenchException($"cold child failed ({code}): {stderr}{stdout}");
            runs.Add(JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!);
        }
        double M(Func<JsonNode, double> f) => Stat.Of(runs.Select(f)).Median;
        double V(JsonNode r, string k) => r[k]!.GetValue<double>();
        var connect = M(r => V(r, "connect_ms")); var connectHttp = M(r => V(r, "http_connect_ms"));
        var lists = M(r => V(r, "connect_and_ten_ms") - V(r, "connect_ms")); var listsHttp = M(r => V(r, "http_lists_ms"));
        Say($"\nCold profile ({n} more processes, HTTP events on; medians):");
        Say(Text.Table(new[]
        {
            new[] { "Connect-OSCloud (first in process)", Stat.F(connect), Stat.F(connectHttp), Stat.F(connect - connectHttp) },
            new[] { "the 10 lists (first in process)", Stat.F(lists), Stat.F(listsHttp), Stat.F(lists - listsHttp) },
        }, "phase", "total", "HTTP", "outside HTTP (load + JIT + PowerShell)"));
        Say("  requests of one cold process: " + string.Join(", ", runs[0]["requests"]!.AsArray().Select(x => x!.ToString())));
        _results["cold_profile"] = new JsonObject
        {
            ["connect_ms"] = connect, ["connect_http_ms"] = connectHttp, ["lists_ms"] = lists, ["lists_http_ms"] = listsHttp,
            ["runs"] = new JsonArray(runs.Select(r => r.DeepClone()).ToArray()),
        };
    }

    private void WarmImport()
    {
        Say($"\n## a'. Warm Import-Module: a new runspace in a process that already imported the module ({o.WarmImports} runs)\n");
        double first;
        using (var rs0 = Ps.NewRunspace())
            first = Ps.Time(() => Ps.Import(rs0, o.Module));
        var samples = new List<double>();
        for (var i = -2; i < o.WarmImports; i++)
        {
            using var rs = Ps.NewRunspace();
            var t = Ps.Time(() => Ps.Import(rs, o.Module));
            if (i >= 0) samples.Add(t);
        }
        var s = Stat.Of(samples);
        Say($"first import in this (bench) process: {Stat.F(first)}");
        Say($"warm import, new runspace:            {s}");
        _results["warm_import"] = new JsonObject { ["first_in_bench_process_ms"] = first, ["stat"] = Node(s), ["values"] = Node(samples) };
        _headline.Add(new[] { "warm Import-Module (new runspace)", Stat.F(s.Median), "", "" });
    }

    // ---------------------------------------------------------------- b. flavor per call
    private void FlavorPerCall(Dictionary<string, string> cloud)
    {
        Say($"\n## b. Get-OSFlavor per call in one resident session vs a raw HttpClient GET ({o.FlavorCalls} calls each, {o.FlavorWarmup} warm-up)\n");
        using var rs = Ps.NewRunspace();
        Ps.Import(rs, o.Module);
        Ps.Script(rs, $"$null = Connect-OSCloud -Cloud '{o.Cloud}'");

        // The module's request, as its -Debug trace shows it.
        string url;
        var headers = new List<KeyValuePair<string, string>>();
        using (var ps = PowerShell.Create())
        {
            ps.Runspace = rs;
            ps.AddCommand("Get-OSFlavor").AddParameter("Debug", true);
            ps.Invoke();
            var req = ps.Streams.Debug.Select(d => d.Message).LastOrDefault(m => m.StartsWith("REQ: curl") && m.Contains("/flavors/detail"))
                      ?? throw new BenchException("Get-OSFlavor -Debug showed no flavors/detail request");
            url = Regex.Match(req, @"-X GET '([^']+)'").Groups[1].Value;
            foreach (Match h in Regex.Matches(req, @"-H '([^:']+): ([^']*)'"))
                if (!h.Groups[1].Value.Equals("X-Auth-Token", StringComparison.OrdinalIgnoreCase))
                    headers.Add(KeyValuePair.Create(h.Groups[1].Value, h.Groups[2].Value));
            Say("module request (from -Debug): GET " + url);
            Say("  headers: " + string.Join("; ", headers.Select(h => $"{h.Key}: {h.Value}")) + "; X-Auth-Token: <token>");
        }
        RequireLoopback(url);

        using var raw = new RawClient(cloud);
        if (!string.Equals(raw.ComputeEndpoint + "/flavors/detail", url, StringComparison.Ordinal))
            Say($"  note: raw client's catalog URL {raw.ComputeEndpoint}/flavors/detail differs; using the module's URL");
        Say($"raw client: token by POST /v3/auth/tokens in {Stat.F(raw.AuthMs)}, then GET {url} with the same headers");

        double Module()
        {
            var sw = Stopwatch.StartNew();
            var r = Ps.Invoke(rs, ps => ps.AddCommand("Get-OSFlavor"));
            var ms = sw.Elapsed.TotalMilliseconds;
            if (r.Count == 0) throw new BenchException("Get-OSFlavor returned nothing");
            return ms;
        }
        double Raw() => raw.Get(url, headers).Ms;
        double[] InScript(string command, int n) => n == 0 ? Array.Empty<double>() : Ps.Doubles(Ps.Script(rs,
            $"$sw = [Diagnostics.Stopwatch]::new(); $t = [double[]]::new({n}); for ($i = 0; $i -lt {n}; $i++) {{ $sw.Restart(); $f = {command}; $t[$i] = $sw.Elapsed.TotalMilliseconds }}; ,$t"));

        if (o.Parts.Contains("flavor"))
        {
            for (var i = 0; i < o.FlavorWarmup; i++) { Module(); Raw(); }
            InScript("Get-OSFlavor", o.FlavorWarmup);
            _sdk?.Flavor(o.FlavorWarmup);
            var host = new List<double>();
            var script = new List<double>();
            var rawMs = new List<double>();
            var sdk = new List<double>();
            var sdkAdapter = new List<double>();
            for (var done = 0; done < o.FlavorCalls; done += 10) // interleaved blocks of 10, so that drift hits all alike
            {
                var n = Math.Min(10, o.FlavorCalls - done);
                script.AddRange(InScript("Get-OSFlavor", n));
                for (var i = 0; i < n; i++) host.Add(Module());
                for (var i = 0; i < n; i++) rawMs.Add(Raw());
                if (_sdk != null) { sdk.AddRange(_sdk.Flavor(n)); sdkAdapter.AddRange(_sdk.Adapter(n)); }
            }
            var floorScript = InScript("Get-OSCloud", o.FlavorCalls);
            var floorHost = Enumerable.Range(0, o.FlavorCalls).Select(_ => Ps.Time(() => Ps.Invoke(rs, ps => ps.AddCommand("Get-OSCloud")))).ToArray();
            var rows = new (string Label, double[] V)[]
            {
                ("Get-OSFlavor, in a script loop (for ... { $f = Get-OSFlavor })", script.ToArray()),
                ("Get-OSFlavor, one host Invoke() per call", host.ToArray()),
                ("raw HttpClient GET + read body, same URL/headers/token", rawMs.ToArray()),
                ("floor: Get-OSCloud (no HTTP), in a script loop", floorScript),
                ("floor: Get-OSCloud (no HTTP), one host Invoke() per call", floorHost),
                ("openstacksdk: list(conn.compute.flavors())", sdk.ToArray()),
                ("openstacksdk: conn.compute.get('/flavors/detail').json() (adapter, no resources)", sdkAdapter.ToArray()),
            };
            Say("");
            Say(Text.Table(rows.Select(r => { var s = Stat.Of(r.V); return new[] { r.Label, Stat.F(s.Median), Stat.F(s.P95), Stat.F(s.Min) }; }), "per call", "median", "p95", "min"));
            var ms = Stat.Of(script); var mh = Stat.Of(host); var rw = Stat.Of(rawMs);
            Say($"ratio module/raw (medians): script loop {ms.Median / rw.Median:0.00}x, host Invoke {mh.Median / rw.Median:0.00}x");
            if (sdk.Count > 0)
                Say($"ratio module/openstacksdk (medians): script loop {ms.Median / Stat.Of(sdk).Median:0.00}x, host Invoke {mh.Median / Stat.Of(sdk).Median:0.00}x");
            _results["flavor"] = new JsonObject(rows.Select(r => KeyValuePair.Create(r.Label, (JsonNode?)new JsonObject { ["stat"] = Node(Stat.Of(r.V)), ["values"] = Node(r.V) })))
            {
                ["url"] = url,
                ["headers"] = string.Join("; ", headers.Select(h => $"{h.Key}: {h.Value}")),
                ["raw_auth_ms"] = raw.AuthMs,
            };
            _flavorModule = ms;
            // The headline figure (module/raw) goes first.
            _headline.Insert(0, new[] { "Get-OSFlavor per call (script loop) vs raw HttpClient GET", Stat.F(ms.Median), Stat.F(rw.Median) + " raw", $"{ms.Median / rw.Median:0.00}x" });
            _headline.Insert(1, new[] { "Get-OSFlavor per call (host Invoke) vs raw HttpClient GET", Stat.F(mh.Median), Stat.F(rw.Median) + " raw", $"{mh.Median / rw.Median:0.00}x" });
            if (sdk.Count > 0)
            {
                var sd = Stat.Of(sdk);
                _headline.Add(new[] { "flavor list per call: module (script loop) vs openstacksdk", Stat.F(ms.Median), Stat.F(sd.Median) + " SDK", $"{ms.Median / sd.Median:0.00}x" });
                _headline.Add(new[] { "  same, p95", Stat.F(ms.P95), Stat.F(sd.P95) + " SDK", $"{ms.P95 / sd.P95:0.00}x" });
            }
        }

        if (o.Parts.Contains("profile"))
            Profile(rs, raw, url, headers, InScript);
    }

    private Stat? _flavorModule;

    /// <summary>Where a call's time goes: the HTTP exchange as HttpClient's own EventSource times it, vs the rest.</summary>
    private void Profile(Runspace rs, RawClient raw, string url, List<KeyValuePair<string, string>> headers, Func<string, int, double[]> inScript)
    {
        var n = o.ProfileCalls;
        Say($"\n## b'. Profile ({n} calls each, System.Net.Http events on: HTTP time = RequestStart..RequestStop)\n");
        using var probe = new HttpProbe();
        var rows = new List<string[]>();
        var json = new JsonObject();

        void Measure(string label, Func<double> call)
        {
            var totals = new List<double>(); var http = new List<double>(); var requests = 0; var connections = 0;
            var paths = new SortedSet<string>();
            for (var i = 0; i < n; i++)
            {
                probe.Start();
                totals.Add(call());
                var reqs = probe.Stop();
                requests += reqs.Count; connections += probe.Connections;
                http.Add(reqs.Sum(r => r.Ms));
                foreach (var r in reqs) paths.Add(r.Path);
            }
            var t = Stat.Of(totals); var h = Stat.Of(http);
            var outside = Stat.Of(totals.Zip(http, (a, b) => a - b));
            rows.Add(new[] { label, Stat.F(t.Median), Stat.F(h.Median), Stat.F(outside.Median), $"{(double)requests / n:0.##}", $"{connections}" });
            json[label] = new JsonObject { ["total"] = Node(t), ["http"] = Node(h), ["outside_http"] = Node(outside), ["requests_per_call"] = (double)requests / n, ["new_connections"] = connections, ["paths"] = new JsonArray(paths.Select(p => (JsonNode)p).ToArray()) };
        }

        Measure("Get-OSFlavor (host Invoke)", () => Ps.Time(() => Ps.Invoke(rs, ps => ps.AddCommand("Get-OSFlavor"))));
        Measure("raw HttpClient GET", () => raw.Get(url, headers).Ms);
        Measure("Get-OSFlavor -Debug (host Invoke)", () => Ps.Time(() => Ps.Invoke(rs, ps => ps.AddCommand("Get-OSFlavor").AddParameter("Debug", true))));
        Measure("Invoke-OSApiRequest compute /flavors/detail", () => Ps.Time(() => Ps.Invoke(rs, ps => ps.AddScript("Invoke-OSApiRequest -Service compute -Path /flavors/detail -Microversion 2.61"))));
        // A whole in-script loop, then its per-call share.
        {
            probe.Start();
            var sw = Stopwatch.StartNew();
            var per = inScript("Get-OSFlavor", n);
            var wall = sw.Elapsed.TotalMilliseconds;
            var reqs = probe.Stop();
            var h = reqs.Sum(r => r.Ms) / Math.Max(1, n);
            var med = Stat.Of(per).Median;
            rows.Add(new[] { "Get-OSFlavor (script loop; mean HTTP per call)", Stat.F(med), Stat.F(h), Stat.F(wall / Math.Max(1, n) - h) + " (mean)", $"{(double)reqs.Count / Math.Max(1, n):0.##}", $"{probe.Connections}" });
        }
        Say(Text.Table(rows, "call", "total median", "HTTP median", "outside HTTP", "requests/call", "new TCP conns"));
        _results["profile"] = json;

        // First call on a NEW connection: which requests it makes (token, version discovery...).
        Say("First Get-OSFlavor on a new connection, request by request:");
        probe.Start();
        var connect = Ps.Time(() => Ps.Script(rs, $"$null = Connect-OSCloud -Cloud '{o.Cloud}'"));
        var connectReqs = probe.Stop();
        probe.Start();
        var firstCall = Ps.Time(() => Ps.Invoke(rs, ps => ps.AddCommand("Get-OSFlavor")));
        var firstReqs = probe.Stop();
        Say($"  Connect-OSCloud {Stat.F(connect)}: " + string.Join(", ", connectReqs.Select(r => $"{r.Path} {Stat.F(r.Ms)}")));
        Say($"  Get-OSFlavor    {Stat.F(firstCall)}: " + string.Join(", ", firstReqs.Select(r => $"{r.Path} {Stat.F(r.Ms)}")));
        _results["profile_first_call"] = new JsonObject
        {
            ["connect_ms"] = connect, ["connect_requests"] = new JsonArray(connectReqs.Select(r => (JsonNode)$"{r.Path} {r.Ms:0.00}").ToArray()),
            ["first_flavor_ms"] = firstCall, ["first_flavor_requests"] = new JsonArray(firstReqs.Select(r => (JsonNode)$"{r.Path} {r.Ms:0.00}").ToArray()),
        };
        Ps.Script(rs, "Disconnect-OSCloud -Confirm:$false");
    }

    // ---------------------------------------------------------------- c. ten lists
    private void TenLists()
    {
        Say($"\n## c. The 10 lists in one resident session ({o.TenRounds} rounds per variant on a new connection each, {o.TenWarmRounds} on one warm connection)\n");
        using var rs = Ps.NewRunspace();
        Ps.Import(rs, o.Module);
        var ten = Ten.Script(null);
        var withConnect = Ten.Script(o.Cloud);
        double[] Steps(string script, out double hostMs)
        {
            double[] steps = null!;
            hostMs = Ps.Time(() => steps = Ps.Doubles(Ps.Script(rs, script)));
            return steps;
        }
        void Disconnect() => Ps.Script(rs, "Disconnect-OSCloud -Confirm:$false");

        for (var i = 0; i < 2; i++) { Steps(withConnect, out _); Disconnect(); } // warm-up (JIT), discarded

        var afterConnect = new List<double>(); var afterConnectSteps = new List<double[]>();
        var connectAndTen = new List<double>(); var connectMs = new List<double>();
        var sdkFresh = new List<JsonNode>(); var sdkWarm = new List<JsonNode>();
        for (var i = 0; i < o.TenRounds; i++) // the fresh-connection variants (module's two, the SDK's) alternate
        {
            Ps.Script(rs, $"$null = Connect-OSCloud -Cloud '{o.Cloud}'");
            afterConnectSteps.Add(Steps(ten, out var t1)); afterConnect.Add(t1);
            Disconnect();
            var s = Steps(withConnect, out var t2); connectAndTen.Add(t2); connectMs.Add(s[10]);
            Disconnect();
            if (_sdk != null) sdkFresh.Add(_sdk.Fresh());
        }
        Ps.Script(rs, $"$null = Connect-OSCloud -Cloud '{o.Cloud}'");
        for (var i = 0; i < 2; i++) { Steps(ten, out _); _sdk?.Ten(); }
        var warm = new List<double>(); var warmSteps = new List<double[]>();
        for (var i = 0; i < o.TenWarmRounds; i++)
        {
            warmSteps.Add(Steps(ten, out var t)); warm.Add(t);
            if (_sdk != null) sdkWarm.Add(_sdk.Ten());
        }
        Disconnect();

        var rows = new (string Label, double[] V)[]
        {
            ("10 lists, warm connection (token + discovery done)", warm.ToArray()),
            ("10 lists, first on a new connection (after Connect-OSCloud)", afterConnect.ToArray()),
            ("Connect-OSCloud + 10 lists", connectAndTen.ToArray()),
            ("  of which Connect-OSCloud", connectMs.ToArray()),
            ("script outside its 10 steps (warm; host total - sum of steps)", warm.Zip(warmSteps, (t, st) => t - st.Take(10).Sum()).ToArray()),
        };
        double[] Sdk(List<JsonNode> l, string key) => l.Select(n => n[key]!.GetValue<double>()).ToArray();
        double SdkStep(List<JsonNode> l, int i) => Stat.Of(l.Select(n => n["steps"]![i]!.GetValue<double>())).Median;
        var sdkRows = _sdk == null ? Array.Empty<(string, double[])>() : new (string Label, double[] V)[]
        {
            ("openstacksdk: 10 lists, warm connection", Sdk(sdkWarm, "ten_ms")),
            ("openstacksdk: 10 lists, first on a new connection (after authorize)", Sdk(sdkFresh, "ten_ms")),
            ("openstacksdk: connect + authorize + 10 lists", Sdk(sdkFresh, "connect_and_ten_ms")),
            ("openstacksdk:   of which connect + authorize", Sdk(sdkFresh, "auth_ms")),
        };
        rows = rows.Concat(sdkRows).ToArray();
        Say(Text.Table(rows.Select(r => { var s = Stat.Of(r.V); return new[] { r.Label, Stat.F(s.Median), Stat.F(s.P95), Stat.F(s.Min) }; }), "one resident session", "median", "p95", "min"));
        Say("Per step (median), module timed inside its script, openstacksdk inside its loop:");
        Say(Text.Table(Ten.Steps.Select((st, i) => new[]
            {
                st.Label, st.Ps, Stat.F(Stat.Of(afterConnectSteps.Select(s => s[i])).Median), Stat.F(Stat.Of(warmSteps.Select(s => s[i])).Median),
                _sdk == null ? "-" : Stat.F(SdkStep(sdkFresh, i)), _sdk == null ? "-" : Stat.F(SdkStep(sdkWarm, i)),
            }),
            "step", "module command", "module new conn.", "module warm", "SDK new conn.", "SDK warm"));
        var sumRow = new[] { "sum of steps", "", Stat.F(Ten.Steps.Select((_, i) => Stat.Of(afterConnectSteps.Select(s => s[i])).Median).Sum()), Stat.F(Ten.Steps.Select((_, i) => Stat.Of(warmSteps.Select(s => s[i])).Median).Sum()),
            _sdk == null ? "-" : Stat.F(Ten.Steps.Select((_, i) => SdkStep(sdkFresh, i)).Sum()), _sdk == null ? "-" : Stat.F(Ten.Steps.Select((_, i) => SdkStep(sdkWarm, i)).Sum()) };
        Say("  " + string.Join(" | ", sumRow.Where(x => x.Length > 0)));
        if (o.Parts.Contains("profile"))
            ProfileTen(rs);
        _tenWarm = Stat.Of(warm); _tenFresh = Stat.Of(afterConnect); _tenConnect = Stat.Of(connectAndTen);
        if (_sdk != null)
        {
            var (sw, sf, sc) = (Stat.Of(Sdk(sdkWarm, "ten_ms")), Stat.Of(Sdk(sdkFresh, "ten_ms")), Stat.Of(Sdk(sdkFresh, "connect_and_ten_ms")));
            _headline.Add(new[] { "10 lists, warm connection: module vs SDK", Stat.F(_tenWarm.Median), Stat.F(sw.Median) + " SDK", $"{_tenWarm.Median / sw.Median:0.00}x" });
            _headline.Add(new[] { "10 lists, new connection (after auth): module vs SDK", Stat.F(_tenFresh.Median), Stat.F(sf.Median) + " SDK", $"{_tenFresh.Median / sf.Median:0.00}x" });
            _headline.Add(new[] { "connect + 10 lists: module vs SDK", Stat.F(_tenConnect.Median), Stat.F(sc.Median) + " SDK", $"{_tenConnect.Median / sc.Median:0.00}x" });
        }
        _results["ten_sdk_raw"] = new JsonObject { ["fresh"] = new JsonArray(sdkFresh.Select(n => n.DeepClone()).ToArray()), ["warm"] = new JsonArray(sdkWarm.Select(n => n.DeepClone()).ToArray()) };
        _results["ten"] = new JsonObject(rows.Select(r => KeyValuePair.Create(r.Label, (JsonNode?)new JsonObject { ["stat"] = Node(Stat.Of(r.V)), ["values"] = Node(r.V) })))
        {
            ["steps"] = new JsonArray(Ten.Steps.Select(s => (JsonNode)s.Label).ToArray()),
            ["steps_new_connection_median"] = Node(Ten.Steps.Select((_, i) => Stat.Of(afterConnectSteps.Select(s => s[i])).Median)),
            ["steps_new_connection_rounds"] = new JsonArray(afterConnectSteps.Select(st => Node(st.Take(10))).ToArray()),
            ["steps_warm_rounds"] = new JsonArray(warmSteps.Select(st => Node(st.Take(10))).ToArray()),
            ["steps_warm_median"] = Node(Ten.Steps.Select((_, i) => Stat.Of(warmSteps.Select(s => s[i])).Median)),
        };
    }

    private Stat? _tenWarm, _tenFresh, _tenConnect;

    /// <summary>The 10 steps on new connections, one host Invoke per step, with every HTTP request of each step.</summary>
    private void ProfileTen(Runspace rs)
    {
        var rounds = Math.Max(1, o.TenRounds);
        Say($"\nProfile of the 10 steps on a new connection ({rounds} rounds; one host Invoke per step; HTTP events on):");
        using var probe = new HttpProbe();
        var total = Ten.Steps.Select(_ => new List<double>()).ToArray();
        var http = Ten.Steps.Select(_ => new List<double>()).ToArray();
        var conns = new int[Ten.Steps.Length];
        var requests = Ten.Steps.Select(_ => new Dictionary<string, List<double>>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            Ps.Script(rs, $"$null = Connect-OSCloud -Cloud '{o.Cloud}'");
            for (var i = 0; i < Ten.Steps.Length; i++)
            {
                probe.Start();
                total[i].Add(Ps.Time(() => Ps.Script(rs, "$null = " + Ten.Steps[i].Ps)));
                var reqs = probe.Stop();
                conns[i] += probe.Connections;
                http[i].Add(reqs.Sum(q => q.Ms));
                foreach (var q in reqs)
                    (requests[i].TryGetValue(q.Path, out var l) ? l : requests[i][q.Path] = new List<double>()).Add(q.Ms);
            }
            Ps.Script(rs, "Disconnect-OSCloud -Confirm:$false");
        }
        Say(Text.Table(Ten.Steps.Select((st, i) => new[]
            {
                st.Label, Stat.F(Stat.Of(total[i]).Median), Stat.F(Stat.Of(total[i]).Max), Stat.F(Stat.Of(http[i]).Median), $"{(double)conns[i] / rounds:0.#}",
                string.Join(", ", requests[i].Select(kv => $"{kv.Key} x{kv.Value.Count} med {Stat.F(Stat.Of(kv.Value).Median)} max {Stat.F(Stat.Of(kv.Value).Max)}")),
            }), "step", "total median", "total max", "HTTP median", "new conns/round", "requests (path, count over rounds, median, max)"));
        _results["profile_ten_new_connection"] = new JsonObject(Ten.Steps.Select((st, i) => KeyValuePair.Create(st.Label, (JsonNode?)new JsonObject
        {
            ["total"] = Node(total[i]), ["http"] = Node(http[i]), ["new_connections_per_round"] = (double)conns[i] / rounds,
            ["requests"] = new JsonObject(requests[i].Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Node(kv.Value)))),
        })));
    }

    // ---------------------------------------------------------------- c'. openstack CLI
    private void Cli()
    {
        Say($"\n## c'. The same 10 lists with the openstack CLI: 10 processes in sequence, {o.CliRounds} rounds\n");
        var env = new Dictionary<string, string> { ["OS_CLOUD"] = o.Cloud, ["OS_CLIENT_CONFIG_FILE"] = o.CloudsYaml };
        var perStep = Ten.Steps.Select(_ => new List<double>()).ToArray();
        var rounds = new List<double>();
        var failures = new List<string>();
        for (var r = 0; r < o.CliRounds; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < Ten.Steps.Length; i++)
            {
                var (wall, code, _, stderr) = Proc.Run(o.Openstack, Ten.Steps[i].Cli.Split(' '), timeoutSec: 120, env);
                if (code != 0) failures.Add($"{Ten.Steps[i].Cli}: exit {code} {stderr.Trim().Split('\n').LastOrDefault()}");
                perStep[i].Add(wall);
                sum += wall;
            }
            rounds.Add(sum);
        }
        var s = Stat.Of(rounds);
        Say(Text.Table(Ten.Steps.Select((st, i) => { var x = Stat.Of(perStep[i]); return new[] { "openstack " + st.Cli, Stat.F(x.Median), Stat.F(x.Min) }; }), "command", "median", "min"));
        Say($"10 commands, total per round: {s}");
        if (failures.Count > 0) Say("FAILURES: " + string.Join("; ", failures));
        _results["cli"] = new JsonObject
        {
            ["rounds"] = Node(rounds), ["stat"] = Node(s), ["failures"] = new JsonArray(failures.Select(f => (JsonNode)f).ToArray()),
            ["steps_median"] = Node(perStep.Select(p => Stat.Of(p).Median)),
        };
        _cli = s;
        if (_tenConnect != null)
            _headline.Add(new[] { "10 lists: module Connect+10 vs openstack CLI (10 processes)", Stat.F(_tenConnect.Median), Stat.F(s.Median) + " CLI", $"{_tenConnect.Median / s.Median:0.000}x" });
        if (_coldWall != null)
            _headline.Add(new[] { "10 lists: one new module process vs openstack CLI", Stat.F(_coldWall.Median), Stat.F(s.Median) + " CLI", $"{_coldWall.Median / s.Median:0.00}x" });
    }

    private Stat? _cli;

    // ---------------------------------------------------------------- c''. openstacksdk
    private void Sdk()
    {
        Say($"\n## c''. openstacksdk standalone: {Path.GetFileName(o.SdkScript)} on its own (not interleaved with the module), and one-shot processes\n");
        var env = new Dictionary<string, string> { ["OS_CLIENT_CONFIG_FILE"] = o.CloudsYaml };
        var args = new[] { o.SdkScript, "--cloud", o.Cloud, "--fresh-rounds", $"{o.TenRounds}", "--warm-rounds", $"{o.TenWarmRounds}", "--flavor-calls", $"{o.FlavorCalls}", "--flavor-warmup", $"{o.FlavorWarmup}" };
        var (wall, code, stdout, stderr) = Proc.Run(o.Python, args, timeoutSec: 600, env);
        if (code != 0) throw new BenchException($"{o.SdkScript} failed ({code}): {stderr}");
        var d = JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!;
        double[] Arr(JsonNode? n) => n!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
        double[] Field(string list, string key) => d[list]!.AsArray().Select(x => x![key]!.GetValue<double>()).ToArray();
        var fresh = d["fresh"]!.AsArray(); var warm = d["warm"]!.AsArray();
        var rows = new (string Label, double[] V)[]
        {
            ("flavor list per call (list(conn.compute.flavors()))", Arr(d["flavor_list_ms"])),
            ("raw adapter GET /flavors/detail + .json()", Arr(d["adapter_get_ms"])),
            ("10 lists, warm connection", Field("warm", "ten_ms")),
            ("10 lists, first on a new connection (after authorize)", Field("fresh", "ten_ms")),
            ("connect + authorize + 10 lists", Field("fresh", "connect_and_ten_ms")),
            ("  of which connect + authorize", Field("fresh", "auth_ms")),
        };
        Say($"openstacksdk {d["sdk_version"]}, Python {d["python"]}; `import openstack` {Stat.F(d["import_ms"]!.GetValue<double>())}; process wall {Stat.F(wall)}");
        Say(Text.Table(rows.Select(r => { var s = Stat.Of(r.V); return new[] { r.Label, Stat.F(s.Median), Stat.F(s.P95), Stat.F(s.Min) }; }), "openstacksdk, one process", "median", "p95", "min"));
        var stepsFresh = Enumerable.Range(0, 10).Select(i => Stat.Of(fresh.Select(f => f!["steps"]![i]!.GetValue<double>())).Median).ToArray();
        var stepsWarm = Enumerable.Range(0, 10).Select(i => Stat.Of(warm.Select(f => f!["steps"]![i]!.GetValue<double>())).Median).ToArray();
        Say(Text.Table(Ten.Steps.Select((st, i) => new[] { st.Label, Stat.F(stepsFresh[i]), Stat.F(stepsWarm[i]) }), "step (median)", "new connection", "warm"));

        // One-shot processes: start python, import, connect, 10 lists, exit.
        var oneShot = new List<double>();
        for (var i = -1; i < o.OneShot; i++)
        {
            var r = Proc.Run(o.Python, new[] { o.SdkScript, "--cloud", o.Cloud, "--one-shot" }, timeoutSec: 120, env);
            if (r.Code != 0) throw new BenchException($"{o.SdkScript} one-shot failed: {r.Stderr}");
            if (i >= 0) oneShot.Add(r.Wall);
        }
        var os = Stat.Of(oneShot);
        Say($"one python process (start, import openstack, connect, 10 lists, exit): {os}");

        _results["sdk"] = new JsonObject(rows.Select(r => KeyValuePair.Create(r.Label, (JsonNode?)new JsonObject { ["stat"] = Node(Stat.Of(r.V)), ["values"] = Node(r.V) })))
        {
            ["version"] = d["sdk_version"]!.ToString(), ["import_ms"] = d["import_ms"]!.GetValue<double>(),
            ["steps_new_connection_median"] = Node(stepsFresh), ["steps_warm_median"] = Node(stepsWarm),
            ["one_shot_process"] = new JsonObject { ["stat"] = Node(os), ["values"] = Node(oneShot) },
        };
        if (_coldWall != null)
            _headline.Add(new[] { "one new process doing connect + 10 lists: module vs SDK", Stat.F(_coldWall.Median), Stat.F(os.Median) + " SDK", $"{_coldWall.Median / os.Median:0.00}x" });
    }
}

/// <summary>The bench's own HTTP client: a token from Keystone, then GETs with that one token.</summary>
public sealed class RawClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
    public string Token { get; }
    public string ComputeEndpoint { get; }
    public double AuthMs { get; }

    public RawClient(Dictionary<string, string> cloud)
    {
        string C(string key, string fallback = "Default") => cloud.GetValueOrDefault(key) ?? fallback;
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = C("auth.username"), ["password"] = C("auth.password"), ["domain"] = new JsonObject { ["name"] = C("auth.user_domain_name") } } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = C("auth.project_name"), ["domain"] = new JsonObject { ["name"] = C("auth.project_domain_name") } } },
            },
        };
        var sw = Stopwatch.StartNew();
        using var resp = _http.PostAsync(C("auth.auth_url").TrimEnd('/') + "/auth/tokens", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        var text = resp.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        AuthMs = sw.Elapsed.TotalMilliseconds;
        if (!resp.IsSuccessStatusCode) throw new BenchException($"token request failed: {(int)resp.StatusCode} {text}");
        Token = resp.Headers.GetValues("X-Subject-Token").First();
        var region = cloud.GetValueOrDefault("region_name");
        var iface = cloud.GetValueOrDefault("interface") ?? "public";
        var catalog = JsonNode.Parse(text)!["token"]!["catalog"]!.AsArray();
        ComputeEndpoint = catalog.Where(s => s!["type"]!.ToString() == "compute")
            .SelectMany(s => s!["endpoints"]!.AsArray())
            .First(e => e!["interface"]!.ToString() == iface && (region == null || e["region_id"]?.ToString() == region))!["url"]!.ToString().TrimEnd('/');
    }

    public (double Ms, string Body) Get(string url, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var sw = Stopwatch.StartNew();
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var h in headers) req.Headers.TryAddWithoutValidation(h.Key, h.Value);
        req.Headers.TryAddWithoutValidation("X-Auth-Token", Token);
        using var resp = _http.SendAsync(req).GetAwaiter().GetResult();
        var body = resp.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var ms = sw.Elapsed.TotalMilliseconds;
        if (!resp.IsSuccessStatusCode) throw new BenchException($"GET {url}: {(int)resp.StatusCode}");
        return (ms, body);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Runs a child process of the bench (the bench itself, the openstack CLI, python) and times it.</summary>
public static class Proc
{
    public static (double Wall, int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, int timeoutSec, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env != null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new BenchException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSec * 1000))
        {
            p.Kill(entireProcessTree: true); // only this child, which the bench started
            throw new BenchException($"{file} {string.Join(' ', args)} did not finish in {timeoutSec} s");
        }
        p.WaitForExit();
        var wall = sw.Elapsed.TotalMilliseconds;
        return (wall, p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A resident openstacksdk process (bench/sdk_ten_lists.py --serve) that the bench drives one JSON command
/// at a time, so that SDK and module measurements interleave in small blocks under the same machine load.</summary>
public sealed class SdkPeer : IDisposable
{
    private readonly Process _p;
    private readonly Task<string> _stderr;
    public string Version { get; }
    public string PythonVersion { get; }

    public SdkPeer(Options o)
    {
        var psi = new ProcessStartInfo(o.Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { o.SdkScript, "--cloud", o.Cloud, "--serve" }) psi.ArgumentList.Add(a);
        psi.Environment["OS_CLIENT_CONFIG_FILE"] = o.CloudsYaml;
        _p = Process.Start(psi) ?? throw new BenchException($"cannot start {o.Python}");
        _stderr = _p.StandardError.ReadToEndAsync();
        var ready = Read();
        Version = ready["sdk_version"]!.ToString();
        PythonVersion = ready["python"]!.ToString();
    }

    private JsonNode Read()
    {
        var line = _p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        if (line == null)
        {
            _p.WaitForExit(5000);
            throw new BenchException("openstacksdk peer ended: " + (_stderr.IsCompleted ? _stderr.Result : ""));
        }
        var node = JsonNode.Parse(line)!;
        if (node["error"] != null) throw new BenchException("openstacksdk peer: " + node["error"]);
        return node;
    }

    private JsonNode Ask(JsonObject command)
    {
        _p.StandardInput.WriteLine(command.ToJsonString());
        _p.StandardInput.Flush();
        return Read();
    }

    private static double[] Ms(JsonNode n) => n["ms"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
    public double[] Flavor(int n) => n == 0 ? Array.Empty<double>() : Ms(Ask(new JsonObject { ["op"] = "flavor", ["n"] = n }));
    public double[] Adapter(int n) => n == 0 ? Array.Empty<double>() : Ms(Ask(new JsonObject { ["op"] = "adapter", ["n"] = n }));
    public JsonNode Ten() => Ask(new JsonObject { ["op"] = "ten" });
    public JsonNode Fresh() => Ask(new JsonObject { ["op"] = "fresh" });

    public void Dispose()
    {
        try
        {
            _p.StandardInput.WriteLine("{\"op\": \"quit\"}");
            _p.StandardInput.Close();
            if (!_p.WaitForExit(10000)) _p.Kill(); // only this child, which the bench started
        }
        catch (IOException) { /* already gone */ }
        _p.Dispose();
    }
}
