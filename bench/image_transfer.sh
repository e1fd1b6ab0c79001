#!/usr/bin/env bash
# Image transfer benchmark (see docs/performance.md, "Image upload and download"). NOT part of CI: run by hand on a
# machine whose local cloud is up (tests/cloud/up.sh).
#
# Uploads and downloads one random image (256 MiB by default) with the module (New-OSImage / Save-OSImage in
# real pwsh 7.6.9) and with the OpenStack CLI (openstack image create --file / openstack image save), interleaved,
# ROUNDS times, and reports for each the median wall time and the median peak resident memory of the whole process
# (/usr/bin/time -v). A baseline process per client (connect + one GET, no transfer) shows the part of the figures
# that is start-up rather than transfer. Every download is compared byte for byte with the source.
#
#   bench/image_transfer.sh                        # 256 MiB, 3 rounds, cloud los-demo
#   SIZE_MIB=1024 ROUNDS=5 CLOUD=los-admin bench/image_transfer.sh
#
# The module is built Release under bench/.artifacts/image-transfer/ (not out/), so that this never
# replaces the Debug module that tests in the same working copy import. Scratch files go to a mktemp folder
# (TMPDIR), removed at the end with the images this script created. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
size_mib="${SIZE_MIB:-256}"
rounds="${ROUNDS:-3}"
cloud="${CLOUD:-los-demo}"
artifacts="$root/bench/.artifacts/image-transfer"
prefix="bench-img-$$"

if ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:9292/; then
  echo "image_transfer: Glance does not answer on 127.0.0.1:9292; start the cloud first (tests/cloud/up.sh)" >&2
  exit 1
fi
[[ -x /usr/bin/time ]] || { echo "image_transfer: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v openstack >/dev/null || { echo "image_transfer: needs the openstack CLI" >&2; exit 1; }

echo "[image_transfer] building the module (Release) into bench/.artifacts/image-transfer/" >&2
dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

work=$(mktemp -d "${TMPDIR:-/tmp}/oso-image-bench.XXXXXX")
cleanup() {
  OS_CLOUD="$cloud" openstack image list -f value -c ID -c Name 2>/dev/null | awk -v p="$prefix" 'index($2, p) == 1 { print $1 }' |
    xargs -r env OS_CLOUD="$cloud" openstack image delete >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "[image_transfer] writing ${size_mib} MiB of random data" >&2
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/source.raw"

# Runs a command under /usr/bin/time -v; prints "<seconds> <peak RSS MiB>" and keeps its output in $work/last.out.
measure() {
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/last.out" 2>&1 || { cat "$work/last.out" "$work/time.txt" >&2; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.0f\n", s, rss }' "$work/time.txt"
}

module_run() { measure "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module'; Connect-OSCloud $cloud | Out-Null; $1"; }
cli_run() { OS_CLOUD="$cloud" measure openstack "$@"; }

declare -A results
record() { results[$1]+="$2;"; }

for round in $(seq 1 "$rounds"); do
  echo "[image_transfer] round $round/$rounds" >&2
  record module-baseline "$(module_run 'Get-OSImage -Name los-fake-image | Out-Null')"
  record cli-baseline "$(cli_run image show los-fake-image -f value -c id)"

  record module-upload "$(module_run "(New-OSImage -Name $prefix-m$round -Path '$work/source.raw' -DiskFormat raw).Id")"
  module_id=$(tail -n 1 "$work/last.out" | tr -d '[:space:]')
  record cli-upload "$(cli_run image create --file "$work/source.raw" --disk-format raw --container-format bare -f value -c id "$prefix-c$round")"
  cli_id=$(tail -n 1 "$work/last.out" | tr -d '[:space:]')

  record module-download "$(module_run "Save-OSImage -Image $module_id -Path '$work/module.raw' -Force | Out-Null")"
  cmp -s "$work/source.raw" "$work/module.raw" || { echo "image_transfer: the module's download differs from the source" >&2; exit 1; }
  record cli-download "$(cli_run image save --file "$work/cli.raw" "$cli_id")"
  cmp -s "$work/source.raw" "$work/cli.raw" || { echo "image_transfer: the CLI's download differs from the source" >&2; exit 1; }
  rm -f "$work/module.raw" "$work/cli.raw"
  OS_CLOUD="$cloud" openstack image delete "$module_id" "$cli_id"
done

# Median of the "<seconds> <MiB>" pairs of one series, column by column.
median() {
  tr ';' '\n' <<< "$1" | sed '/^$/d' | awk -v col="$2" '{ v[NR] = $col } END {
    n = asort(v); printf (col == 1 ? "%.2f" : "%.0f"), (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) }'
}

echo
echo "Image transfer, ${size_mib} MiB, $rounds rounds (medians; each figure is a whole process: start, auth, work, exit)"
echo
echo "| operation | module: time (s) | module: peak RSS (MiB) | openstack CLI: time (s) | openstack CLI: peak RSS (MiB) |"
echo "|---|--:|--:|--:|--:|"
for op in baseline upload download; do
  echo "| $op | $(median "${results[module-$op]}" 1) | $(median "${results[module-$op]}" 2) | $(median "${results[cli-$op]}" 1) | $(median "${results[cli-$op]}" 2) |"
done
echo
echo "raw (seconds MiB per round):"
for key in module-baseline cli-baseline module-upload cli-upload module-download cli-download; do
  echo "  $key: ${results[$key]}"
done
