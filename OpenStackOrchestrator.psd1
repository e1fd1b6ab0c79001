@{
    RootModule           = 'OpenStackOrchestrator.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f6c2d8e-5a1b-4c7e-9f2d-8b4a6e1c0d57'
    Author               = 'OpenStackOrchestrator contributors'
    CompanyName          = 'OpenStackOrchestrator'
    Copyright            = '(c) OpenStackOrchestrator contributors. Apache License 2.0.'
    Description          = 'Drive OpenStack clouds (Keystone, Nova, Glance, Cinder, Neutron, Swift, Heat) the way PowerCLI drives vSphere: Connect-OSCloud, Get-/New-/Set-/Remove- cmdlets, -Cloud, -WhatIf, rich pipeline objects.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('OpenStackOrchestrator.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-OSCloud'
        'Disconnect-OSCloud'
        'Get-OSCloud'
        'Get-OSFlavor'
        'Get-OSImage'
        'New-OSImage'
        'Save-OSImage'
        'Set-OSImage'
        'Remove-OSImage'
        'Get-OSServer'
        'Invoke-OSApiRequest'
        'New-OSServer'
        'Remove-OSServer'
        'Start-OSServer'
        'Stop-OSServer'
        'Restart-OSServer'
        'Suspend-OSServer'
        'Set-OSServer'
        'Reset-OSServer'
        'Get-OSServerConsoleLog'
        'Get-OSKeyPair'
        'New-OSKeyPair'
        'Remove-OSKeyPair'
        'New-OSFlavor'
        'Remove-OSFlavor'
        'Get-OSAvailabilityZone'
        'Get-OSQuota'
        'Get-OSTask'
        'Wait-OSTask'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Cloud', 'Nova', 'Glance', 'Keystone', 'Neutron', 'Cinder', 'Swift', 'Heat', 'PowerCLI', 'PSEdition_Desktop', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/openstackorchestrator/OpenStackOrchestrator'
            ReleaseNotes = 'Connections (clouds.yaml, OS_* variables, parameters), servers with their whole lifecycle and -RunAsync tasks, flavors, key pairs, availability zones, quotas, images (upload, download, snapshot), help, completion and views.'
        }
    }
}
