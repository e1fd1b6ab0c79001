# A segmented upload stopped halfway (PowerShell.Stop(); Ctrl+C to a pwsh script, which then exits) leaves none of
# its segments in <container>_segments and no manifest. The uploads go through this file's own fault proxy (rules below).

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-Module "$PSScriptRoot/TestSupport/OsoFaultProxy.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Proxy = Start-OsoFaultProxy -Services keystone, swift
        # Segments are stored, then their answers held; the cleanup's deletes are slow (a stop that does not wait for
        # them, or a process that exits, cuts them off); and the segment container cannot be listed (a listing is
        # updated asynchronously by Swift and may miss a segment just stored): the cleanup must delete by name.
        Set-OsoFaultRules $Proxy (@(
            @{ service = 'swift'; method = 'PUT'; path = '_segments/'; delay_ms = 1500; phase = 'response' }
            @{ service = 'swift'; method = @('DELETE', 'POST'); delay_ms = 3000 }
            @{ service = 'swift'; method = 'GET'; path = '_segments$'; status = 503 }
        ) | ConvertTo-Json -Compress)
        $script:Direct = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:Container = New-OsoName 'oso-segcancel'
        $script:Segments = "${Container}_segments"
        $null = New-OSContainer -Name $Container -ErrorAction Stop
        # 12 segments of 1 MiB: with 4 at a time and 1.5 s each, about 5 s of upload to stop in the middle of.
        $script:File = Join-Path $TestDrive 'large.bin'
        $bytes = [byte[]]::new(12MB)
        [System.Random]::new(7).NextBytes($bytes)
        [System.IO.File]::WriteAllBytes($File, $bytes)
        function script:Get-UploadSegments([string] $Name) {
            @(Get-OSObject -Container $Segments -Prefix "$Name/" -ErrorAction SilentlyContinue)
        }
        function script:Wait-StoredSegments([string] $Name) {
            $null = Wait-OsoCondition -TimeoutSec 60 -Because "segments of '$Name' stored in $Segments" { (Get-UploadSegments $Name).Count -ge 2 }
        }
    }
}

AfterAll {
    if ($script:Container) {
        foreach ($c in $Container, $Segments) { Remove-OSContainer -Container $c -Recurse -Confirm:$false -ErrorAction SilentlyContinue }
    }
    Stop-OsoFaultProxy $script:Proxy
}

Describe 'Stopping a segmented upload' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'PowerShell.Stop() returns once the segments written so far are deleted, and no manifest is left' {
        $name = New-OsoName 'stopped'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop
Connect-OSCloud -Cloud los-demo-faulty -ErrorAction Stop | Out-Null
Send-OSObject -Path '$File' -Container '$Container' -Name '$name' -SegmentSizeMB 1 -ErrorAction Stop
"@)
            $async = $ps.BeginInvoke()
            Wait-StoredSegments $name
            $async.IsCompleted | Should -BeFalse -Because 'the upload is still going'
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # Right after Stop(): nothing may be left for a later run to trip over.
            Get-UploadSegments $name | Should -HaveCount 0
            @(Get-OSObject -Container $Container -Prefix $name -ErrorAction Stop) | Should -HaveCount 0
        }
        finally { $ps.Dispose() }
    }

    It 'Ctrl+C (SIGINT) to a pwsh running a script: the script ends, the process exits, and the segments are gone first' {
        if ($IsWindows) { Set-ItResult -Skipped -Because 'SIGINT is a POSIX signal'; return }
        $name = New-OsoName 'sigint'
        $script = Join-Path $TestDrive "$name.ps1"
        Set-Content -Path $script -Encoding utf8 -Value @"
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$(Get-OsoModulePath)' -ErrorAction Stop
Connect-OSCloud -Cloud los-demo-faulty -ErrorAction Stop | Out-Null
Send-OSObject -Path '$File' -Container '$Container' -Name '$name' -SegmentSizeMB 1
'upload-ended'
"@
        $process = Start-OsoInterruptiblePwsh $script
        try {
            try { Wait-StoredSegments $name } catch { throw "$_ The script printed: $(Get-OsoScriptOutput $script)" }
            $process.HasExited | Should -BeFalse -Because 'the upload is still going'
            & kill -INT $process.Id
            Wait-OsoProcessExit $process -TimeoutSec 90 | Should -BeTrue -Because 'Ctrl+C ends the script and the process'
            Get-Content "$script.out" -Raw | Should -Not -Match 'upload-ended' -Because 'Ctrl+C stopped the script'
            Get-UploadSegments $name | Should -HaveCount 0
            @(Get-OSObject -Container $Container -Prefix $name -ErrorAction Stop) | Should -HaveCount 0
        }
        finally { if (-not $process.HasExited) { $process.Kill() } }
    }

    It 'an upload that is not stopped still stores the object and keeps its segments' {
        $name = New-OsoName 'whole'
        $stored = Send-OSObject -Path $File -Container $Container -Name $name -SegmentSizeMB 4 -Cloud $Direct -ErrorAction Stop
        $stored.SizeBytes | Should -Be 12MB
        Get-UploadSegments $name | Should -HaveCount 3
    }
}
