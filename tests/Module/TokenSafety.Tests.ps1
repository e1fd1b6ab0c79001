# The connection's token goes only to endpoints the catalog names. A trap listener on 127.0.0.1 (and ::1) records
# every request it gets; an absolute -Path pointing at it in any spelling is refused before any request, and a
# redirect from a catalog endpoint to it is not followed.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    # {trap}: the trap's port. None of these is under an endpoint of the catalog.
    $Outside = @(
        'http://127.0.0.1:{trap}/x', 'HTTP://127.0.0.1:{trap}/v2.1/servers', 'https://127.0.0.1:{trap}/x', 'http://localhost:{trap}/x',
        'http://[::1]:{trap}/x', 'http://127.0.0.1:5000@127.0.0.1:{trap}/x', 'http://127.0.0.1:8774@127.0.0.1:{trap}/v2.1/servers',
        'http://demo:demopass@127.0.0.1:{trap}/x', '//127.0.0.1:{trap}/x', '///127.0.0.1:{trap}/x', '\\127.0.0.1:{trap}\x',
        'http:\\127.0.0.1:{trap}\x', 'http:/127.0.0.1:{trap}/x', '  http://127.0.0.1:{trap}/x', 'http://2130706433:{trap}/x',
        'http://0x7f.0.0.1:{trap}/x', 'http://127.1:{trap}/x', 'http://127.0.0.1.:{trap}/x', 'http://127.0.0.1%3A{trap}/x',
        'http://127.0.0.1:{trap}#@127.0.0.1:8774/v2.1', 'http://127.0.0.1:{trap}?@127.0.0.1:8774/v2.1', 'http://127.0.0.1:{trap}/v2.1/../x',
        'http://127.0.0.1:8774/v2.10/flavors', 'http://127.0.0.1:8774/v2.1x/flavors', 'http://127.0.0.1:8774/', 'http://127.0.0.1:8774/v2.1/../v2.10/x',
        'http://127.0.0.1:8774/v2.1/%2e%2e/x', 'https://127.0.0.1:8774/v2.1/flavors', 'http://localhost:8774/v2.1/flavors',
        'http://127.0.0.1:8080/v1/AUTH_other/c'
    ) | ForEach-Object { @{ Template = $_ } }
    $Methods = 'GET', 'HEAD', 'DELETE', 'PUT', 'POST', 'PATCH' | ForEach-Object { @{ Method = $_ } }
    # Relative paths that only look like they name a host: they stay on the compute endpoint.
    $Relative = @('@127.0.0.1:{trap}/x', ':{trap}/x', 'x@127.0.0.1:{trap}', '.127.0.0.1:{trap}/x', '%2F%2F127.0.0.1:{trap}/x', 'ftp://127.0.0.1:{trap}/x', 'file:///etc/passwd') |
        ForEach-Object { @{ Template = $_ } }
    # Under the trap's own endpoint http://127.0.0.1:{trap}/v2.1 (an override) or not.
    $Prefix = @(
        @{ Path = '/v2.10/servers'; Under = $false }, @{ Path = '/v2.1x'; Under = $false }, @{ Path = '/v2'; Under = $false },
        @{ Path = '/'; Under = $false }, @{ Path = '/v2.1/../v2.10/x'; Under = $false }, @{ Path = '/v2.1/%2E%2E/x'; Under = $false },
        @{ Path = '/V2.1/servers'; Under = $false }, @{ Path = '/v2.1'; Under = $true }, @{ Path = '/v2.1/servers'; Under = $true },
        @{ Path = '/v2.1/servers?all=1'; Under = $true }
    )
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

