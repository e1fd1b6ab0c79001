#!/usr/bin/env bash
# Swift transfer and listing benchmark (see docs/performance.md, "Object storage"). NOT part of CI: run by hand on a
# machine whose local cloud is up (tests/cloud/up.sh).
#
# Uploads and downloads one random file (512 MiB by default) with the module (Send-OSObject / Receive-OSObject in
# real pwsh 7.6.9), with the OpenStack CLI (openstack object create / save) and with the swift CLI (swift upload /
# download), interleaved, ROUNDS times; then lists a container of LIST_COUNT (5,000) empty objects with each
# (Get-OSObject, openstack object list, swift list). For each it reports the median wall time and the median peak
# resident memory of the whole process (/usr/bin/time -v). Uploads are also measured as static large objects in
# 64 MiB segments (Send-OSObject -SegmentSizeMB 64, swift upload -S). A baseline process per client (connect and
# read the container, no transfer) shows the part of the figures that is start-up. Every download is compared byte
# for byte with the source.
#
#   bench/swift_transfer.sh                        # 512 MiB, 3 rounds, 5000 objects, cloud los-demo
#   SIZE_MIB=1024 ROUNDS=5 LIST_COUNT=20000 bench/swift_transfer.sh
#
# The module is built Release under bench/.artifacts/swift-transfer/ (not out/), so that this never
# replaces the Debug module that tests in the same working copy import. Scratch files go to a mktemp folder
# (TMPDIR); the folder and the containers this script created are removed at the end. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
size_mib="${SIZE_MIB:-512}"
rounds="${ROUNDS:-3}"
list_count="${LIST_COUNT:-5000}"
cloud="${CLOUD:-los-demo}"
artifacts="$root/bench/.artifacts/swift-transfer"
container="bench-swift-$$"
listed="bench-swift-list-$$"

if ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:8080/info; then
  echo "swift_transfer: Swift does not answer on 127.0.0.1:8080; start the cloud first (tests/cloud/up.sh)" >&2
  exit 1
fi
[[ -x /usr/bin/time ]] || { echo "swift_transfer: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
command -v openstack >/dev/null || { echo "swift_transfer: needs the openstack CLI" >&2; exit 1; }
command -v swift >/dev/null || { echo "swift_transfer: needs the swift CLI (python3-swiftclient)" >&2; exit 1; }

# The swift CLI reads no clouds.yaml: the cloud's entry becomes OS_* variables for it.
eval "$(/usr/bin/python3 - "$OS_CLIENT_CONFIG_FILE" "$cloud" <<'EOF'
import shlex, sys, yaml
entry = yaml.safe_load(open(sys.argv[1]))["clouds"][sys.argv[2]]
auth = entry["auth"]
values = {"OS_AUTH_URL": auth["auth_url"], "OS_USERNAME": auth["username"], "OS_PASSWORD": auth["password"],
          "OS_PROJECT_NAME": auth["project_name"], "OS_USER_DOMAIN_NAME": auth.get("user_domain_name", "Default"),
          "OS_PROJECT_DOMAIN_NAME": auth.get("project_domain_name", "Default"), "OS_REGION_NAME": entry.get("region_name", ""),
          "OS_IDENTITY_API_VERSION": "3"}
for name, value in values.items():
    print(f"export SWIFT_{name}={shlex.quote(value)}")
EOF
)"
swift_env=(env OS_AUTH_URL="$SWIFT_OS_AUTH_URL" OS_USERNAME="$SWIFT_OS_USERNAME" OS_PASSWORD="$SWIFT_OS_PASSWORD"
  OS_PROJECT_NAME="$SWIFT_OS_PROJECT_NAME" OS_USER_DOMAIN_NAME="$SWIFT_OS_USER_DOMAIN_NAME"
  OS_PROJECT_DOMAIN_NAME="$SWIFT_OS_PROJECT_DOMAIN_NAME" OS_REGION_NAME="$SWIFT_OS_REGION_NAME" OS_IDENTITY_API_VERSION=3)

echo "[swift_transfer] building the module (Release) into bench/.artifacts/swift-transfer/" >&2
dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

work=$(mktemp -d "${TMPDIR:-/tmp}/oso-swift-bench.XXXXXX")
cleanup() {
  for c in "$container" "${container}_segments" "$listed"; do "${swift_env[@]}" swift delete "$c" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "[swift_transfer] writing ${size_mib} MiB of random data" >&2
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/source.bin"

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
swift_run() { measure "${swift_env[@]}" swift "$@"; }
same() { cmp -s "$work/source.bin" "$1" || { echo "swift_transfer: $2's download differs from the source" >&2; exit 1; }; rm -f "$1"; }

OS_CLOUD="$cloud" openstack container create "$container" >/dev/null
OS_CLOUD="$cloud" openstack container create "$listed" >/dev/null
echo "[swift_transfer] putting $list_count empty objects into $listed" >&2
oso_pwsh "$module" -Command "
  Connect-OSCloud $cloud | Out-Null
  \$storage = (Get-Internal \$DefaultOSCloud ObjectStorage)
  \$options = [OpenStackOrchestrator.Client.ObjectStorage.ObjectUploadOptions]::new()
  \$none = [Threading.CancellationToken]::None
  for (\$start = 0; \$start -lt $list_count; \$start += 32) {
    \$batch = foreach (\$i in \$start..([Math]::Min(\$start + 31, $list_count - 1))) {
      \$storage.UploadAsync('$listed', ('item-{0:D6}' -f \$i), [IO.MemoryStream]::new(), 0, \$options, \$null, \$none) }
    [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]]\$batch)
  }" >&2

