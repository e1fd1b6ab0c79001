#!/usr/bin/env bash
# One cloud against four clouds listed at once (see docs/performance.md, "Several clouds at once"): Get-OSNetwork and
# Get-OSServer with -Cloud naming one connection, then four, in one resident real pwsh, interleaved, ROUNDS times.
# NOT part of CI; needs the local cloud (tests/cloud/up.sh). The four clouds are the local cloud's los-admin and
# los-demo, each also under a second auth URL (localhost instead of 127.0.0.1), which makes four connections.
#
#   bench/fanout.sh                      # the local cloud as it is, 20 rounds
#   DELAY_MS=100 bench/fanout.sh         # clouds far away: through a fault proxy of this script's own that holds
#                                        # every nova and neutron answer 100 ms (tests/fault-proxy; never the shared one)
#   ROUNDS=50 BASELINE_MODULE=/tmp/main/out/OpenStackOrchestrator/OpenStackOrchestrator.psd1 bench/fanout.sh
#                                        # also the same with another build of the module (e.g. main before the change)
#
# Prints, per cmdlet: the median of one cloud alone, the median of the four at once, their ratio, and the median sum
# of the four clouds alone (what asking them one after another costs); then the same GET without any cmdlet (the
# connection's GetJsonAsync), one alone and four awaited together: the floor that the cloud itself allows. The module is built Release under
# bench/.artifacts/fanout/ (not out/). Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rounds="${ROUNDS:-20}"
delay_ms="${DELAY_MS:-0}"
artifacts="$root/bench/.artifacts/fanout"
work=$(mktemp -d /tmp/oso-fanout-bench.XXXXXX)
cleanup() {
  [ -d "$work/proxy/pids" ] && FAULT_PROXY_DIR="$work/proxy" tests/fault-proxy/down.sh >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:5000/v3; then
  echo "bench: Keystone does not answer on 127.0.0.1:5000; start the cloud first (tests/cloud/up.sh)" >&2
  exit 1
fi
if [[ -z "${MODULE:-}" ]]; then
  echo "[bench] building the module (Release) into bench/.artifacts/fanout/" >&2
  dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
    --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
  MODULE="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"
fi
source bench/pwsh.sh

keystone=5000
if [ "$delay_ms" != 0 ]; then
  mkdir -p "$work/proxy"
  for attempt in 1 2 3 4 5; do
    offset=$((20000 + RANDOM % 9000))
    if FAULT_PROXY_DIR="$work/proxy" FAULT_PROXY_OFFSET=$offset FAULT_PROXY_SERVICES="keystone nova neutron" \
       FAULT_CLOUDS_YAML="$work/proxy/clouds-faulty.yaml" tests/fault-proxy/up.sh >"$work/proxy-up.log" 2>&1; then
      keystone=$((5000 + offset)); break
    fi
    FAULT_PROXY_DIR="$work/proxy" tests/fault-proxy/down.sh >/dev/null 2>&1 || true
  done
  [ "$keystone" != 5000 ] || { cat "$work/proxy-up.log" >&2; exit 1; }
  FAULT_PROXY_DIR="$work/proxy" tests/fault-proxy/fault.sh set \
    "[{\"service\": [\"nova\", \"neutron\"], \"method\": \"GET\", \"delay_ms\": $delay_ms, \"phase\": \"response\"}]" >/dev/null
fi

# The local cloud's los-admin and los-demo, as <name>-a via 127.0.0.1 and <name>-b via localhost.
SRC="$OS_CLIENT_CONFIG_FILE" OUT="$work/clouds.yaml" KS=$keystone /usr/bin/python3 - <<'PY'
import os, yaml
clouds = yaml.safe_load(open(os.environ["SRC"]))["clouds"]
out = {}
for host, suffix in (("127.0.0.1", "a"), ("localhost", "b")):
    for name in ("los-admin", "los-demo"):
        c = dict(clouds[name])
        c["auth"] = dict(c["auth"], auth_url=f"http://{host}:{os.environ['KS']}/v3")
        out[f"{name}-{suffix}"] = c
yaml.safe_dump({"clouds": out}, open(os.environ["OUT"], "w"), default_flow_style=False)
PY

cat >"$work/bench.ps1" <<'PS'
param([int] $Rounds)
$ErrorActionPreference = 'Stop'
$clouds = 'los-admin-a', 'los-demo-a', 'los-admin-b', 'los-demo-b'
$connections = foreach ($c in $clouds) { Connect-OSCloud $c -NotDefault }
function Time([scriptblock] $s) { $w = [Diagnostics.Stopwatch]::StartNew(); $n = @(& $s).Count; [pscustomobject]@{ Ms = $w.Elapsed.TotalMilliseconds; Count = $n } }
function Median([double[]] $v) { $v = $v | Sort-Object; if ($v.Count % 2) { $v[($v.Count - 1) / 2] } else { ($v[$v.Count / 2 - 1] + $v[$v.Count / 2]) / 2 } }
# The floor: the same GETs through the connections' own HTTP pipeline, no cmdlet, the four awaited together.
function Get-Raw($connections, [string] $service, [string] $path) {
    $tasks = @(foreach ($c in $connections) { $c.psobject.BaseObject.GetJsonAsync($service, $path, [Threading.CancellationToken]::None) })
    [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]] $tasks)
}
$raw = @{ 'Get-OSNetwork' = 'network', '/v2.0/networks'; 'Get-OSServer' = 'compute', '/servers/detail' }
foreach ($cmd in 'Get-OSNetwork', 'Get-OSServer') {
    $service, $path = $raw[$cmd]
    foreach ($i in 1..3) { $null = & $cmd -Cloud $clouds; foreach ($c in $clouds) { $null = & $cmd -Cloud $c }; Get-Raw $connections $service $path }   # JIT, connections
    $one = @(); $four = @(); $sums = @(); $rawOne = @(); $rawFour = @(); $count = 0
    foreach ($r in 1..$Rounds) {
        $alone = foreach ($c in $clouds) { (Time { & $cmd -Cloud $c }).Ms }
        $one += $alone
        $sums += ($alone | Measure-Object -Sum).Sum
        $t = Time { & $cmd -Cloud $clouds }
        $four += $t.Ms; $count = $t.Count
        $rawOne += foreach ($c in $connections) { (Time { Get-Raw @($c) $service $path }).Ms }
        $rawFour += (Time { Get-Raw $connections $service $path }).Ms
    }
    '{0,-14} one cloud {1,7:0.0} ms, four at once {2,7:0.0} ms = {3:0.00}x, four one after another {4,7:0.0} ms; ' -f
        $cmd, (Median $one), (Median $four), ((Median $four) / (Median $one)), (Median $sums) +
    'bare GETs: one {0,7:0.0} ms, four at once {1,7:0.0} ms = {2:0.00}x  ({3} items from the four)' -f
        (Median $rawOne), (Median $rawFour), ((Median $rawFour) / (Median $rawOne)), $count
}
PS

echo "fanout bench $(date -u +%FT%TZ): $rounds rounds, added latency ${delay_ms} ms per nova/neutron GET, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "module $MODULE"
OS_CLIENT_CONFIG_FILE="$work/clouds.yaml" "$oso_pwsh_bin" -NoProfile -NonInteractive -Command \
  "Import-Module '$MODULE' -ErrorAction Stop; & '$work/bench.ps1' -Rounds $rounds" | sed 's/^/  /'
if [[ -n "${BASELINE_MODULE:-}" ]]; then
  echo "baseline $BASELINE_MODULE"
  OS_CLIENT_CONFIG_FILE="$work/clouds.yaml" "$oso_pwsh_bin" -NoProfile -NonInteractive -Command \
    "Import-Module '$BASELINE_MODULE' -ErrorAction Stop; & '$work/bench.ps1' -Rounds $rounds" | sed 's/^/  /'
fi
