# examples/onboard-project.ps1 as a scheduled admin script runs it: the first run onboards a project (project, group
# with the member role, the user in it, quotas, network, subnet, router to public), a second run changes nothing, and
# the project's new user connects to it and boots a server on its network. -WhatIf creates nothing.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-onb'
    $script:ProjectName = "$Prefix-proj"
    $script:Script = Join-Path (Get-OsoRepoRoot) 'examples/onboard-project.ps1'
    $script:Password = ConvertTo-SecureString "Pw-$(New-Guid)" -AsPlainText -Force
    $script:Onboard = @{ Cloud = 'los-admin'; Project = $ProjectName; Member = "$Prefix-alice"; Quota = @{ Instances = 3; Cores = 4 }; Cidr = '10.91.0.0/24' }
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:User = New-OSUser -Cloud $Admin -Name "$Prefix-alice" -Password $Password -Confirm:$false -ErrorAction Stop
        $script:First = & $Script @Onboard -Confirm:$false
    }
}

AfterAll {
    if ($Admin) {
        if ($UserCloud) { Get-OSServer -Cloud $UserCloud -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue }
        $project = Get-OSProject -Cloud $Admin -Name $ProjectName -ErrorAction SilentlyContinue
        if ($project) {
            $router = Get-OSRouter -Cloud $Admin -Name "$ProjectName-router" -ErrorAction SilentlyContinue
            $subnet = Get-OSSubnet -Cloud $Admin -Name "$ProjectName-subnet" -ErrorAction SilentlyContinue
            if ($router -and $subnet) { Remove-OSRouterInterface -Cloud $Admin -Router $router -Subnet $subnet -Confirm:$false -ErrorAction SilentlyContinue }
            $router | Remove-OSRouter -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue
            Get-OSNetwork -Cloud $Admin -Name "$ProjectName-net" -ErrorAction SilentlyContinue | Remove-OSNetwork -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue
        }
        Get-OSGroup -Cloud $Admin -Name "$ProjectName-members" -ErrorAction SilentlyContinue | Remove-OSGroup -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue
        if ($User) { $User | Remove-OSUser -Cloud $Admin -Confirm:$false -ErrorAction SilentlyContinue }
        if ($project) { Remove-OsoProject -AdminCloud $Admin -Project ([pscustomobject]@{ Id = $project.Id; Cloud = $Admin }) }
    }
}

Describe 'Onboarding a project with examples/onboard-project.ps1' -Skip:([bool]$NoCloud) {
    It 'the first run makes the tagged project, its group with the member role, and the user in the group' {
        $First.Name | Should -Be $ProjectName
        $First.Tags | Should -Contain 'onboarded'
        $group = Get-OSGroup -Cloud $Admin -Name "$ProjectName-members" -ErrorAction Stop
        (Get-OSGroupMember -Cloud $Admin -Group $group -ErrorAction Stop).Name | Should -Be "$Prefix-alice"
        $assigned = Get-OSRoleAssignment -Cloud $Admin -Group $group.Id -Project $First.Id -ErrorAction Stop
        $assigned.Role | Should -Contain 'member'
    }

    It 'sets the quotas, and the network, subnet and router belong to the project, the router joined to the subnet' {
        $rows = Get-OSQuota -Cloud $Admin -ProjectId $First.Id -ErrorAction Stop
        ($rows | Where-Object { $_.Service -eq 'compute' -and $_.Resource -eq 'instances' }).Limit | Should -Be 3
        ($rows | Where-Object { $_.Service -eq 'compute' -and $_.Resource -eq 'cores' }).Limit | Should -Be 4
        $network = Get-OSNetwork -Cloud $Admin -Name "$ProjectName-net" -ErrorAction Stop
        $router = Get-OSRouter -Cloud $Admin -Name "$ProjectName-router" -ErrorAction Stop
        (Get-OSSubnet -Cloud $Admin -Name "$ProjectName-subnet" -ErrorAction Stop).ProjectId | Should -Be $First.Id
        $network.ProjectId | Should -Be $First.Id
        $router.ProjectId | Should -Be $First.Id
        Get-OSPort -Cloud $Admin -Network $network -ErrorAction Stop | Where-Object DeviceId -eq $router.Id | Should -HaveCount 1
    }

    It 'a second run creates nothing and changes nothing' {
        $before = @(
            (Get-OSNetwork -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSSubnet -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSRouter -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSGroup -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
        )
        $second = & $Script @Onboard -Confirm:$false
        $second.Id | Should -Be $First.Id
        $after = @(
            (Get-OSNetwork -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSSubnet -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSRouter -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
            (Get-OSGroup -Cloud $Admin -Name "$ProjectName-*" -ErrorAction Stop).Id
        )
        $after | Should -Be $before
        $after | Should -HaveCount 4
        $network = Get-OSNetwork -Cloud $Admin -Name "$ProjectName-net" -ErrorAction Stop
        Get-OSPort -Cloud $Admin -Network $network -ErrorAction Stop | Where-Object DeviceId -eq (Get-OSRouter -Cloud $Admin -Name "$ProjectName-router").Id | Should -HaveCount 1
    }

    It 'the new user connects to the project and boots a server on its network' {
        $credential = [pscredential]::new("$Prefix-alice", $Password)
        $script:UserCloud = Connect-OSCloud -AuthUrl $Admin.AuthUrl -Credential $credential -ProjectName $ProjectName -NotDefault -ErrorAction Stop
        $UserCloud.ProjectId | Should -Be $First.Id
        (Get-OSNetwork -Cloud $UserCloud -Name "$ProjectName-net" -ErrorAction Stop).ProjectId | Should -Be $First.Id
        $server = New-OSServer -Cloud $UserCloud -Name "$Prefix-vm" -Image los-fake-image -Flavor m1.tiny -Network "$ProjectName-net" -Confirm:$false -ErrorAction Stop
        $server.Status | Should -Be 'ACTIVE'
        $server.IPAddress | Should -Match '^10\.91\.0\.'
    }

    It '-WhatIf onboards nothing: the project it names is not created' {
        $other = "$Prefix-other"
        $null = & $Script -Cloud los-admin -Project $other -WhatIf
        Get-OSProject -Cloud $Admin -Name $other -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
