# examples/demo.ps1 as README runs it: a brand-new pwsh, the script file itself.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
}

Describe 'examples/demo.ps1' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $demo = Join-Path (Get-OsoRepoRoot) 'examples/demo.ps1'
        $run = Invoke-OsoPwsh -NoImport -TimeoutSec 300 -Script "& '$demo'; exit `$LASTEXITCODE"
    }

    It 'ends with exit code 0 and nothing on stderr' {
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
    }

    It 'prints no HTTP 403 or error' {
        $run.Text | Should -Not -Match '403'
        $run.Text | Should -Not -Match 'Forbidden|Exception'
        $run.Text | Should -Not -Match '(?m)^\w+-OS\w+: ' -Because 'a cmdlet error is printed as "Verb-OSNoun: message"'
    }

    It 'prints the flavors table and the los-fake-image row' {
        $run.Text | Should -Match 'm1\.tiny\s+1\s+0\.5'
        $run.Text | Should -Match 'los-fake-image'
    }

    It 'lists the admin connection made with explicit parameters' {
        $run.Text | Should -Match '127\.0\.0\.1:5000/admin'
    }
}
