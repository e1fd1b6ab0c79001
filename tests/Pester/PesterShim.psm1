# PesterShim: the part of Pester 5 this repository's tests use, built only from the language and
# Microsoft.PowerShell.Core (a hosted runspace has no Utility cmdlets, and Pester itself needs them).
# Invoke-PesterShim -Path x.Tests.ps1 runs a file as Pester 5 does: first the file and the bodies of Describe and
# Context run (discovery), then BeforeAll/It/AfterAll run in nested scopes of the caller's session state (run).

$script:Discovering = $null   # the block whose body is being discovered
$script:UserState = $null     # session state of the caller of Invoke-PesterShim, where the test code runs
$script:Results = $null

# Test script blocks belong to the caller's session state, so their scopes must be made there, not in this module:
# this unbound script block runs in that state, opens a child scope with & { } and calls back into the module.
$script:NewUserScope = [scriptblock]::Create('& { param($__shimAction, $__shimArgs) & $__shimAction @__shimArgs } @args')

function Invoke-InNewUserScope([scriptblock] $Action, [object[]] $Arguments) {
    $null = $script:UserState.InvokeCommand.InvokeScript($script:UserState, $script:NewUserScope, $Action, $Arguments)
}

function Invoke-PesterShim {
    <# Runs one test file; returns one result per It: Path, TemplatePath, Result, Message, DurationMs, SkippedAtRuntime. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)
    $script:UserState = $PSCmdlet.SessionState
    $script:Results = [System.Collections.Generic.List[object]]::new()
    $root = New-ShimBlock -Name $null -Parent $null -Skip $false
    $script:Discovering = $root
    try {
        $null = $script:UserState.InvokeCommand.InvokeScript($script:UserState, [scriptblock]::Create('& $args[0]'), $Path)
    }
    catch {
        $inner = $_.Exception.InnerException
        $record = if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $inner.ErrorRecord } else { $_ }
        Add-ShimResult @() '<discovery>' '<discovery>' Failed "Discovery of $Path failed: $(Format-ShimError $record)"
        return $script:Results.ToArray()
    }
    finally {
        $script:Discovering = $null
    }
    Invoke-InNewUserScope ${function:Invoke-ShimBlock} @(, $root)
    $script:Results.ToArray()
}

function New-ShimBlock($Name, $Parent, [bool] $Skip) {
    [pscustomobject]@{
        IsBlock = $true; Name = $Name; Parent = $Parent; Skip = $Skip
        Names = [string[]]@(if ($Parent) { $Parent.Names }; if ($null -ne $Name) { $Name })
        BeforeAll = [System.Collections.Generic.List[scriptblock]]::new()
        AfterAll = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new()
        AfterEach = [System.Collections.Generic.List[scriptblock]]::new()
        Children = [System.Collections.Generic.List[object]]::new()
    }
}

function Get-DiscoveringBlock([string] $Command) {
    if ($null -eq $script:Discovering) {
        throw "$Command must be in a test file run by Invoke-PesterShim, at discovery (not inside It or BeforeAll)."
    }
    $script:Discovering
}

#region Discovery: Describe, Context, It and the setup blocks only register themselves

function Describe {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Position = 1)] [scriptblock] $Fixture,
        [string[]] $Tag, [switch] $Skip)
    Add-ShimBlock $Name $Fixture $Skip.IsPresent
}

function Context {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Position = 1)] [scriptblock] $Fixture,
        [string[]] $Tag, [switch] $Skip)
    Add-ShimBlock $Name $Fixture $Skip.IsPresent
}

function Add-ShimBlock([string] $Name, [scriptblock] $Fixture, [bool] $Skip) {
    $parent = Get-DiscoveringBlock $Name
    $block = New-ShimBlock -Name $Name -Parent $parent -Skip ($Skip -or $parent.Skip)
    $parent.Children.Add($block)
    $script:Discovering = $block
    try { $null = & $Fixture } finally { $script:Discovering = $parent }
}

