#!/usr/bin/env bash
# What retries cost (see docs/performance.md, "Retries through a flaky Nova"): CALLS flavor listings
# (GET /v2.1/flavors/detail), clean, with 30 % of them answered 503, and with 10 % answered 429 + Retry-After: 1,
# through a fault proxy of this script's own (tests/fault-proxy; never the shared one), for:
#   module       Get-OSFlavor in one resident real pwsh (one connection; warmed up before the rules are set)
#   curl         one curl process per call, no retries (what a failure costs when nothing retries)
#   curl-retry   the same with curl --retry 8 (its own backoff: 1 s, doubling; it honours Retry-After)
#   sdk          openstacksdk in one python process, status_code_retries=8 and 429 made retriable
#                (keystoneauth: 0.5 s, doubling, no jitter; it ignores Retry-After)
#   cli          the openstack CLI, CLI_CALLS invocations (default 20: about 1.5 s each), scaled to CALLS
# For each: failures, seconds, ratio to the same client clean, the proxy's counters (requests for the listing,
# faults injected) and the Keystone tokens the client got (its connection included; the CLI's scaled). NOT part of CI; needs the local cloud.
#
#   bench/retries.sh                                   # module built Release under bench/.artifacts/retries/
#   CALLS=200 CLI_CALLS=10 bench/retries.sh
#   ONLY="module sdk" bench/retries.sh                 # some clients
#   MODULE=out/OpenStackOrchestrator/OpenStackOrchestrator.psd1 bench/retries.sh    # an already built module
#   BASELINE_MODULE=/tmp/before/out/OpenStackOrchestrator/OpenStackOrchestrator.psd1 bench/retries.sh
#                                                      # also another build of the module, as "module-baseline"
# Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
calls="${CALLS:-100}"
cli_calls="${CLI_CALLS:-20}"
only="${ONLY:-module curl curl-retry sdk cli}"
[ -n "${BASELINE_MODULE:-}" ] && only="$only module-baseline"
artifacts="$root/bench/.artifacts/retries"
work=$(mktemp -d /tmp/oso-retries-bench.XXXXXX)
export FAULT_PROXY_DIR="$work/proxy"
cleanup() {
  [ -d "$work/proxy/pids" ] && tests/fault-proxy/down.sh >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:5000/v3; then
  echo "bench: Keystone does not answer on 127.0.0.1:5000; start the cloud first (tests/cloud/up.sh)" >&2
  exit 1
fi
if [[ -z "${MODULE:-}" ]]; then
  echo "[bench] building the module (Release) into bench/.artifacts/retries/" >&2
  dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
    --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
  MODULE="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"
fi
source bench/pwsh.sh

mkdir -p "$work/proxy"
started=
for attempt in 1 2 3 4 5; do
  offset=$((20000 + RANDOM % 9000))
  if FAULT_PROXY_OFFSET=$offset FAULT_PROXY_SERVICES="keystone nova" FAULT_CLOUDS_YAML="$work/proxy/clouds-faulty.yaml" \
     tests/fault-proxy/up.sh >"$work/proxy-up.log" 2>&1; then
    started=1; break
  fi
  tests/fault-proxy/down.sh >/dev/null 2>&1 || true
done
[ -n "$started" ] || { cat "$work/proxy-up.log" >&2; exit 1; }
export OS_CLIENT_CONFIG_FILE="$work/proxy/clouds-faulty.yaml"
keystone="http://127.0.0.1:$((5000 + offset))/v3"
nova="http://127.0.0.1:$((8774 + offset))/v2.1"
fault_sh="$root/tests/fault-proxy/fault.sh"
listing='"service": "nova", "method": "GET", "path": "^/v2.1/flavors"'
declare -A rules=(
  [clean]="[{$listing, \"name\": \"count only\"}]"
  [503]="[{$listing, \"status\": 503, \"rate\": 0.3}]"
  [429]="[{$listing, \"status\": 429, \"retry_after\": 1, \"rate\": 0.1}]"
)

# Each client sets its scenario's rules itself (which zeroes the counters) once it is connected and warm, then
# prints "RESULT <failures> <seconds>".
cat >"$work/module.ps1" <<'PS'
param([int] $Calls, [string] $Rules, [string] $FaultSh)
$ErrorActionPreference = 'Stop'
$null = Connect-OSCloud los-demo-faulty
foreach ($i in 1..5) { $null = Get-OSFlavor }
$null = & bash $FaultSh set $Rules
$failures = 0
$watch = [Diagnostics.Stopwatch]::StartNew()
foreach ($i in 1..$Calls) { try { $null = Get-OSFlavor -ErrorAction Stop } catch { $failures++ } }
"RESULT $failures $($watch.Elapsed.TotalSeconds)"
PS
cat >"$work/sdk.py" <<'PY'
import subprocess, sys, time, openstack
calls, rules, fault_sh = int(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = openstack.connect(cloud="los-demo-faulty", status_code_retries=8)
conn.compute.retriable_status_codes = [429, 503]   # keystoneauth retries only 503 unless told
for _ in range(5):
    list(conn.compute.flavors())
subprocess.run(["bash", fault_sh, "set", rules], check=True, stdout=subprocess.DEVNULL)
failures = 0
start = time.perf_counter()
for _ in range(calls):
    try:
        list(conn.compute.flavors())
    except Exception:
        failures += 1
print(f"RESULT {failures} {time.perf_counter() - start}")
PY

curl_loop() {   # $1: scenario, $2: extra curl options
  local body token failures=0 start end code
  body=$(SRC="$OS_CLIENT_CONFIG_FILE" /usr/bin/python3 -c '
import json, os, yaml
a = yaml.safe_load(open(os.environ["SRC"]))["clouds"]["los-demo-faulty"]["auth"]
print(json.dumps({"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": a["username"],
  "password": a["password"], "domain": {"name": a["user_domain_name"]}}}},
  "scope": {"project": {"name": a["project_name"], "domain": {"name": a["project_domain_name"]}}}}}))')
  token=$(curl -s -m 30 -D - -o /dev/null -H 'Content-Type: application/json' -d "$body" "$keystone/auth/tokens" |
    tr -d '\r' | awk 'tolower($1) == "x-subject-token:" { print $2 }')
  "$fault_sh" set "${rules[$1]}" >/dev/null
  start=$(date +%s.%N)
  for ((i = 0; i < calls; i++)); do
    # shellcheck disable=SC2086
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 30 $2 -H "X-Auth-Token: $token" -H 'Accept: application/json' \
      "$nova/flavors/detail" || true)
    [ "$code" = 200 ] || failures=$((failures + 1))
  done
  end=$(date +%s.%N)
  echo "RESULT $failures $(echo "$end - $start" | bc)"
}

