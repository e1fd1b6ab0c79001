# Hostile input (issue 16): every value the module refuses is an ErrorRecord with a stable id, a category and the
# parameter named in its message, the same on every cmdlet that has the parameter; never a crash, never an
# unhandled .NET exception (UnexpectedError), never a silently widened listing or a half-created resource.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    $NoProxy = $NoCloud
    if (-not $NoProxy -and -not (Get-Command mitmdump -ErrorAction SilentlyContinue) -and $env:OSO_REQUIRE_CLOUD -ne '1') {
        $NoProxy = 'mitmdump is not installed (tests/fault-proxy/up.sh installs it)'
    }
    Import-OsoModule

    # What a Get- cmdlet needs besides the parameter under test, to bind at all.
    $needs = @{
        'Get-OSObject'        = @{ Container = 'oso-none' }
        'Get-OSStackResource' = @{ Stack = 'oso-none' }
        'Get-OSDatabase'      = @{ Instance = 'oso-none' }
        'Get-OSDatabaseUser'  = @{ Instance = 'oso-none' }
        'Get-OSStat'          = @{ Entity = 'oso-none' }
        'Get-OSServerEvent'   = @{ VM = 'oso-none' }
    }
    $gets = @(Get-Command -Module OpenStackOrchestrator -Verb Get | Sort-Object Name)

    $WildcardCases = foreach ($command in $gets) {
        foreach ($parameter in $command.Parameters.Values) {
            if (-not ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })) { continue }
            foreach ($pattern in '[a-', '[', 'web[') {
                @{ Command = $command.Name; Parameter = $parameter.Name; Pattern = $pattern; Extra = $needs[$command.Name] ?? @{} }
            }
        }
    }

    $EmptyCases = foreach ($command in $gets) {
        foreach ($name in 'Name', 'Id') {
            $parameter = $command.Parameters[$name]
            if (-not $parameter -or $parameter.ParameterType -notin [string], [string[]]) { continue }
            $values = @('', $null) + @(if ($parameter.ParameterType -eq [string[]]) { , @() })
            foreach ($value in $values) {
                $extra = if ($name -eq 'Name') { $needs[$command.Name] ?? @{} } else { @{} }
                @{ Command = $command.Name; Parameter = $name; Value = $value; Shown = $(if ($null -eq $value) { '$null' } elseif ($value -is [array]) { '@()' } else { "''" }); Extra = $extra }
            }
        }
    }

    # The Get- cmdlets that take names from the pipeline: an empty piped name is refused as one given with -Name.
    # A string piped to Get-OSVolume or Get-OSSubnet names a server or a network: an empty one is no reference.
    $PipedReferenceCases = 'Get-OSVolume', 'Get-OSSubnet' | ForEach-Object { @{ Command = $_ } }
    $PipedEmptyCases = 'Get-OSNetwork', 'Get-OSServer', 'Get-OSImage', 'Get-OSRouter', 'Get-OSPort', 'Get-OSSecurityGroup', 'Get-OSFlavor', 'Get-OSKeyPair' |
        ForEach-Object { @{ Command = $_ } }

    # Minimal bindings of each cmdlet with a metadata-like hashtable (checked before anything is resolved or sent).
    $file = [System.IO.Path]::GetTempFileName()
    $MetadataCommands = @(
        @{ Command = 'New-OSVolume'; Parameter = 'Metadata'; Bind = @{ SizeGB = 1 }; Creates = 'volume' }
        @{ Command = 'New-OSServer'; Parameter = 'Metadata'; Bind = @{ Image = 'oso-none' }; Creates = 'server' }
        @{ Command = 'New-OSContainer'; Parameter = 'Metadata'; Bind = @{}; Creates = 'container' }
        @{ Command = 'New-OSImage'; Parameter = 'Property'; Bind = @{ Path = $file }; Creates = 'image' }
        @{ Command = 'New-OSAggregate'; Parameter = 'Metadata'; Bind = @{}; Creates = 'aggregate' }
        @{ Command = 'New-OSVolumeSnapshot'; Parameter = 'Metadata'; Bind = @{ Volume = 'oso-none' } }
        @{ Command = 'Set-OSServer'; Parameter = 'Metadata'; Bind = @{ VM = 'oso-none' } }
        @{ Command = 'Set-OSVolume'; Parameter = 'Metadata'; Bind = @{ Volume = 'oso-none' } }
        @{ Command = 'Set-OSImage'; Parameter = 'Property'; Bind = @{ Image = 'oso-none' } }
        @{ Command = 'Set-OSFlavor'; Parameter = 'Property'; Bind = @{ Flavor = 'oso-none' } }
        @{ Command = 'Set-OSAggregate'; Parameter = 'Metadata'; Bind = @{ Aggregate = 'oso-none' } }
        @{ Command = 'Set-OSContainer'; Parameter = 'Metadata'; Bind = @{ Container = 'oso-none' } }
        @{ Command = 'Set-OSObject'; Parameter = 'Metadata'; Bind = @{ Container = 'oso-none'; Name = 'x' } }
        @{ Command = 'Copy-OSObject'; Parameter = 'Metadata'; Bind = @{ Container = 'oso-none'; Name = 'x'; DestinationName = 'y' } }
        @{ Command = 'Send-OSObject'; Parameter = 'Metadata'; Bind = @{ Container = 'oso-none'; Path = $file } }
    )
    $MetadataCases = foreach ($case in $MetadataCommands) {
        foreach ($kind in 'hashtable', 'list', 'object') {
            $case + @{ Kind = $kind }
        }
    }
    $CreatingCases = $MetadataCommands | Where-Object { $_.Creates -and $_.Creates -ne 'aggregate' }

    $swift = @(
        @{ Command = 'Set-OSContainer'; Bind = @{ Container = 'oso-none' } }
        @{ Command = 'New-OSContainer'; Bind = @{ Name = 'oso-none' } }
        @{ Command = 'Set-OSObject'; Bind = @{ Container = 'oso-none'; Name = 'x' } }
        @{ Command = 'Copy-OSObject'; Bind = @{ Container = 'oso-none'; Name = 'x'; DestinationName = 'y' } }
        @{ Command = 'Send-OSObject'; Bind = @{ Container = 'oso-none'; Path = $file } }
    )
    $HeaderCases = @(
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderValue'; Value = @{ 'X-Oso-Test' = "a`r`nX-Injected: 1" }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderValue'; Value = @{ 'X-Oso-Test' = "a`nb" }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderValue'; Value = @{ 'X-Oso-Test' = "a$([char]0)b" }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderName'; Value = @{ "X-Oso`r`nX-Injected" = 'a' }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderName'; Value = @{ 'X Oso' = 'a' }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderName'; Value = @{ 'X-Oso:' = 'a' }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Invoke-OSApiRequest'; Parameter = 'Headers'; Id = 'InvalidHeaderName'; Value = @{ '' = 'a' }; Bind = @{ Service = 'compute'; Path = '/servers' } }
        @{ Command = 'Send-OSObject'; Parameter = 'ContentType'; Id = 'InvalidHeaderValue'; Value = "text/plain`r`nX-Injected: 1"; Bind = @{ Container = 'oso-none'; Path = $file } }
        @{ Command = 'Set-OSObject'; Parameter = 'ContentType'; Id = 'InvalidHeaderValue'; Value = "text/plain`nX-Injected: 1"; Bind = @{ Container = 'oso-none'; Name = 'x' } }
        @{ Command = 'Set-OSContainer'; Parameter = 'RemoveMetadata'; Id = 'InvalidHeaderValue'; Value = @("a`r`nb"); Bind = @{ Container = 'oso-none' } }
        @{ Command = 'Set-OSObject'; Parameter = 'RemoveMetadata'; Id = 'InvalidHeaderValue'; Value = @("a`r`nb"); Bind = @{ Container = 'oso-none'; Name = 'x' } }
    ) + @(foreach ($case in $swift) {
        @{ Command = $case.Command; Parameter = 'Metadata'; Id = 'InvalidHeaderValue'; Value = @{ owner = "ops`r`nX-Injected: 1" }; Bind = $case.Bind }
        @{ Command = $case.Command; Parameter = 'Metadata'; Id = 'InvalidHeaderName'; Value = @{ 'two words' = 'a' }; Bind = $case.Bind }
    })

    $CycleCases = @(
        @{ Case = 'hashtable'; Parameter = 'Body'; Id = 'CyclicValue'; Where = 'self' }
        @{ Case = 'object'; Parameter = 'Body'; Id = 'CyclicValue'; Where = 'self' }
        @{ Case = 'list'; Parameter = 'Body'; Id = 'CyclicValue'; Where = '[0]' }
        @{ Case = 'deep'; Parameter = 'Body'; Id = 'ValueNestedTooDeeply'; Where = '64 levels' }
        @{ Case = 'stack'; Parameter = 'Parameter'; Id = 'CyclicValue'; Where = 'p.self' }
        @{ Case = 'alarm'; Parameter = 'Query'; Id = 'CyclicValue'; Where = 'self' }
    )

    $CertificateCases = @(
        @{ Case = 'missing file'; Source = 'parameter'; Problem = 'file not found' }
        @{ Case = 'not a certificate'; Source = 'parameter'; Problem = 'not a PEM or DER certificate' }
        @{ Case = 'a folder'; Source = 'parameter'; Problem = 'is a folder' }
        @{ Case = 'missing file'; Source = 'clouds.yaml'; Problem = 'file not found' }
        @{ Case = 'not a certificate'; Source = 'clouds.yaml'; Problem = 'not a PEM or DER certificate' }
    )

    $ExceptionTypes = [OpenStackOrchestrator.Client.Errors.OpenStackException].Assembly.GetTypes() |
        Where-Object { $_.IsSubclassOf([OpenStackOrchestrator.Client.Errors.OpenStackException]) -and -not $_.IsAbstract } |
        Sort-Object Name | ForEach-Object { @{ Type = $_.FullName } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud

    # Runs a cmdlet and returns what came out: its output, the (first) error and every error, terminating or not.
    function Invoke-Hostile([string] $Command, [hashtable] $Parameters, $Pipeline) {
        $caught = $null
        $ev = $null
        $output = @()
        $Parameters = $Parameters.Clone()
        if ((Get-Command $Command).Parameters.ContainsKey('Confirm')) { $Parameters['Confirm'] = $false }
        try {
            if ($PSBoundParameters.ContainsKey('Pipeline')) {
                $output = @($Pipeline | & $Command @Parameters -ErrorVariable ev -ErrorAction SilentlyContinue)
            } else {
                $output = @(& $Command @Parameters -ErrorVariable ev -ErrorAction SilentlyContinue)
            }
        } catch {
            $caught = $_
        }
        $all = @(@($caught) + @($ev) | Where-Object { $_ })
        [pscustomobject]@{ Output = $output; Error = $all | Select-Object -First 1; All = $all }
    }

    function Assert-InputError($Result, [string] $Id, [string] $Category = 'InvalidArgument', [string] $Parameter) {
        $Result.Error | Should -Not -BeNullOrEmpty -Because 'hostile input is an error'
        $Result.Error.FullyQualifiedErrorId | Should -BeLike "$Id*"
        "$($Result.Error.CategoryInfo.Category)" | Should -Be $Category
        $Result.Error.Exception.Message | Should -Match ("(-|')" + [regex]::Escape($Parameter) + "\b")
        @($Result.All | Where-Object { $_.FullyQualifiedErrorId -like 'UnexpectedError*' }) | Should -BeNullOrEmpty
        $Result.Output | Should -BeNullOrEmpty -Because 'nothing is listed or created'
    }

    function New-Hostile([string] $Kind) {
        switch ($Kind) {
            'hashtable' { @{ n = 1 } }
            'list' { , @(1, 2) }
            'object' { [pscustomobject]@{ a = 1 } }
        }
    }

    if ($NoCloud) { return }
    $script:cloud = Connect-OSCloud los-demo
    $script:runName = New-OsoName 'oso-input'
}