function It {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Position = 1)] [scriptblock] $Test,
        [Alias('TestCases')] [object[]] $ForEach, [string[]] $Tag, [switch] $Skip)
    $block = Get-DiscoveringBlock 'It'
    $hasData = $PSBoundParameters.ContainsKey('ForEach')
    $cases = if ($hasData) { $ForEach } else { , @($null) }
    foreach ($data in $cases) {
        $block.Children.Add([pscustomobject]@{
                IsBlock = $false; Block = $block; Test = $Test; Data = $data; HasData = $hasData; Template = $Name
                Name = if ($hasData) { Expand-ShimName $Name $data } else { $Name }
                Skip = $Skip -or $block.Skip -or $null -eq $Test
            })
    }
}

# "<key>" and "<key.property>" take values from a test case; "<_>" is the case itself.
function Expand-ShimName([string] $Template, $Data) {
    $Template -replace '<([^<>]+)>', {
        $parts = $_.Groups[1].Value -split '\.'
        if ($parts[0] -eq '_') { $value = $Data }
        elseif ($Data -is [System.Collections.IDictionary] -and $Data.Contains($parts[0])) { $value = $Data[$parts[0]] }
        else { return $_.Value }
        for ($i = 1; $i -lt $parts.Count; $i++) { $value = $value.($parts[$i]) }
        "$value"
    }
}