public sealed class OsoTokenTrap : IDisposable
{
    private readonly TcpListener _listener;
    private readonly List<string> _requests = new List<string>();
    public OsoTokenTrap()
    {
        _listener = new TcpListener(IPAddress.IPv6Any, 0);
        _listener.Server.DualMode = true;
        _listener.Start();
        Task.Run(Serve);
    }
    public int Port { get { return ((IPEndPoint)_listener.LocalEndpoint).Port; } }
    /// <summary>Path -> Location: answered with a 302 there; anything else gets 200 {}.</summary>
    public Dictionary<string, string> Redirects = new Dictionary<string, string>();
    public string[] Requests { get { lock (_requests) return _requests.ToArray(); } }
    public int WithToken { get { lock (_requests) return _requests.FindAll(r => r.IndexOf("\nX-Auth-Token:", StringComparison.OrdinalIgnoreCase) >= 0).Count; } }
    private async Task Serve()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); } catch { return; }
            _ = Task.Run(() => Answer(client));
        }
    }
    private void Answer(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                stream.ReadTimeout = 5000;
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (stream.Read(buffer, 0, 1) == 1)
                {
                    head.Append((char)buffer[0]);
                    if (head.Length > 65536 || head.ToString().EndsWith("\r\n\r\n")) break;
                }
                var text = head.ToString().Replace("\r\n", "\n");
                lock (_requests) _requests.Add(text);
                var parts = text.Split(' ');
                var path = parts.Length > 1 ? parts[1] : "";
                string location;
                var answer = Redirects.TryGetValue(path, out location)
                    ? "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
                var bytes = Encoding.ASCII.GetBytes(answer);
                stream.Write(bytes, 0, bytes.Length);
            }
            catch (IOException) { }
            catch (SocketException) { }
        }
    }
    public void Dispose() { _listener.Stop(); }
}
'@
    $script:Trap = [OsoTokenTrap]::new()
    $script:Elsewhere = [OsoTokenTrap]::new()
    $script:Expand = { param($t) $t.Replace('{trap}', "$($Trap.Port)") }
    if (-not (Get-OsoCloudSkipReason)) {
        $script:Demo = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        # A cloud whose compute endpoint is the trap (clouds.yaml override): the trap is then a trusted endpoint.
        $yaml = Join-Path $TestDrive 'clouds.yaml'
        $text = Get-Content (Get-OsoCloudsYaml) -Raw
        # los-admin's credentials: Connect-OSCloud hands back the open connection of the same user and project.
        $admin = [regex]::Match($text, '(?ms)^  los-admin:\r?\n(.*?)(?=^  \S|\z)').Groups[1].Value
        Set-Content -Path $yaml -Encoding utf8 -Value ("clouds:`n  oso-trapped:`n" + $admin.TrimEnd() + "`n    compute_endpoint_override: http://127.0.0.1:$($Trap.Port)/v2.1`n")
        $env:OS_CLIENT_CONFIG_FILE = $yaml
        $script:Trapped = Connect-OSCloud -Cloud oso-trapped -NotDefault -ErrorAction Stop
        $env:OS_CLIENT_CONFIG_FILE = Get-OsoCloudsYaml
    }
}

AfterAll {
    if ($script:Trap) { $Trap.Dispose(); $Elsewhere.Dispose() }
}

Describe 'An absolute -Path outside the catalog: <Template>' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach $Outside {
    It 'is refused with UrlOutsideCatalog before any request, and the trap sees nothing' {
        $url = & $Expand $Template
        $before = $Trap.Requests.Count
        $out = Invoke-OSApiRequest -Service compute -Path $url -ErrorVariable failed -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'UrlOutsideCatalog,OpenStackOrchestrator.Cmdlets.InvokeOSApiRequestCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject | Should -Be $url
        "$failed" | Should -Match '-Path'
        "$failed" | Should -Not -Match 'demopass'
        $Trap.Requests.Count | Should -Be $before
    }
}