AfterAll {
    if ($script:cleanup) { foreach ($step in $script:cleanup) { try { & $step } catch { Write-Warning "Cleanup: $_" } } }
    Use-OsoLocalCloud
}

Describe 'Invalid wildcard patterns' -Tag Cloud {
    It '<Command> -<Parameter> ''<Pattern>'' is an InvalidWildcardPattern error naming the parameter and the pattern' -ForEach $WildcardCases -Skip:([bool]$NoCloud) {
        $parameters = $Extra.Clone()
        $parameters[$Parameter] = $Pattern
        $result = Invoke-Hostile $Command $parameters
        Assert-InputError $result -Id 'InvalidWildcardPattern' -Parameter $Parameter
        $result.Error.Exception.Message | Should -BeLike "*'$([WildcardPattern]::Escape($Pattern))'*"
        $result.Error.TargetObject | Should -Be $Pattern
    }
}

Describe 'Names with brackets' -Tag Cloud {
    BeforeAll {
        if ($NoCloud) { return }
        $script:bracketed = "$runName-net[1]"
        $script:network = New-OSNetwork -Name $bracketed
        $script:cleanup += @({ $network | Remove-OSNetwork -Confirm:$false })
        $script:container = "$runName-box[1]"
        $null = New-OSContainer -Name $container
        $script:cleanup += @({ Remove-OSContainer -Container $container -Confirm:$false })
    }

    It 'a name escaped with backticks finds the network of that literal name' -Skip:([bool]$NoCloud) {
        $found = @(Get-OSNetwork -Name ($bracketed -replace '([\[\]])', '`$1'))
        $found.Id | Should -Be $network.Id
    }

    It 'an escaped name with a wildcard finds it too' -Skip:([bool]$NoCloud) {
        $found = @(Get-OSNetwork -Name (($bracketed -replace '([\[\]])', '`$1') -replace '\d`\]$', '*'))
        $found.Id | Should -Be $network.Id
    }

    It 'unescaped, [1] is a character class: the literal name is not matched and nothing is reported as missing' -Skip:([bool]$NoCloud) {
        $result = Invoke-Hostile 'Get-OSNetwork' @{ Name = $bracketed }
        $result.Output.Id | Should -Not -Contain $network.Id
        $result.All | Should -BeNullOrEmpty
    }

    It 'a container of a bracketed name is found by its escaped name' -Skip:([bool]$NoCloud) {
        (Get-OSContainer -Name ($container -replace '([\[\]])', '`$1')).Name | Should -Be $container
    }

    It 'a missing escaped name is reported by its literal name' -Skip:([bool]$NoCloud) {
        $result = Invoke-Hostile 'Get-OSNetwork' @{ Name = "$runName-none``[2``]" }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'NameNotFound*'
        $result.Error.Exception.Message | Should -BeLike "*'$runName-none``[2``]'*"
    }
}

