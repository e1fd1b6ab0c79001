# Sourced by the bench scripts: real pwsh 7.6.9 (the repository's local dotnet tool) with the module imported.
#   source bench/pwsh.sh; oso_pwsh "<module psd1>" -Command "<script>"
dotnet tool restore >/dev/null
oso_pwsh_bin="$(dotnet pwsh -NoProfile -c '$PSHOME')/pwsh"
oso_pwsh() {   # $1: module psd1, $2: -Command, $3: script
  local module=$1; shift; shift
  "$oso_pwsh_bin" -NoProfile -NonInteractive -Command "Import-Module '$module' -ErrorAction Stop; $oso_internal; $1"
}
# Benches read the client's counters and options, which a connection does not show: Get-Internal $DefaultOSCloud Network
oso_internal='function Get-Internal($o, $n) { $o = $o.psobject.BaseObject; $o.GetType().GetProperty($n, [Reflection.BindingFlags]"Instance,Public,NonPublic").GetValue($o) }'
