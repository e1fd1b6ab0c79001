# The parameter names a PowerCLI script types, as a vSphere admin writes them: -Server names the connection on every
# cmdlet, -VM the server, -Template the image of a new server.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    Import-OsoModule
    $Commands = @(Get-Command -Module OpenStackOrchestrator)
    $WithCloud = @($Commands | Where-Object { $_.Parameters.ContainsKey('Cloud') } | ForEach-Object { @{ Name = $_.Name } })
    # A parameter that takes servers: its completer completes server names.
    $ServerParameters = @(foreach ($command in $Commands) {
            foreach ($parameter in $command.Parameters.Values) {
                $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                if ($completer.Type.Name -eq 'ServerNameCompleter') {
                    @{ Command = $command.Name; Parameter = $parameter.Name }
                }
            }
        })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
}

Describe 'PowerCLI parameter names' {
    It '<Name> takes -Server for -Cloud, as PowerCLI cmdlets take it for the vCenter connection' -ForEach $WithCloud {
        (Get-Command $Name).Parameters['Cloud'].Aliases | Should -Contain 'Server'
    }

    It '<Command> -<Parameter> takes servers under the name -VM' -ForEach $ServerParameters {
        $Parameter | Should -Be 'VM' -Because '-Server names the connection, as in PowerCLI'
    }

    It 'finds server parameters to check' -ForEach @{ Found = $ServerParameters.Count } {
        $Found | Should -BeGreaterThan 10
    }

    It 'New-OSServer takes the image as -Template, as New-VM does' {
        (Get-Command New-OSServer).Parameters['Image'].Aliases | Should -Contain 'Template'
    }
}

Describe 'A PowerCLI-style script against the local cloud' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'connects with Connect-OSCloud -Server and reads with -Server, -VM and -Template' {
        $connection = Connect-OSCloud -Server los-demo -NotDefault -ErrorAction Stop
        $connection.Name | Should -Be 'los-demo'

        $flavors = @(Get-OSFlavor -Server $connection -ErrorAction Stop)
        $flavors | Should -Not -BeNullOrEmpty
        $flavors.Cloud.Name | Select-Object -Unique | Should -Be 'los-demo'

        $missing = 'oso-habit-' + [guid]::NewGuid().ToString('n').Substring(0, 8)
        Get-OSPort -VM $missing -Server $connection -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -Match $missing

        New-OSServer $missing -Template los-fake-image -Flavor m1.tiny -Network none -Server $connection -WhatIf -ErrorAction Stop
        @(Get-OSServer $missing -Server $connection -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty -Because '-WhatIf creates nothing'
    }
}