Describe 'Every method is checked' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach $Methods {
    It '<Method> to the trap is refused and sends nothing' {
        $before = $Trap.Requests.Count
        Invoke-OSApiRequest -Service compute -Path "http://127.0.0.1:$($Trap.Port)/x" -Method $Method -Body @{ a = 1 } -Confirm:$false `
            -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'UrlOutsideCatalog,*'
        $Trap.Requests.Count | Should -Be $before
    }
}

Describe 'A relative path that looks like a host: <Template>' -Tag Cloud -Skip:([bool]$NoCloud) -ForEach $Relative {
    It 'goes to the compute endpoint, never to the trap' {
        $before = $Trap.Requests.Count
        Invoke-OSApiRequest -Service compute -Path (& $Expand $Template) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Not -BeLike 'UrlOutsideCatalog,*' -Because 'it is relative: Nova answers it'
        $Trap.Requests.Count | Should -Be $before
    }
}

Describe 'The real catalog endpoint' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'an absolute URL under it works like the relative path' {
        $absolute = (Invoke-OSApiRequest -Service compute -Path 'http://127.0.0.1:8774/v2.1/flavors' -ErrorAction Stop).flavors.id
        $relative = (Invoke-OSApiRequest -Service compute -Path '/flavors' -ErrorAction Stop).flavors.id
        $absolute | Should -Not -BeNullOrEmpty
        $absolute | Should -Be $relative
    }

    It 'an absolute URL under another service''s endpoint works too (the catalog names it)' {
        $endpoint = ((Invoke-OSApiRequest -Service identity -Path /auth/catalog -ErrorAction Stop).catalog | Where-Object type -EQ image).endpoints[0].url.TrimEnd('/')
        (Invoke-OSApiRequest -Service compute -Path "$endpoint/v2/images" -Query @{ limit = 1 } -ErrorAction Stop).images | Should -Not -BeNull
    }
}

Describe 'A catalog endpoint on the trap (clouds.yaml override)' -Tag Cloud -Skip:([bool]$NoCloud) {
    It 'the trap records the token of a request under it (the trap can see tokens)' {
        $before = $Trap.WithToken
        $null = Invoke-OSApiRequest -Cloud $Trapped -Service compute -Path "http://127.0.0.1:$($Trap.Port)/v2.1/servers" -ErrorAction Stop
        $Trap.WithToken | Should -Be ($before + 1)
    }

    It '<Path> is under http://127.0.0.1:{trap}/v2.1: <Under>' -ForEach $Prefix {
        $before = $Trap.Requests.Count
        Invoke-OSApiRequest -Cloud $Trapped -Service compute -Path "http://127.0.0.1:$($Trap.Port)$Path" -ErrorVariable failed -ErrorAction SilentlyContinue
        if ($Under) {
            $failed | Should -HaveCount 0
            $Trap.Requests.Count | Should -Be ($before + 1)
        }
        else {
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'UrlOutsideCatalog,*'
            $Trap.Requests.Count | Should -Be $before
        }
    }

    It 'a redirect from it to another host is not followed: RedirectNotFollowed, and that host sees nothing' -ForEach @(
        @{ Location = 'http://127.0.0.1:{elsewhere}/stolen' }, @{ Location = 'http://localhost:{trap}/v2.1/stolen' },
        @{ Location = 'http://127.0.0.1:{trap}@127.0.0.1:{elsewhere}/stolen' }, @{ Location = '//127.0.0.1:{elsewhere}/stolen' },
        @{ Location = 'https://127.0.0.1:{trap}/v2.1/stolen' }
    ) {
        $location = $Location.Replace('{trap}', "$($Trap.Port)").Replace('{elsewhere}', "$($Elsewhere.Port)")
        $path = "/v2.1/redirect-$([guid]::NewGuid().ToString('N'))"
        $Trap.Redirects[$path] = $location
        Invoke-OSApiRequest -Cloud $Trapped -Service compute -Path $path.Substring('/v2.1'.Length) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RedirectNotFollowed,*'
        $failed[0].CategoryInfo.Category | Should -Be 'SecurityError'
        "$failed" | Should -Match 'not followed'
        $Elsewhere.Requests | Should -HaveCount 0
        @($Trap.Requests | Where-Object { $_ -match '^\w+ \S*stolen' }) | Should -HaveCount 0
    }

    It 'a redirect on the same host and port is followed with the token (Heat relies on it)' {
        $Trap.Redirects['/v2.1/moved'] = "http://127.0.0.1:$($Trap.Port)/v2.1/landed"
        $before = $Trap.WithToken
        $null = Invoke-OSApiRequest -Cloud $Trapped -Service compute -Path /moved -ErrorAction Stop
        @($Trap.Requests | Where-Object { $_ -match '^GET /v2.1/landed ' }) | Should -HaveCount 1
        $Trap.WithToken | Should -Be ($before + 2)
    }
}