Describe 'Empty names and ids' -Tag Cloud {
    It '<Command> -<Parameter> <Shown> is refused, not a listing of everything' -ForEach $EmptyCases -Skip:([bool]$NoCloud) {
        $parameters = $Extra.Clone()
        $parameters[$Parameter] = $Value
        $result = Invoke-Hostile $Command $parameters
        Assert-InputError $result -Id 'ParameterArgumentValidationError' -Category 'InvalidData' -Parameter $Parameter
    }

    It 'an empty name piped to <Command> is an EmptyName error, not a listing of everything' -ForEach $PipedEmptyCases -Skip:([bool]$NoCloud) {
        $result = Invoke-Hostile $Command @{} -Pipeline ''
        Assert-InputError $result -Id 'EmptyName' -Parameter 'Name'
    }
}

Describe 'Empty references' -Tag Cloud {
    It 'an empty name piped to <Command> is no reference: an error, not a listing of everything' -ForEach $PipedReferenceCases -Skip:([bool]$NoCloud) {
        $result = Invoke-Hostile $Command @{} -Pipeline ''
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        "$($result.Error.CategoryInfo.Category)" | Should -Be 'InvalidData'
        $result.Error.Exception.Message | Should -BeLike '*empty name*'
        $result.Output | Should -BeNullOrEmpty
    }

    It 'an empty reference given to <_> names the parameter' -ForEach 'Get-OSPort', 'Get-OSSubnet' -Skip:([bool]$NoCloud) {
        $result = Invoke-Hostile $_ @{ Network = '' }
        Assert-InputError $result -Id 'ParameterArgumentTransformationError' -Category 'InvalidData' -Parameter 'Network'
    }
}

