# Image sharing (Glance v2 members): a private image of demo shared with the admin project (made shared on the way),
# accepted or rejected there with Set-OSImageMember, a server booted by admin from demo's image, project names and
# ids, and removal.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    $PSStyle.OutputRendering = 'PlainText'
    $script:Prefix = New-OsoName 'oso-share'
    $script:Cmdlets = 'OpenStackOrchestrator.Cmdlets.Images.'
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Admin = Connect-OSCloud -Cloud los-admin -NotDefault -ErrorAction Stop
        $script:File = Join-Path ([IO.Path]::GetTempPath()) "$Prefix.img"
        [IO.File]::WriteAllBytes($File, [byte[]](0..255) * 16)
        $script:Image = New-OSImage "$Prefix-img" $File -Visibility private -Confirm:$false -ErrorAction Stop
    }
}

AfterAll {
    if (Get-OSCloud -ErrorAction SilentlyContinue) {
        Get-OSServer -Cloud $Admin -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSServer -Confirm:$false -ErrorAction SilentlyContinue
        Get-OSImage -Cloud $Demo -Name "$Prefix*" -ErrorAction SilentlyContinue | Remove-OSImage -Confirm:$false -ErrorAction SilentlyContinue
    }
    if ($File) { Remove-Item $File -ErrorAction SilentlyContinue }
}

Describe 'Image members' -Tag Cloud -Skip:([bool]$NoCloud) {
    It '-WhatIf resolves the project: an id always, a name the user cannot look up is a clear error' {
        $Image.Visibility | Should -Be 'private'
        Add-OSImageMember $Image -Project $Admin.ProjectId -WhatIf -ErrorAction Stop
        Add-OSImageMember $Image -Project admin -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be "ResourceNotFound,$($Cmdlets)AddOSImageMemberCommand"
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -Match "no project named 'admin'.*give the project's id"
        @(Get-OSImageMember $Image -ErrorAction Stop) | Should -BeNullOrEmpty -Because '-WhatIf adds no member'
        (Get-OSImage -Id $Image.Id -ErrorAction Stop).Visibility | Should -Be 'private' -Because '-WhatIf changes nothing'
    }

    It 'a project name resolves for an admin (Keystone lists projects)' {
        Add-OSImageMember $Image.Id -Project demo -Cloud $Admin -WhatIf -ErrorAction Stop
    }

    It 'Add- shares the private image with the admin project (pending), making it shared' {
        $member = Get-OSImage -Id $Image.Id -ErrorAction Stop | Add-OSImageMember -Project $Admin.ProjectId -Confirm:$false -ErrorAction Stop
        $member.PSObject.TypeNames[0] | Should -Be 'OpenStackOrchestrator.ImageMember'
        $member.MemberId | Should -Be $Admin.ProjectId
        $member.ImageId | Should -Be $Image.Id
        $member.Status | Should -Be 'pending'
        (Get-OSImage -Id $Image.Id -ErrorAction Stop).Visibility | Should -Be 'shared'

        $raw = Invoke-OSApiRequest -Service image -Path "/v2/images/$($Image.Id)/members" -ErrorAction Stop
        @($raw.members.member_id) | Should -Be @($Admin.ProjectId)
        @($raw.members.status) | Should -Be @('pending')
    }

    It 'the member project rejects it, then accepts it; the owner sees each answer' {
        (Set-OSImageMember -Image $Image.Id -Status Rejected -Cloud $Admin -Confirm:$false -ErrorAction Stop).Status | Should -Be 'rejected'
        (Get-OSImageMember $Image -Project $Admin.ProjectId -ErrorAction Stop).Status | Should -Be 'rejected'
        $accepted = Set-OSImageMember -Image $Image.Id -Status Accepted -Cloud $Admin -Confirm:$false -ErrorAction Stop
        $accepted.Status | Should -Be 'accepted'
        $accepted.MemberId | Should -Be $Admin.ProjectId -Because '-Project defaults to the connection''s own project'
        (Invoke-OSApiRequest -Service image -Path "/v2/images/$($Image.Id)/members/$($Admin.ProjectId)" -ErrorAction Stop).status | Should -Be 'accepted'
    }

    It 'the admin project boots a server from demo''s image' {
        $server = New-OSServer -Cloud $Admin -Name "$Prefix-vm" -Image $Image.Id -Flavor m1.tiny -Network none -Confirm:$false -ErrorAction Stop
        $server.Status | Should -Be 'ACTIVE'
        $raw = (Invoke-OSApiRequest -Cloud $Admin -Service compute -Path "/servers/$($server.Id)" -ErrorAction Stop).server
        $raw.image.id | Should -Be $Image.Id
        $raw.tenant_id | Should -Be $Admin.ProjectId
    }

    It 'only the member project can answer: the owner setting the admin project''s status is refused' {
        Set-OSImageMember -Image $Image -Project $Admin.ProjectId -Status Pending -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception | Should -BeOfType ([OpenStackOrchestrator.Client.Errors.OpenStackException])
        (Get-OSImageMember $Image -ErrorAction Stop).Status | Should -Be 'accepted'
    }

    It 'Remove- stops sharing' {
        Remove-OSImageMember $Image -Project $Admin.ProjectId -Confirm:$false -ErrorAction Stop
        @(Get-OSImageMember $Image -ErrorAction Stop) | Should -BeNullOrEmpty
        @((Invoke-OSApiRequest -Service image -Path "/v2/images/$($Image.Id)/members" -ErrorAction Stop).members) | Should -BeNullOrEmpty
        $attribute = (Get-Command Remove-OSImageMember).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}
