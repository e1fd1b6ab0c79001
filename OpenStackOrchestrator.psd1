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
    # The declared table views first: PowerShell shows a type by default with the first view it loaded for it.
    FormatsToProcess     = @('OpenStackOrchestrator.Resources.format.ps1xml', 'OpenStackOrchestrator.format.ps1xml')
    # Written by the build (tools/ModuleFiles): every [Cmdlet] class of the module.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenStack', 'Cloud', 'Nova', 'Glance', 'Keystone', 'Neutron', 'Cinder', 'Swift', 'Heat', 'PowerCLI', 'PSEdition_Desktop', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/openstackorchestrator/OpenStackOrchestrator'
            ReleaseNotes = 'Connections (clouds.yaml, OS_* variables, parameters); servers with their whole lifecycle and -RunAsync tasks; flavors, key pairs, zones, quotas; images (upload, download, snapshot); volumes, snapshots and attachments; networks, subnets, ports, routers, security groups, floating IPs and server NICs; Heat stacks; Swift containers and objects; help, completion and views.'
        }
    }
}
