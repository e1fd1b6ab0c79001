# Helpers of the hostile-input Pester files (HostileNames, HostileFilters, HostileNumbers, HostileConfig): run one
# hostile call, collect what it wrote and threw, and check that a refusal is a clear ErrorRecord rather than a crash.

<#
.SYNOPSIS
    Runs a script block and returns its Output (non-error objects) and Errors (non-terminating ones and the terminating
    one, in that order). Nothing escapes: a hostile call that throws is an error to look at, not a test failure here.
#>
function Invoke-OsoHostile {
    param([Parameter(Mandatory)] [scriptblock] $Script)
    $all = [System.Collections.Generic.List[object]]::new()
    try {
        foreach ($item in (& $Script 2>&1)) { $all.Add($item) }
    }
    catch {
        $all.Add($_)
    }
    [pscustomobject]@{
        Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

# Exceptions that mean a bug reached the user, whatever id they were given.
$script:CrashExceptions = 'System.NullReferenceException', 'System.InvalidCastException', 'System.IndexOutOfRangeException',
    'System.Collections.Generic.KeyNotFoundException', 'System.OutOfMemoryException', 'System.StackOverflowException',
    'System.AggregateException', 'System.Text.Json.JsonException', 'System.ObjectDisposedException'

<#
.SYNOPSIS
    Asserts that every error of a result is a clear refusal: a specific id (not UnexpectedError nor the generic
    OpenStackRequestFailed, nor a .NET type name), a category other than NotSpecified, no exception that means a bug
    (NullReferenceException...), and a message; then that the first error has -ErrorId (the part before the comma), -Category and a message matching
    -Message (a regex: the parameter named, or the cloud's reason). Nothing may have been written to the output.
#>
function Assert-OsoRefusal {
    param(
        [Parameter(Mandatory)] $Result,
        [string] $ErrorId,
        [string] $Category,
        [string] $Message,
        [switch] $AllowOutput
    )
    $Result.Errors | Should -Not -BeNullOrEmpty -Because 'a hostile input is refused with an ErrorRecord'
    if (-not $AllowOutput) { $Result.Output | Should -BeNullOrEmpty -Because 'a refused call writes no object' }
    foreach ($e in $Result.Errors) {
        $id = ($e.FullyQualifiedErrorId -split ',')[0]
        $id | Should -Not -BeIn @('UnexpectedError', 'OpenStackRequestFailed', 'System.Management.Automation.RuntimeException') -Because "the error '$e' needs a specific id"
        $e.CategoryInfo.Category | Should -Not -Be 'NotSpecified' -Because "the error '$e' ($id) needs a category"
        $id | Should -Not -Match '^System\.' -Because "the error '$e' needs an id of its own, not an exception type name"
        $e.Exception.GetType().FullName | Should -Not -BeIn $script:CrashExceptions -Because "'$e' is a bug, not a refusal"
        "$e" | Should -Not -BeNullOrEmpty
    }
    $first = $Result.Errors[0]
    if ($ErrorId) { ($first.FullyQualifiedErrorId -split ',')[0] | Should -BeExactly $ErrorId -Because "of '$first'" }
    if ($Category) { "$($first.CategoryInfo.Category)" | Should -Be $Category -Because "of '$first'" }
    if ($Message) { "$first $($first.ErrorDetails.Message)" | Should -Match $Message }
}

<# Asserts that a call succeeded without any error and returns its output. #>
function Assert-OsoAccepted {
    param([Parameter(Mandatory)] $Result)
    $Result.Errors | ForEach-Object { "$_" } | Should -BeNullOrEmpty -Because 'the input is documented as accepted'
    $Result.Output
}

<# A string of the given length: a marker then repeated characters, so that a cut-off is visible. #>
function New-OsoLongString([int] $Length, [string] $Start = 'long') {
    $Start + ('x' * [Math]::Max(0, $Length - $Start.Length))
}

Export-ModuleMember -Function *-Oso*