Describe 'Metadata values' -Tag Cloud {
    It '<Command> -<Parameter> with a <Kind> as a value is an InvalidMetadataValue error naming the key' -ForEach $MetadataCases -Skip:([bool]$NoCloud) {
        $parameters = $Bind.Clone()
        if ($Creates) { $parameters['Name'] = "$runName-$Creates" }
        $parameters[$Parameter] = @{ fine = 'text'; nested = (New-Hostile $Kind) }
        $result = Invoke-Hostile $Command $parameters
        Assert-InputError $result -Id 'InvalidMetadataValue' -Parameter $Parameter
        $result.Error.Exception.Message | Should -BeLike "*'nested'*"
        $result.Error.TargetObject | Should -Be 'nested'
    }

    It 'after the refused <Command>, no <Creates> was created' -ForEach $CreatingCases -Skip:([bool]$NoCloud) {
        $name = "$runName-$Creates"
        $listing = switch ($Creates) {
            'volume' { Get-OSVolume }
            'server' { Get-OSServer }
            'container' { Get-OSContainer }
            'image' { Get-OSImage }
        }
        @($listing | Where-Object Name -EQ $name) | Should -BeNullOrEmpty
    }

    It 'numbers and booleans are stored in the invariant culture, whatever the current one' -Skip:([bool]$NoCloud) {
        $name = "$runName-invariant"
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $volume = New-OSVolume -Name $name -SizeGB 1 -Metadata @{ ratio = 1.5; on = $true; count = 7 }
        } finally { [cultureinfo]::CurrentCulture = $saved }
        $script:cleanup += @({ Remove-OSVolume -Volume $name -Confirm:$false -ErrorAction SilentlyContinue })
        $read = Get-OSVolume -Id $volume.Id
        $read.Metadata.ratio | Should -Be '1.5'
        $read.Metadata.on | Should -Be 'true'
        $read.Metadata.count | Should -Be '7'
    }
}

