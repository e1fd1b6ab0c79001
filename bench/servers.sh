#!/usr/bin/env bash
# Creating 20 servers: -RunAsync + Wait-OSTask, one after another with New-OSServer, and the
# `openstack server create --wait` loop. NOT part of CI; needs the local cloud (tests/cloud/up.sh).
#   bench/servers.sh [count]        # default 20
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-20}
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}" OS_CLOUD=los-demo
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$root/bench/.artifacts"
dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

module_run() {   # $1: label, $2: script body using $n and $prefix
  oso_pwsh "$module" -Command "
    Connect-OSCloud -Cloud los-demo | Out-Null
    \$n = $count; \$prefix = 'bench-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    \$watch = [Diagnostics.Stopwatch]::StartNew()
    $2
    \$elapsed = \$watch.Elapsed.TotalSeconds
    \$requests = (Get-Internal \$DefaultOSCloud Compute).WaitPollRequests
    Get-OSServer -Name \"\$prefix*\" | Remove-OSServer -Confirm:\$false
    '{0,-34} {1,7:0.0} s  (status requests while waiting: {2})' -f '$1', \$elapsed, \$requests"
}

# the demo project's default quota (10 instances) is below the bench's needs
openstack --os-cloud los-admin quota set --instances $((count + 40)) --cores $((count + 40)) --ram $(( (count + 40) * 1024 )) demo
echo "creating $count servers (m1.tiny, los-fake-image, no network) on $(date -u +%FT%TZ)"
module_run "New-OSServer -Count -RunAsync + Wait" '$null = New-OSServer -Name $prefix -Count $n -Image los-fake-image -Flavor m1.tiny -Network none -RunAsync | Wait-OSTask'
module_run "New-OSServer one after another" '1..$n | ForEach-Object { $null = New-OSServer -Name "$prefix-$_" -Image los-fake-image -Flavor m1.tiny -Network none }'

prefix="bench-cli-$RANDOM"
trap 'openstack server list -f value -c ID --name "^$prefix" | xargs -r openstack server delete --wait' EXIT
start=$(date +%s.%N)
for i in $(seq 1 "$count"); do
  openstack --os-compute-api-version 2.37 server create --flavor m1.tiny --image los-fake-image --nic none --wait "$prefix-$i" >/dev/null
done
end=$(date +%s.%N)
printf '%-34s %7.1f s\n' "openstack server create --wait loop" "$(echo "$end - $start" | bc)"