cli_loop() {   # $1: scenario
  local failures=0 start end
  "$fault_sh" set "${rules[$1]}" >/dev/null
  start=$(date +%s.%N)
  for ((i = 0; i < cli_calls; i++)); do
    openstack --os-cloud los-demo-faulty flavor list -f value -c ID >/dev/null 2>&1 || failures=$((failures + 1))
  done
  end=$(date +%s.%N)
  echo "RESULT $failures $(echo "$end - $start" | bc)"
}

run_client() {   # $1: client, $2: scenario; prints the RESULT line
  case $1 in
    module) "$oso_pwsh_bin" -NoProfile -NonInteractive -Command \
              "Import-Module '$MODULE' -ErrorAction Stop; & '$work/module.ps1' -Calls $calls -Rules '${rules[$2]}' -FaultSh '$fault_sh'" ;;
    module-baseline) "$oso_pwsh_bin" -NoProfile -NonInteractive -Command \
              "Import-Module '$BASELINE_MODULE' -ErrorAction Stop; & '$work/module.ps1' -Calls $calls -Rules '${rules[$2]}' -FaultSh '$fault_sh'" ;;
    curl) curl_loop "$2" "" ;;
    curl-retry) curl_loop "$2" "--retry 8" ;;
    sdk) /usr/bin/python3 "$work/sdk.py" "$calls" "${rules[$2]}" "$fault_sh" ;;
    cli) cli_loop "$2" ;;
  esac | grep '^RESULT ' | tail -1
}

echo "retries bench $(date -u +%FT%TZ): $calls calls per client ($cli_calls for the CLI, scaled), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "module $MODULE"
printf '%-16s %-6s %8s %9s %7s %9s %8s %7s %s\n' client case failures seconds ratio requests injected tokens verdict
for client in $only; do
  declare -A secs=()
  for scenario in clean 503 429; do
    "$fault_sh" set '[]' >/dev/null
    # Keystone's tokens_issued is not zeroed by a new rule set: the difference is this client's (its connect included).
    tokens_before=$("$fault_sh" stats | jq '.services.keystone.tokens_issued // 0')
    read -r _ failures seconds < <(run_client "$client" "$scenario")
    stats=$("$fault_sh" stats)
    matched=$(jq '.rules[0].matched' <<<"$stats")
    injected=$(jq '.rules[0].injected' <<<"$stats")
    tokens=$(( $(jq '.services.keystone.tokens_issued // 0' <<<"$stats") - tokens_before ))
    n=$calls
    if [ "$client" = cli ]; then   # scaled to $calls
      scale=$(echo "scale=4; $calls / $cli_calls" | bc)
      seconds=$(echo "$seconds * $scale" | bc); failures=$(echo "$failures * $scale" | bc | cut -d. -f1)
      matched=$(echo "$matched * $scale" | bc | cut -d. -f1); injected=$(echo "$injected * $scale" | bc | cut -d. -f1)
      tokens=$(echo "$tokens * $scale" | bc | cut -d. -f1)
    fi
    secs[$scenario]=$seconds
    ratio=$(echo "scale=2; $seconds / ${secs[clean]}" | bc)
    verdict=
    case $scenario in
      503) verdict="$( [ "$failures" = 0 ] && echo '0 failures' || echo "$failures failed" ), $( (( $(echo "$ratio <= 2" | bc) )) && echo '<= 2x clean' || echo '> 2x clean')" ;;
      429) bar=$(echo "scale=2; (${secs[clean]} + $injected) * 1.2" | bc)
           verdict="$( [ "$failures" = 0 ] && echo '0 failures' || echo "$failures failed" ), bar (clean + ${injected} s asked) x 1.2 = $bar s: $( (( $(echo "$seconds <= $bar" | bc) )) && echo within || echo over)" ;;
    esac
    printf '%-16s %-6s %8s %9.1f %6.2fx %9s %8s %7s %s\n' "$client" "$scenario" "$failures" "$seconds" "$ratio" "$matched" "$injected" "$tokens" "$verdict"
  done
done