function BeforeAll([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) {
    (Get-DiscoveringBlock 'BeforeAll').BeforeAll.Add($Scriptblock)
}
function AfterAll([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) {
    (Get-DiscoveringBlock 'AfterAll').AfterAll.Add($Scriptblock)
}
function BeforeEach([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) {
    (Get-DiscoveringBlock 'BeforeEach').BeforeEach.Add($Scriptblock)
}
function AfterEach([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) {
    (Get-DiscoveringBlock 'AfterEach').AfterEach.Add($Scriptblock)
}
# Runs at once, in the file's scope, so its variables can feed -ForEach/-TestCases.
function BeforeDiscovery([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) {
    $null = Get-DiscoveringBlock 'BeforeDiscovery'
    . $Scriptblock
}

#endregion

#region Run: each block in its own scope (its BeforeAll's variables live there), each It in a child scope of it

function Invoke-ShimBlock($Block) {
    $firstResult = $script:Results.Count
    $tests = @(Get-ShimTests $Block)
    if (-not $tests.Where({ -not $_.Skip })) {
        foreach ($test in $tests) { Add-ShimSkipped $test }
        return
    }
    $testDrive = $null
    if ($Block.Names.Count -eq 1) {
        $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "TestDrive-$([guid]::NewGuid())")
        $testDrive = [System.IO.Directory]::CreateDirectory($folder).FullName
        $script:UserState.PSVariable.Set('TestDrive', $testDrive)
    }
    try {
        try {
            foreach ($setup in $Block.BeforeAll) { . $setup }
        }
        catch {
            $message = "BeforeAll failed: $(Format-ShimError $_)"
            foreach ($test in $tests) {
                if ($test.Skip) { Add-ShimSkipped $test }
                else { Add-ShimResult $test.Block.Names $test.Name $test.Template Failed $message }
            }
            return
        }
        foreach ($child in $Block.Children) {
            $action = if ($child.IsBlock) { ${function:Invoke-ShimBlock} } else { ${function:Invoke-ShimTest} }
            Invoke-InNewUserScope $action @(, $child)
        }
    }
    finally {
        # AfterAll runs even when BeforeAll or a test failed; when it fails, the block's passed tests fail too.
        foreach ($teardown in $Block.AfterAll) {
            try { . $teardown }
            catch {
                $message = "AfterAll of '$($Block.Names -join ' > ')' failed: $(Format-ShimError $_)"
                foreach ($result in $script:Results.GetRange($firstResult, $script:Results.Count - $firstResult)) {
                    if ($result.Result -eq 'Passed') { $result.Result = 'Failed'; $result.Message = $message }
                }
            }
        }
        if ($testDrive) { [System.IO.Directory]::Delete($testDrive, $true) }
    }
}

function Get-ShimTests($Block) {
    foreach ($child in $Block.Children) { if ($child.IsBlock) { Get-ShimTests $child } else { $child } }
}

function Invoke-ShimTest($Test) {
    if ($Test.Skip) { Add-ShimSkipped $Test; return }
    $chain = [System.Collections.Generic.List[object]]::new()
    for ($b = $Test.Block; $b; $b = $b.Parent) { $chain.Insert(0, $b) }
    $result = 'Passed'; $message = $null; $atRuntime = $false
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        if ($Test.HasData) {
            $script:UserState.PSVariable.Set('_', $Test.Data)
            if ($Test.Data -is [System.Collections.IDictionary]) {
                foreach ($key in $Test.Data.Keys) { $script:UserState.PSVariable.Set([string]$key, $Test.Data[$key]) }
            }
        }
        foreach ($b in $chain) { foreach ($setup in $b.BeforeEach) { . $setup } }
        if ($Test.Test.Ast.ParamBlock -and $Test.Data -is [System.Collections.IDictionary]) { $data = $Test.Data; . $Test.Test @data }
        else { . $Test.Test }
    }
    catch {
        if ($_.FullyQualifiedErrorId -like 'PesterTestSkipped*') { $result = 'Skipped'; $message = $_.Exception.Message; $atRuntime = $true }
        else { $result = 'Failed'; $message = Format-ShimError $_ }
    }
    finally {
        $chain.Reverse()
        foreach ($b in $chain) {
            foreach ($teardown in $b.AfterEach) {
                try { . $teardown }
                catch { if ($result -ne 'Failed') { $result = 'Failed'; $message = "AfterEach failed: $(Format-ShimError $_)" } }
            }
        }
    }
    Add-ShimResult $Test.Block.Names $Test.Name $Test.Template $result $message $watch.Elapsed.TotalMilliseconds $atRuntime
}

function Add-ShimSkipped($Test) { Add-ShimResult $Test.Block.Names $Test.Name $Test.Template Skipped 'is skipped (-Skip)' }

function Add-ShimResult([string[]] $Names, [string] $Name, [string] $Template, [string] $Result, [string] $Message,
    [double] $DurationMs, [bool] $SkippedAtRuntime) {
    $script:Results.Add([pscustomobject]@{
            Path = (@($Names) + $Name) -join ' > '; TemplatePath = (@($Names) + $Template) -join ' > '
            Result = $Result; Message = $Message; DurationMs = $DurationMs; SkippedAtRuntime = $SkippedAtRuntime
        })
}

function Format-ShimError($ErrorRecord) {
    $position = if ($ErrorRecord.InvocationInfo) { $ErrorRecord.InvocationInfo.PositionMessage }
    "$($ErrorRecord.Exception.Message)`n$position".TrimEnd()
}

function Set-ItResult {
    [CmdletBinding(DefaultParameterSetName = 'Skipped')]
    param([Parameter(ParameterSetName = 'Skipped')] [switch] $Skipped,
        [Parameter(ParameterSetName = 'Inconclusive')] [switch] $Inconclusive, [string] $Because)
    $message = "is $($PSCmdlet.ParameterSetName.ToLowerInvariant())$(if ($Because) { ", because $Because" })"
    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            [System.Exception]::new($message), 'PesterTestSkipped', 'NotSpecified', $null))
}

#endregion

#region Should

$script:Operators = @('Be', 'BeExactly', 'BeNullOrEmpty', 'Match', 'MatchExactly', 'BeLike', 'BeLikeExactly', 'HaveCount',
    'BeOfType', 'Contain', 'BeTrue', 'BeFalse', 'BeGreaterThan', 'BeLessThan', 'BeGreaterOrEqual', 'BeLessOrEqual', 'BeIn', 'Throw')

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] $ActualValue,
        [Parameter(Position = 0)] $ExpectedValue,
        [switch] $Not, [string] $Because,
        [switch] $Be, [switch] $BeExactly, [switch] $BeNullOrEmpty, [switch] $Match, [switch] $MatchExactly,
        [switch] $BeLike, [switch] $BeLikeExactly, [switch] $HaveCount, [switch] $BeOfType, [switch] $Contain,
        [switch] $BeTrue, [switch] $BeFalse, [switch] $BeGreaterThan, [switch] $BeLessThan,
        [switch] $BeGreaterOrEqual, [switch] $BeLessOrEqual, [switch] $BeIn,
        [switch] $Throw, [string] $ExpectedMessage, [string] $ErrorId, [type] $ExceptionType, [switch] $PassThru
    )
    begin { $collected = [System.Collections.Generic.List[object]]::new() }
    process { if ($MyInvocation.ExpectingInput) { $collected.Add($ActualValue) } }
    end {
        # As in Pester: no input is $null, one item is that item, several are an array.
        $actual = $ActualValue
        if ($MyInvocation.ExpectingInput) {
            $actual = if ($collected.Count -eq 1) { , $collected[0] } elseif ($collected.Count) { , $collected.ToArray() }
        }
        $bound = $PSBoundParameters
        $operator = @($script:Operators.Where({ $bound.ContainsKey($_) }))
        if ($operator.Count -ne 1) {
            throw [System.ArgumentException]::new("Should needs exactly one operator (-Be, -Throw, ...); got $($operator.Count).")
        }
        $e = $ExpectedValue
        $ev = Format-ShimValue $e
        $actualText = Format-ShimValue $actual
        # Each operator sets $ok, and what was expected without -Not ($wanted) and with it ($unwanted).
        switch ($operator[0]) {
            'Be' { $ok = Test-ShimEqual $actual $e; $wanted = $ev; $unwanted = "a value different from $ev" }
            'BeExactly' {
                $ok = Test-ShimEqual $actual $e -CaseSensitive
                $wanted = "exactly $ev"; $unwanted = "a value different from exactly $ev"
            }
            'BeNullOrEmpty' { $ok = Test-ShimNullOrEmpty $actual; $wanted = '$null or empty'; $unwanted = 'a value' }
            'Match' { $ok = $actual -match $e; $wanted = "regular expression $ev to match"; $unwanted = "regular expression $ev to not match" }
            'MatchExactly' {
                $ok = $actual -cmatch $e
                $wanted = "regular expression $ev to match exactly"; $unwanted = "regular expression $ev to not match exactly"
            }
            'BeLike' { $ok = $actual -like $e; $wanted = "like wildcard $ev"; $unwanted = "not like wildcard $ev" }
            'BeLikeExactly' { $ok = $actual -clike $e; $wanted = "exactly like wildcard $ev"; $unwanted = "not exactly like wildcard $ev" }
            'HaveCount' {
                $count = if ($null -eq $actual) { 0 } else { @($actual).Count }
                $ok = $count -eq $e; $actualText = "$actualText with size $count"
                $wanted = "a collection with size $e"; $unwanted = "a collection with size different from $e"
            }
            'BeOfType' {
                $type = if ($e -is [type]) { $e } else { ([string]$e -replace '^\[(.*)\]$', '$1') -as [type] }
                if ($null -eq $type) { throw [System.ArgumentException]::new("Should -BeOfType: unknown type $e.") }
                $ok = $actual -is $type
                $wanted = "a value of type [$($type.FullName)] or a subtype"; $unwanted = "a value not of type [$($type.FullName)]"
                if ($null -ne $actual) { $actualText = "$actualText of type [$($actual.GetType().FullName)]" }
            }
            'Contain' {
                $ok = @($actual) -contains $e
                $wanted = "$ev to be found in the collection"; $unwanted = "$ev to not be found in the collection"
            }
            'BeIn' { $ok = @($e) -contains $actual; $wanted = "a value found in $ev"; $unwanted = "a value not found in $ev" }
            'BeTrue' { $ok = [bool]$actual; $wanted = '$true'; $unwanted = 'a false value' }
            'BeFalse' { $ok = -not $actual; $wanted = '$false'; $unwanted = 'a true value' }
            'BeGreaterThan' { $ok = $actual -gt $e; $wanted = "a value greater than $ev"; $unwanted = "a value less than or equal to $ev" }
            'BeLessThan' { $ok = $actual -lt $e; $wanted = "a value less than $ev"; $unwanted = "a value greater than or equal to $ev" }
            'BeGreaterOrEqual' { $ok = $actual -ge $e; $wanted = "a value greater than or equal to $ev"; $unwanted = "a value less than $ev" }
            'BeLessOrEqual' { $ok = $actual -le $e; $wanted = "a value less than or equal to $ev"; $unwanted = "a value greater than $ev" }
            'Throw' {
                # -Not -Throw means "throws nothing at all": filters apply only without -Not.
                $message = if ($ExpectedMessage) { $ExpectedMessage } else { $e }
                $check = Test-ShimThrow $actual $message $ErrorId $ExceptionType $Not.IsPresent
                $ok = $check.Ok; $wanted = $unwanted = $check.Wanted; $actualText = $check.Actual
            }
        }
        if ([bool]$ok -eq $Not.IsPresent) {
            $phrase = if ($Not) { $unwanted } else { $wanted }
            $reason = if ($Because) { " because $($Because.TrimEnd('.'))," } else { '' }
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.Exception]::new("Expected $phrase,$reason but got $actualText."), 'PesterAssertionFailed', 'InvalidResult', $actual))
        }
        if ($PassThru -and $operator[0] -eq 'Throw') { $check.Error }
    }
}

