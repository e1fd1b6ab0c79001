#!/usr/bin/env bash
# Reading and pushing Gnocchi measures: Get-OSStat -Metric -Granularity 1, `| Add-OSMeasure` and -Value/-Timestamp arrays (Release, in real
# pwsh) against gnocchiclient in one process (Gnocchi's SDK: openstacksdk has none), `openstack metric measures
# show|add` processes, and curl (Gnocchi's own time). NOT part of CI; needs the local cloud started with
# LOS_EXTRA=gnocchi (tests/cloud/up.sh). Makes five metrics of its own as los-admin and deletes them on exit.
#   bench/metrics.sh [count] [rounds]        # default 3600 measures (an hour at 1 s), 3 rounds
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-3600}
rounds=${2:-3}
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}" OS_CLOUD=los-admin
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$root/bench/.artifacts"
state=$(mktemp /tmp/oso-metrics-bench.XXXXXX.json)
work=$(mktemp -d /tmp/oso-metrics-bench.XXXXXX)
trap '/usr/bin/python3 bench/metrics.py teardown "$state" || true; rm -rf "$state" "$work"' EXIT

dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

echo "making the metrics and pushing $count measures on $(date -u +%FT%TZ)" >&2
/usr/bin/python3 bench/metrics.py setup "$count" "$state" >&2
field() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$state" "$1"; }
read_id=$(field read)
/usr/bin/python3 bench/metrics.py measures "$state" >"$work/measures.txt"
/usr/bin/python3 -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1]))['measures']))" "$state" >"$work/measures.json"

# A whole process: prints "<seconds> <stdout>".
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(tr '\n' ' ' <"$work/out")"
}

# The module in one process: five reads and five pushes of the whole batch, each count:ms.
module_script=$(cat <<PS
Connect-OSCloud -Cloud los-admin | Out-Null
\$samples = Get-Content '$work/measures.json' -Raw | ConvertFrom-Json | ForEach-Object { [pscustomobject]@{ Timestamp = [DateTimeOffset]\$_.timestamp; Value = \$_.value } }
\$t = @()
foreach (\$i in 1..5) {
  \$w = [Diagnostics.Stopwatch]::StartNew()
  \$n = @(Get-OSStat -Metric $read_id -Granularity 1).Count
  \$t += 'read {0}:{1:0}' -f \$n, \$w.Elapsed.TotalMilliseconds
}
foreach (\$i in 1..5) {
  \$w = [Diagnostics.Stopwatch]::StartNew()
  \$samples | Add-OSMeasure -Metric $(field module) -Confirm:\$false
  \$t += 'write {0}:{1:0}' -f \$samples.Count, \$w.Elapsed.TotalMilliseconds
}
\$values = [double[]]\$samples.Value; \$times = [DateTimeOffset[]]\$samples.Timestamp
foreach (\$i in 1..5) {
  \$w = [Diagnostics.Stopwatch]::StartNew()
  Add-OSMeasure -Metric $(field module) -Value \$values -Timestamp \$times -Confirm:\$false
  \$t += 'write-arrays {0}:{1:0}' -f \$values.Count, \$w.Elapsed.TotalMilliseconds
}
\$t -join ' '
PS
)

token=$(openstack token issue -f value -c id)
gnocchi=$(openstack catalog show metric -f json | /usr/bin/python3 -c "import json,sys; print([e['url'] for e in json.load(sys.stdin)['endpoints'] if e['interface']=='public'][0])")
curl_read() { curl -s -o /dev/null -w '%{time_total}s:%{size_download}B ' -H "X-Auth-Token: $token" "$gnocchi/v1/metric/$read_id/measures?granularity=1"; }
curl_write() { curl -s -o /dev/null -w '%{time_total}s:%{http_code} ' -H "X-Auth-Token: $token" -H 'Content-Type: application/json' --data-binary "@$work/measures.json" "$gnocchi/v1/metric/$(field curl)/measures"; }
cli_args=$(sed 's/^/-m /' "$work/measures.txt" | tr '\n' ' ')

for round in $(seq 1 "$rounds"); do
  echo "round $round" >&2
  echo "module $(timed "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module'; $module_script")"
  echo "sdk-read $(timed /usr/bin/python3 bench/metrics.py read "$state" 5)"
  echo "sdk-write $(timed /usr/bin/python3 bench/metrics.py write "$state" 5)"
  echo "curl-read $(curl_read; curl_read; curl_read)"
  echo "curl-write $(curl_write; curl_write; curl_write)"
  # shellcheck disable=SC2086 # one -m per measure
  echo "cli-read $(timed sh -c "openstack metric measures show --granularity 1 $read_id -f value | wc -l")"
  echo "cli-write $(timed openstack metric measures add $cli_args "$(field cli)")"
done