Describe 'Header names and values' -Tag Cloud {
    It '<Command> -<Parameter> with a line break or a bad name is <Id>, before any request' -ForEach $HeaderCases -Skip:([bool]$NoCloud) {
        $parameters = $Bind.Clone()
        $parameters[$Parameter] = $Value
        $result = Invoke-Hostile $Command $parameters
        Assert-InputError $result -Id $Id -Parameter $Parameter
    }
}

Describe 'Values that contain themselves' -Tag Cloud {
    BeforeAll {
        if ($NoCloud) { return }
        # In a child pwsh: before the fix, the stack overflow killed the whole process (exit 134).
        $script:child = Invoke-OsoPwsh -Script @'
$null = Connect-OSCloud los-demo
function Report($case, [scriptblock] $run) {
    $e = $null
    $Error.Clear()
    try { & $run 2>$null | Out-Null } catch { $e = $_ }
    if (-not $e) { $e = $Error | Select-Object -First 1 }
    [pscustomobject]@{ Case = $case; Id = $e.FullyQualifiedErrorId; Category = "$($e.CategoryInfo.Category)"; Message = $e.Exception.Message } | ConvertTo-Json -Compress
}
$h = @{ a = 1 }; $h.self = $h
$o = [pscustomobject]@{ a = 1 }; $o | Add-Member self $o
$l = [System.Collections.ArrayList]::new(); $null = $l.Add($l)
$deep = 'leaf'; foreach ($i in 1..100) { $deep = @{ k = $deep } }
Report hashtable { Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $h -Confirm:$false }
Report object { Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $o -Confirm:$false }
Report list { Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $l -Confirm:$false }
Report deep { Invoke-OSApiRequest -Service compute -Path /servers -Method POST -Body $deep -Confirm:$false }
Report stack { New-OSStack -Name oso-input-cycle -Template 'heat_template_version: 2018-08-31' -Parameter @{ p = $h } -Confirm:$false }
Report alarm { New-OSAlarm -Name oso-input-cycle -Query $h -Metric cpu -Threshold 1 }
'done'
'@
        $script:reports = @{}
        foreach ($line in $child.Output | Where-Object { $_.StartsWith('{') }) {
            $report = $line | ConvertFrom-Json
            $reports[$report.Case] = $report
        }
    }

    It 'the process survives every case (exit code 0)' -Skip:([bool]$NoCloud) {
        $child.ExitCode | Should -Be 0 -Because $child.Errors
        $child.Output | Should -Contain 'done'
    }

    It 'a <Case> that contains itself in -<Parameter> is <Id>, and says where (<Where>)' -ForEach $CycleCases -Skip:([bool]$NoCloud) {
        $report = $reports[$Case]
        $report | Should -Not -BeNullOrEmpty
        $report.Id | Should -BeLike "$Id*"
        $report.Category | Should -Be 'InvalidArgument'
        $report.Message | Should -BeLike "-$Parameter*"
        $report.Message | Should -BeLike "*$Where*"
    }

    It 'no stack was created from the refused parameters' -Skip:([bool]$NoCloud) {
        @(Get-OSStack -Name 'oso-input-cycle' -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'a value shared by two branches is no cycle' -Skip:([bool]$NoCloud) {
        $shared = @{ n = 1 }
        $json = [OpenStackOrchestrator.Infrastructure.PSObjects]::ToJson(@{ a = $shared; b = @($shared, $shared) }, 'Body') | ConvertFrom-Json
        $json.a.n | Should -Be 1
        $json.b[1].n | Should -Be 1
    }

    It 'nesting is allowed up to <_> levels and refused beyond' -ForEach @(64) -Skip:([bool]$NoCloud) {
        $value = 'leaf'; foreach ($i in 1..$_) { $value = @{ k = $value } }
        { [OpenStackOrchestrator.Infrastructure.PSObjects]::ToJson($value, 'Body') } | Should -Not -Throw
        $value = @{ k = $value }
        $err = { [OpenStackOrchestrator.Infrastructure.PSObjects]::ToJson($value, 'Body') } | Should -Throw -PassThru
        $err.Exception.InnerException.ErrorId | Should -Be 'ValueNestedTooDeeply'
    }
}

Describe 'CA certificate files' -Tag Cloud {
    BeforeAll {
        if ($NoCloud) { return }
        $script:certDir = Join-Path ([System.IO.Path]::GetTempPath()) (New-OsoName 'oso-cacert')
        $null = New-Item -ItemType Directory -Path $certDir
        $script:notPem = Join-Path $certDir 'not-a-cert.pem'
        Set-Content -Path $notPem -Value 'this is not a certificate'
        $script:missing = Join-Path $certDir 'missing.pem'
        $script:cleanup += @({ Remove-Item $certDir -Recurse -Force })
    }

    It '<Case> as a CA certificate (<Source>) is InvalidCACertificate naming the path and the problem' -ForEach $CertificateCases -Skip:([bool]$NoCloud) {
        $path = switch ($Case) { 'missing file' { $missing } 'not a certificate' { $notPem } 'a folder' { $certDir } }
        $before = @(Get-OSCloud).Count
        if ($Source -eq 'parameter') {
            $result = Invoke-Hostile 'Connect-OSCloud' @{ Cloud = 'los-demo'; CACertificatePath = $path }
            $result.Error.Exception.Message | Should -BeLike '-CACertificatePath:*'
        } else {
            $yaml = (Get-Content (Get-OsoCloudsYaml) -Raw) -replace '(?m)^(\s+)(region_name:.*)$', "`$1`$2`n`$1cacert: $path"
            $file = Join-Path $certDir 'clouds.yaml'
            Set-Content -Path $file -Value $yaml
            $env:OS_CLIENT_CONFIG_FILE = $file
            try { $result = Invoke-Hostile 'Connect-OSCloud' @{ Cloud = 'los-demo' } }
            finally { $env:OS_CLIENT_CONFIG_FILE = Get-OsoCloudsYaml }
            $result.Error.Exception.Message | Should -BeLike "Cloud 'los-demo' in $file`: cacert:*"
        }
        Assert-InputError $result -Id 'InvalidCACertificate' -Parameter $(if ($Source -eq 'parameter') { 'CACertificatePath' } else { 'los-demo' })
        $result.Error.Exception.Message | Should -BeLike "*'$path'*$Problem*"
        $result.Error.TargetObject | Should -Be $path
        @(Get-OSCloud).Count | Should -Be $before -Because 'no connection is opened'
    }
}

Describe 'Service errors' -Tag Cloud {
    BeforeAll {
        if ($NoProxy) { return }
        Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
        $script:proxy = Start-OsoFaultProxy -Services nova
        $script:cleanup += @({ Stop-OsoFaultProxy $proxy })
        $script:faulty = Connect-OSCloud los-demo-faulty -NotDefault
        $script:internal = '{"service": "nova", "method": "GET", "path": "/servers", "status": 500, "first_n": 1, "body": {"computeFault": {"code": 500, "message": "Injected internal error for oso"}}}'
    }
    AfterAll {
        if ($proxy) { $env:OS_CLIENT_CONFIG_FILE = Get-OsoCloudsYaml }
    }

    It 'an HTTP 500 of <_> is a ServiceError with the cloud''s message, sent once' -ForEach 'Get-OSServer', 'Invoke-OSApiRequest' -Skip:([bool]$NoProxy) {
        Set-OsoFaultRules $proxy "[$internal]"
        $parameters = if ($_ -eq 'Invoke-OSApiRequest') { @{ Service = 'compute'; Path = '/servers'; Cloud = $faulty } } else { @{ Cloud = $faulty } }
        $result = Invoke-Hostile $_ $parameters
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'ServiceError*'
        "$($result.Error.CategoryInfo.Category)" | Should -Be 'InvalidResult'
        $result.Error.Exception.Message | Should -BeLike '*HTTP 500*Injected internal error for oso*'
        $result.Error.Exception.GetType().Name | Should -Be 'ServiceErrorException'
        (Get-OsoFaultStats $proxy).rules[0].injected | Should -Be 1 -Because 'a 500 is not retried'
    }

    It 'a 503 that lasts is still ServiceUnavailable' -Skip:([bool]$NoProxy) {
        Set-OsoFaultRules $proxy '[{"service": "nova", "method": "GET", "path": "/servers", "status": 503}]'
        $result = Invoke-Hostile 'Get-OSServer' @{ Cloud = $faulty }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'ServiceUnavailable*'
        "$($result.Error.CategoryInfo.Category)" | Should -Be 'ResourceUnavailable'
        Set-OsoFaultRules $proxy '[]'
    }
}

Describe 'Error ids and categories' {
    It '<Type> maps to a category other than NotSpecified' -ForEach $ExceptionTypes {
        $exception = [System.Runtime.CompilerServices.RuntimeHelpers]::GetUninitializedObject([type]$Type)
        "$([OpenStackOrchestrator.Infrastructure.ErrorRecords]::CategoryOf($exception))" | Should -Not -Be 'NotSpecified'
        $exception.ErrorId | Should -Not -BeIn @('', 'OpenStackRequestFailed', 'UnexpectedError')
    }
}
