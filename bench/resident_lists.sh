#!/usr/bin/env bash
# Big listings in ONE resident real pwsh, against a raw authenticated GET of the same URL in the same process (an
# HttpClient reading the body, no parsing: the floor the cloud allows), interleaved, medians. The issue-11 bars:
# 2,000 ports, 2,002 security-group rules and 5,000 Swift objects within 1.3x of the raw GET; -Property on the
# ports within 1.2x of the raw fields= GET. NOT part of CI; needs the local cloud (tests/cloud/up.sh).
#   STATE=<neutron_lists state file> bench/resident_lists.sh [rounds]
# The ports and rules come from bench/neutron_lists.sh (KEEP=1 bench/neutron_lists.sh 2000 0 prints a STATE);
# the 5,000 empty objects are put into a container of this script's own (as los-admin) and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${1:-7}
objects=${OBJECTS:-5000}
: "${STATE:?give STATE=<state file of bench/neutron_lists.sh>}"
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}" OS_CLOUD=los-admin
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$root/bench/.artifacts"
dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"
field() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$STATE" "$1"; }
network=$(field network)
group=$(field group)
container="bench-list-$$"

oso_pwsh "$module" -Command "
\$ErrorActionPreference = 'Stop'
Connect-OSCloud -Cloud los-admin | Out-Null
\$cloud = \$DefaultOSCloud.psobject.BaseObject
\$none = [Threading.CancellationToken]::None
\$tokens = \$cloud.GetType().GetField('_tokens', [Reflection.BindingFlags]'Instance,NonPublic').GetValue(\$cloud)
\$token = Get-Internal (Get-Internal \$tokens Current) Value
\$swift = \$cloud.GetEndpointAsync('object-store', \$none).GetAwaiter().GetResult()
New-OSContainer $container | Out-Null
\$storage = Get-Internal \$DefaultOSCloud ObjectStorage
\$options = [OpenStackOrchestrator.Client.ObjectStorage.ObjectUploadOptions]::new()
for (\$start = 0; \$start -lt $objects; \$start += 32) {
  \$batch = foreach (\$i in \$start..([Math]::Min(\$start + 31, $objects - 1))) {
    \$storage.UploadAsync('$container', ('item-{0:D6}' -f \$i), [IO.MemoryStream]::new(), 0, \$options, \$null, \$none) }
  [Threading.Tasks.Task]::WaitAll([Threading.Tasks.Task[]]\$batch)
}
\$http = [Net.Http.HttpClient]::new()
\$http.DefaultRequestHeaders.Add('X-Auth-Token', \$token)
function Raw([string] \$url) { \$http.GetStringAsync(\$url).GetAwaiter().GetResult().Length }
\$neutron = 'http://127.0.0.1:9696/v2.0'
\$cases = [ordered]@{
  'ports'           = @({ @(Get-OSPort -Network $network).Count }, { Raw \"\$neutron/ports?network_id=$network\" })
  'ports -Property' = @({ @(Get-OSPort -Network $network -Property Id, Name, MacAddress, FixedIPs, Status).Count },
                        { Raw \"\$neutron/ports?network_id=$network&fields=id&fields=name&fields=mac_address&fields=fixed_ips&fields=status\" })
  'rules'           = @({ @(Get-OSSecurityGroupRule -SecurityGroup $group).Count }, { Raw \"\$neutron/security-group-rules?security_group_id=$group\" })
  'objects'         = @({ @(Get-OSObject -Container $container).Count }, { Raw \"\$swift/$container?format=json\" })
}
\$samples = @{}
foreach (\$name in \$cases.Keys) { \$samples[\$name] = @{ module = [Collections.Generic.List[double]]::new(); raw = [Collections.Generic.List[double]]::new() } }
foreach (\$round in 0..$rounds) {
  foreach (\$name in \$cases.Keys) {
    # Each round swaps which goes first: the cloud answers the same request faster or slower from one call to the next.
    foreach (\$side in \$(if (\$round % 2) { 'raw', 'module' } else { 'module', 'raw' })) {
      \$w = [Diagnostics.Stopwatch]::StartNew()
      \$n = & \$cases[\$name][\$(if (\$side -eq 'module') { 0 } else { 1 })]
      \$ms = \$w.Elapsed.TotalMilliseconds
      if (\$round -gt 0) { \$samples[\$name][\$side].Add(\$ms) }   # round 0 warms up (JIT, connections)
      if (\$side -eq 'module' -and \$round -eq 0) { Write-Host (\"{0}: {1} items\" -f \$name, \$n) }
    }
  }
}
function Median(\$xs) { \$s = @(\$xs | Sort-Object); if (\$s.Count % 2) { \$s[[int][Math]::Floor(\$s.Count / 2)] } else { (\$s[\$s.Count / 2 - 1] + \$s[\$s.Count / 2]) / 2 } }
Write-Host \"| list | module | raw GET | ratio |\"
Write-Host '| --- | --: | --: | --: |'
foreach (\$name in \$cases.Keys) {
  \$m = Median \$samples[\$name].module; \$r = Median \$samples[\$name].raw
  Write-Host ('| {0} | {1:0} ms | {2:0} ms | {3:0.00}x |' -f \$name, \$m, \$r, (\$m / \$r))
}
Remove-OSContainer $container -Recurse -Confirm:\$false
"
