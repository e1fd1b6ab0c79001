#!/usr/bin/env bash
# Listing 2,000 ports and 2,000 security group rules with every page followed: Get-OSPort (in full, and with -Property
# asking for the five fields the CLI asks for) and Get-OSSecurityGroupRule
# (Release, in real pwsh) against `openstack port list` / `openstack security group rule list`, openstacksdk in one
# process, and curl (the server's own time). NOT part of CI; needs the local cloud (tests/cloud/up.sh). Creates
# everything in a project of its own as los-admin (bulk POSTs of 250) and deletes it on exit.
#   bench/neutron_lists.sh [count] [rounds]        # default 2000 items, 3 rounds
#   KEEP=1 bench/neutron_lists.sh ...              # keep the resources; prints the state file to reuse
#   STATE=/tmp/x.json bench/neutron_lists.sh ...   # reuse them (no setup; deleted at the end unless KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-2000}
rounds=${2:-3}
export OS_CLIENT_CONFIG_FILE="${OS_CLIENT_CONFIG_FILE:-/var/lib/los/clouds.yaml}" OS_CLOUD=los-admin
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$root/bench/.artifacts"
state=${STATE:-$(mktemp /tmp/oso-neutron-bench.XXXXXX.json)}
work=$(mktemp -d /tmp/oso-neutron-bench.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then
  trap 'rm -rf "$work"; echo "kept: STATE=$state" >&2' EXIT
else
  trap '/usr/bin/python3 bench/neutron_lists.py teardown "$state" || true; rm -rf "$state" "$work"' EXIT
fi

dotnet build src/OpenStackOrchestrator/OpenStackOrchestrator.csproj -c Release -nologo -v quiet \
  --artifacts-path "$artifacts" -p:ModuleOutputDir="$artifacts/module/OpenStackOrchestrator/" >&2
source bench/pwsh.sh
module="$artifacts/module/OpenStackOrchestrator/OpenStackOrchestrator.psd1"

if [ -z "${STATE:-}" ]; then
  echo "creating $count ports and $count rules on $(date -u +%FT%TZ)" >&2
  /usr/bin/python3 bench/neutron_lists.py setup "$count" "$state" >&2
fi
field() { /usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$state" "$1"; }
network=$(field network)
group=$(field group)

# One whole process under /usr/bin/time -v: prints "<seconds> <peak RSS MiB> <stdout>".
timed() {
  /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
  echo "$wall $rss $(tr '\n' ' ' <"$work/out")"
}

# The module in one process: the cmdlet three times (the first pays the JIT), then with pages of 500, then the
# client alone (NetworkClient, no PowerShell objects). Prints count:ms for each.
module_script() {   # $1: the cmdlet line; $2: the client call
  cat <<PS
Connect-OSCloud -Cloud los-admin | Out-Null
\$t = @()
foreach (\$pageSize in 0, 0, 0, 500) {
  (Get-Internal \$DefaultOSCloud Network).PageSize = \$pageSize
  \$w = [Diagnostics.Stopwatch]::StartNew()
  \$n = @($1).Count
  \$t += '{0}:{1:0}' -f \$n, \$w.Elapsed.TotalMilliseconds
}
(Get-Internal \$DefaultOSCloud Network).PageSize = 0
\$w = [Diagnostics.Stopwatch]::StartNew()
\$n = [OpenStackOrchestrator.Client.Resolution.NameResolver]::ToListAsync($2).GetAwaiter().GetResult().Count
\$t += 'client {0}:{1:0}' -f \$n, \$w.Elapsed.TotalMilliseconds
\$t -join ' '
PS
}
ports_call="(Get-Internal \$DefaultOSCloud Network).ListPortsAsync([OpenStackOrchestrator.Client.Networking.PortListOptions]@{ NetworkId = '$network' }, [Threading.CancellationToken]::None)"
rules_call="(Get-Internal \$DefaultOSCloud Network).ListSecurityGroupRulesAsync([OpenStackOrchestrator.Client.Networking.SecurityGroupRuleListOptions]@{ SecurityGroupId = '$group' }, [Threading.CancellationToken]::None)"

# curl with a token: the time Neutron takes to answer (and the size of the answer).
token=$(openstack token issue -f value -c id)
neutron() { curl -s -o /dev/null -w '%{time_total}s:%{size_download}B ' -H "X-Auth-Token: $token" "http://127.0.0.1:9696/v2.0/$1"; }

for round in $(seq 1 "$rounds"); do
  echo "round $round" >&2
  echo "module-ports $(timed "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module'; $oso_internal; $(module_script "Get-OSPort -Network $network" "$ports_call")")"
  echo "module-ports-property $(timed "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module'; $oso_internal; $(module_script "Get-OSPort -Network $network -Property Id, Name, MacAddress, FixedIPs, Status" "$ports_call")")"
  echo "module-rules $(timed "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module'; $oso_internal; $(module_script "Get-OSSecurityGroupRule $group" "$rules_call")")"
  echo "cli-ports $(timed sh -c "openstack port list --network $network -f value -c ID | wc -l")"
  echo "cli-rules $(timed sh -c "openstack security group rule list $group -f value -c ID | wc -l")"
  echo "sdk $(timed /usr/bin/python3 bench/neutron_lists.py sdk "$state" 3)"
  echo "curl-ports $(neutron "ports?network_id=$network") fields-as-cli $(neutron "ports?network_id=$network&fields=id&fields=name&fields=mac_address&fields=fixed_ips&fields=status")"
  echo "curl-rules $(neutron "security-group-rules?security_group_id=$group")"
done
