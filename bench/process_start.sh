#!/usr/bin/env bash
# Whole processes, as a scheduled script runs: a new `pwsh -NoProfile -File` for (1) an empty script, (2) Import-Module
# only, (3) import + Connect-OSCloud + the 10 lists; and (4) a new python3 with openstacksdk doing connect + the same
# 10 lists (bench/sdk_ten_lists.py --one-shot). Rounds are interleaved so drift hits every variant alike; medians.
# The module's own share of (3) is (3) minus (1). Not in CI. Needs the local cloud (tests/cloud/up.sh).
#
#   bench/process_start.sh [rounds]        # default 9 rounds
#   BASELINE=<other build's psd1> bench/process_start.sh   # that build's import and 10 lists too, in the same rounds
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-9}
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
curl -s -o /dev/null --max-time 5 http://127.0.0.1:5000/v3 || { echo "bench: no Keystone on 127.0.0.1:5000" >&2; exit 1; }

dotnet tool restore >/dev/null
pshome=$(dotnet pwsh -NoProfile -c '$PSHOME')
pwsh="$pshome/pwsh"
artifacts="$root/bench/.artifacts"
if [[ -z "${MODULE:-}" ]]; then
  echo "[process_start] building the module (Release) into bench/.artifacts/module/" >&2
  dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
    --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
  MODULE="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"
fi

run() { local start end; start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
declare -A samples
# one warm-up round of each (disk cache, Keystone's first token)
"$pwsh" -NoProfile -File bench/process/ten_lists.ps1 -Module "$MODULE" >/dev/null
/usr/bin/python3 bench/sdk_ten_lists.py --one-shot >/dev/null
for i in $(seq 1 "$rounds"); do
  samples[empty]+="$(run "$pwsh" -NoProfile -File bench/process/empty.ps1) "
  samples[import]+="$(run "$pwsh" -NoProfile -File bench/process/import.ps1 -Module "$MODULE") "
  samples[ten]+="$(run "$pwsh" -NoProfile -File bench/process/ten_lists.ps1 -Module "$MODULE") "
  samples[sdk]+="$(run /usr/bin/python3 bench/sdk_ten_lists.py --one-shot) "
  if [[ -n "${BASELINE:-}" ]]; then
    samples[base_import]+="$(run "$pwsh" -NoProfile -File bench/process/import.ps1 -Module "$BASELINE") "
    samples[base_ten]+="$(run "$pwsh" -NoProfile -File bench/process/ten_lists.ps1 -Module "$BASELINE") "
  fi
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
e=$(echo "${samples[empty]}" | median); m=$(echo "${samples[import]}" | median)
t=$(echo "${samples[ten]}" | median); s=$(echo "${samples[sdk]}" | median)
echo "whole process, medians of $rounds interleaved rounds ($(date -u +%F\ %H:%M) UTC)"
printf '%-58s %6s ms\n' "pwsh -NoProfile -File empty.ps1 (bare start)" "$e" \
  "pwsh: Import-Module only" "$m" \
  "pwsh: import + Connect-OSCloud + 10 lists" "$t" \
  "python3 + openstacksdk: import + connect + 10 lists" "$s"
printf '%-58s %6s ms\n' "module's share (import + connect + 10 lists - bare start)" "$((t - e))" \
  "import's share (import only - bare start)" "$((m - e))"
if [[ -n "${BASELINE:-}" ]]; then
  bm=$(echo "${samples[base_import]}" | median); bt=$(echo "${samples[base_ten]}" | median)
  printf '%-58s %6s ms\n' "baseline: Import-Module only" "$bm" "baseline: import + Connect-OSCloud + 10 lists" "$bt" \
    "baseline: module's share" "$((bt - e))" "baseline: import's share" "$((bm - e))"
  echo "baseline samples: import ${samples[base_import]}| ten ${samples[base_ten]}"
fi
echo "samples: empty ${samples[empty]}| import ${samples[import]}| ten ${samples[ten]}| sdk ${samples[sdk]}"