function Test-ShimThrow($Action, [string] $Message, [string] $Id, [type] $Type, [bool] $Negate) {
    if ($Action -isnot [scriptblock]) {
        throw [System.ArgumentException]::new('Input to Should -Throw must be a script block: { ... } | Should -Throw')
    }
    $thrown = $null
    try { $null = & $Action } catch { $thrown = $_ }
    $got = 'no exception'
    if ($thrown) {
        $got = "[$($thrown.Exception.GetType().FullName)] $(Format-ShimValue $thrown.Exception.Message)" +
        " with FullyQualifiedErrorId $(Format-ShimValue $thrown.FullyQualifiedErrorId)"
    }
    if ($Negate) { return @{ Ok = [bool]$thrown; Wanted = 'no exception to be thrown'; Actual = $got } }
    $filters = @(
        if ($Type) { "type [$($Type.FullName)]" }
        if ($Message) { "message like $(Format-ShimValue $Message)" }
        if ($Id) { "FullyQualifiedErrorId like $(Format-ShimValue $Id)" })
    $ok = $thrown -and (-not $Type -or $thrown.Exception -is $Type) -and
    (-not $Message -or $thrown.Exception.Message -like $Message) -and (-not $Id -or $thrown.FullyQualifiedErrorId -like $Id)
    $wanted = "an exception$(if ($filters) { ' with ' + ($filters -join ' and ') }) to be thrown"
    @{ Ok = [bool]$ok; Wanted = $wanted; Actual = $got; Error = $thrown }
}

