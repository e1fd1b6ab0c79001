#!/usr/bin/env bash
# Benchmarks of OpenStackOrchestrator (see docs/performance.md). NOT part of CI: run by hand on a machine whose local
# cloud is up (tests/cloud/up.sh). It builds the module (Release) and the bench, then runs every part and prints
# the tables; raw numbers go to bench/.results/<time>.json and the printed report to bench/.results/<time>.txt.
#
#   bench/run.sh                         # everything, default counts (about 2 minutes on 2 cores)
#   bench/run.sh --only flavor,profile   # some parts: cold warm flavor profile ten cli sdk
#   bench/run.sh --flavor-calls 500 --cli-rounds 1 --cloud los-demo    # any option of the bench (--help)
#   MODULE=out/OpenStackOrchestrator/OpenStackOrchestrator.psd1 bench/run.sh   # an already built module, no build
#
# The module is built into bench/.artifacts/module/ (not out/), with its own obj/bin under bench/.artifacts, so that
# a Release build here never replaces the Debug module that tests in the same working copy are importing.
# Only 127.0.0.1 is contacted: the bench refuses a cloud whose auth_url or compute endpoint is not loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$root/bench/.artifacts"

if ! curl -s -o /dev/null --max-time 5 http://127.0.0.1:5000/v3; then
  echo "bench: Keystone does not answer on 127.0.0.1:5000; start the cloud first (tests/cloud/up.sh)" >&2
  exit 1
fi

if [[ -z "${MODULE:-}" ]]; then
  echo "[bench] building the module (Release) into bench/.artifacts/module/" >&2
  dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
    --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
  MODULE="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"
fi
echo "[bench] building the bench (Release)" >&2
dotnet build bench/OpenStackOrchestrator.Bench/OpenStackOrchestrator.Bench.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" >&2

mkdir -p bench/.results
stamp=$(date +%Y%m%d-%H%M%S)
dotnet "$artifacts/bin/OpenStackOrchestrator.Bench/release/OpenStackOrchestrator.Bench.dll" \
  --module "$MODULE" --sdk-script bench/sdk_ten_lists.py --json "bench/.results/$stamp.json" "$@" |
  tee "bench/.results/$stamp.txt"
exit "${PIPESTATUS[0]}"
