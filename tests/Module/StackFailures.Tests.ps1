# Templates that fail against the local cloud: in Heat (a resource that fails, a flavor that does not exist, an
# unknown property) or here (a file that is missing), each with an error that says what and why.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $script:Prefix = New-OsoName 'oso-stf'
    $script:Templates = Join-Path $PSScriptRoot 'Templates'
}

AfterAll {
    if ($DefaultOSCloud) {
        Get-OSStack -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSStack -Confirm:$false -ErrorAction SilentlyContinue
    }
}

Describe 'Stack failures' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        Connect-OSCloud -Cloud los-demo -ErrorAction Stop | Out-Null
    }

    It 'a failed create names the failed resource and its reason, and leaves the stack to inspect' {
        $name = "$Prefix-fail"

        New-OSStack $name -TemplateFile (Join-Path $Templates 'failing.yaml') -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'StackFailed,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $message = $failures[0].ToString()
        $message | Should -BeLike "*Stack '$name'*"
        $message | Should -BeLike '*CREATE_FAILED*'
        $message | Should -BeLike '*broken (OS::Heat::TestResource) CREATE_FAILED: ValueError: resources.broken: Test Resource failed broken*'
        $message | Should -Not -BeLike '*fine (*'
        @($failures[0].Exception.FailedResources).Name | Should -Be @('broken')
        (Get-OSStack $name -ErrorAction Stop).Status | Should -Be 'CREATE_FAILED'
    }

    It 'a server with a flavor that does not exist is refused, and no stack is left' {
        $name = "$Prefix-flavor"

        New-OSStack $name -TemplateFile (Join-Path $Templates 'bad-flavor.yaml') -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'BadRequest,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand'
        $failures[0].ToString() | Should -BeLike '*resources.server.properties.flavor*'
        $failures[0].ToString() | Should -BeLike '*no-such-flavor*'
        Get-OSStack -Name "$name*" -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'Test-OSStackTemplate lists the parameters of a valid template and names the fault of an invalid one' {
        $parameters = @(Test-OSStackTemplate (Join-Path $Templates 'app.yaml') -EnvironmentFile (Join-Path $Templates 'env/app-env.yaml') -ErrorAction Stop)
        $parameters.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.StackTemplateParameter' })
        $parameters.Name | Sort-Object | Should -Be @('cidr', 'flavor', 'greeting', 'image', 'length')
        $length = $parameters.Where({ $_.Name -eq 'length' })[0]
        $length.Type | Should -Be 'Number'
        $length.Default | Should -Be 8
        $length.Default | Should -BeOfType [long]

        Test-OSStackTemplate (Join-Path $Templates 'invalid-property.yaml') -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'BadRequest,OpenStackOrchestrator.Cmdlets.Orchestration.TestOSStackTemplateCommand'
        $failures[0].ToString() | Should -BeLike '*Unknown Property lenght*'
    }

    It 'a missing local file is reported before anything is sent' {
        $run = Invoke-OsoRunspace -Variables @{ Name = "$Prefix-missing" } -Script {
            $DebugPreference = 'Continue'
            New-OSStack $Name -Template "heat_template_version: 2018-08-31`nresources:`n  web: {type: lib/nowhere.yaml}"
            Write-Debug 'after New-OSStack'
            Get-OSStack -Name "$Name*" | Out-Null   # a request that does trace, so that the silence above means something
        }

        $run.Output | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'InvalidTemplate,OpenStackOrchestrator.Cmdlets.Orchestration.NewOSStackCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $run.Errors[0].ToString() | Should -BeLike "*'lib/nowhere.yaml'*"
        $run.Errors[0].ToString() | Should -BeLike '*does not exist*'
        $marker = [array]::IndexOf($run.Debug, 'after New-OSStack')
        $marker | Should -BeGreaterOrEqual 0
        $run.Debug[0..$marker].Where({ $_ -like 'REQ: *' }) | Should -BeNullOrEmpty
        $run.Debug[$marker..($run.Debug.Count - 1)].Where({ $_ -like 'REQ: *' }) | Should -Not -BeNullOrEmpty
    }
}