declare -A results
record() { results[$1]+="$2;"; }
count_is() { local n; n=$(tail -n 1 "$work/last.out" | tr -d '[:space:]'); [[ "$n" == "$list_count" ]] || { echo "swift_transfer: $1 listed $n objects, not $list_count" >&2; exit 1; }; }

for round in $(seq 1 "$rounds"); do
  echo "[swift_transfer] round $round/$rounds" >&2
  record module-baseline "$(module_run "Get-OSContainer -Name $container | Out-Null")"
  record cli-baseline "$(cli_run container show "$container" -f value -c container)"
  record swift-baseline "$(swift_run stat "$container")"

  record module-upload "$(module_run "Send-OSObject -Path '$work/source.bin' -Container $container -Name m$round | Out-Null")"
  record cli-upload "$(cd "$work" && cli_run object create "$container" source.bin --name "c$round" -f value -c etag)"
  record swift-upload "$(cd "$work" && swift_run upload "$container" source.bin --object-name "s$round")"
  record module-segments "$(module_run "Send-OSObject -Path '$work/source.bin' -Container $container -Name ms$round -SegmentSizeMB 64 | Out-Null")"
  record swift-segments "$(cd "$work" && swift_run upload "$container" source.bin --object-name "ss$round" -S 67108864)"

  record module-download "$(module_run "Receive-OSObject -Container $container -Name m$round -Destination '$work/module.bin' -Force | Out-Null")"
  same "$work/module.bin" "the module"
  record cli-download "$(cli_run object save --file "$work/cli.bin" "$container" "c$round")"
  same "$work/cli.bin" "the openstack CLI"
  record swift-download "$(swift_run download "$container" "s$round" -o "$work/swift.bin")"
  same "$work/swift.bin" "the swift CLI"
  record module-slo-download "$(module_run "Receive-OSObject -Container $container -Name ms$round -Destination '$work/module-slo.bin' -Force | Out-Null")"
  same "$work/module-slo.bin" "the module (large object)"

  record module-list "$(module_run "@(Get-OSObject -Container $listed).Count")"
  count_is "Get-OSObject"
  record cli-list "$(cli_run object list "$listed" --all -f value -c Name)"
  [[ $(wc -l < "$work/last.out") -eq $list_count ]] || { echo "swift_transfer: openstack object list did not list $list_count objects" >&2; exit 1; }
  record swift-list "$(swift_run list "$listed")"
  [[ $(wc -l < "$work/last.out") -eq $list_count ]] || { echo "swift_transfer: swift list did not list $list_count objects" >&2; exit 1; }

  "${swift_env[@]}" swift delete "$container" "m$round" "c$round" "s$round" "ms$round" "ss$round" >/dev/null
done

# Median of the "<seconds> <MiB>" pairs of one series, column by column.
median() {
  tr ';' '\n' <<< "$1" | sed '/^$/d' | awk -v col="$2" '{ v[NR] = $col } END {
    n = asort(v); printf (col == 1 ? "%.2f" : "%.0f"), (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) }'
}
cell() { [[ -n "${results[$1]:-}" ]] && echo "$(median "${results[$1]}" 1) s, $(median "${results[$1]}" 2) MiB" || echo "-"; }

echo
echo "Swift, ${size_mib} MiB file and $list_count objects, $rounds rounds (medians of time and peak RSS; each is a whole process: start, auth, work, exit)"
echo
echo "| operation | module | openstack CLI | swift CLI |"
echo "|---|--:|--:|--:|"
echo "| baseline (no transfer) | $(cell module-baseline) | $(cell cli-baseline) | $(cell swift-baseline) |"
echo "| upload, one object | $(cell module-upload) | $(cell cli-upload) | $(cell swift-upload) |"
echo "| upload, 64 MiB segments | $(cell module-segments) | - | $(cell swift-segments) |"
echo "| download, one object | $(cell module-download) | $(cell cli-download) | $(cell swift-download) |"
echo "| download, the segmented object | $(cell module-slo-download) | - | - |"
echo "| list $list_count objects | $(cell module-list) | $(cell cli-list) | $(cell swift-list) |"
echo
echo "raw (seconds MiB per round):"
for key in "${!results[@]}"; do echo "  $key: ${results[$key]}"; done | sort