function Test-ShimCollection($Value) {
    $Value -is [System.Collections.IEnumerable] -and $Value -isnot [string] -and $Value -isnot [System.Collections.IDictionary]
}

function Test-ShimNullOrEmpty($Value) {
    if ($null -eq $Value -or ($Value -is [string] -and $Value -eq '')) { return $true }
    if ($Value -is [System.Collections.IDictionary]) { return $Value.Count -eq 0 }
    (Test-ShimCollection $Value) -and @($Value).Count -eq 0
}

function Test-ShimEqual($Actual, $Expected, [switch] $CaseSensitive) {
    if ((Test-ShimCollection $Actual) -or (Test-ShimCollection $Expected)) {
        $a = @($Actual); $b = @($Expected)
        if ($a.Count -ne $b.Count) { return $false }
        for ($i = 0; $i -lt $a.Count; $i++) {
            if (-not (Test-ShimEqual $a[$i] $b[$i] -CaseSensitive:$CaseSensitive)) { return $false }
        }
        return $true
    }
    if ($null -eq $Actual -or $null -eq $Expected) { return $null -eq $Actual -and $null -eq $Expected }
    if ($CaseSensitive) { [bool]($Expected -ceq $Actual) } else { [bool]($Expected -eq $Actual) }
}

function Format-ShimValue($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [bool]) { return "`$$("$Value".ToLowerInvariant())" }
    if ($Value -is [type]) { return "[$($Value.FullName)]" }
    if (Test-ShimCollection $Value) {
        $items = @($Value)
        $shown = @($items.Where({ $true }, 'First', 10).ForEach({ Format-ShimValue $_ }))
        return "@($($shown -join ', ')$(if ($items.Count -gt 10) { ', ...' }))"
    }
    "$Value"
}

#endregion

Export-ModuleMember -Function Invoke-PesterShim, Describe, Context, It, BeforeAll, AfterAll, BeforeEach, AfterEach, BeforeDiscovery,
    Should, Set-ItResult
