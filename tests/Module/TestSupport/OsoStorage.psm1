# Helpers of the object storage Pester files (Containers, ObjectTransfer, ObjectListing): containers named with one
# prefix per file (removed with everything in them, their _segments containers too), random files in a scratch
# folder, MD5s, and requests without a token.

$script:Anonymous = [System.Net.Http.HttpClient]::new()

<# Starts a file's storage state: a unique container prefix and a scratch folder. #>
function Initialize-OsoStorage([string] $Prefix) {
    $script:Prefix = '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Folder = Join-Path ([System.IO.Path]::GetTempPath()) $script:Prefix
    New-Item -ItemType Directory -Path $script:Folder -Force | Out-Null
    [pscustomobject]@{ Prefix = $script:Prefix; Folder = $script:Folder }
}

<# Removes the file's containers (with their objects) and its scratch folder. #>
function Clear-OsoStorage {
    if ($global:DefaultOSCloud -and $script:Prefix) {
        Get-OSContainer -Name "$script:Prefix*" -ErrorAction SilentlyContinue | Remove-OSContainer -Recurse -Confirm:$false -ErrorAction SilentlyContinue
    }
    if ($script:Folder) { Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue }
}

function New-OsoContainer([string] $Suffix, [hashtable] $Parameters = @{}) {
    $name = "$script:Prefix-$Suffix"
    New-OSContainer -Name $name @Parameters -ErrorAction Stop | Out-Null
    $name
}

<# A file of random bytes at a path relative to the scratch folder; returns its full path. #>
function New-OsoRandomFile([string] $RelativePath, [int] $Size) {
    $path = Join-Path $script:Folder $RelativePath
    New-Item -ItemType Directory -Path (Split-Path $path) -Force | Out-Null
    $bytes = [byte[]]::new($Size)
    [System.Random]::Shared.NextBytes($bytes)
    [System.IO.File]::WriteAllBytes($path, $bytes)
    $path
}

function Get-OsoMd5([string] $Path) { (Get-FileHash -Path $Path -Algorithm MD5).Hash.ToLowerInvariant() }

function Test-OsoSameBytes([string] $A, [string] $B) {
    [System.Linq.Enumerable]::SequenceEqual([System.IO.File]::ReadAllBytes($A), [System.IO.File]::ReadAllBytes($B))
}

<# The URL of an object (or of the container with an empty name) as the catalog gives it, for requests without a token. #>
function Get-OsoObjectUrl([string] $Container, [string] $Name = '') {
    $endpoint = $global:DefaultOSCloud.GetEndpointAsync('object-store', [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    $path = ($Name -split '/' | ForEach-Object { [uri]::EscapeDataString($_) }) -join '/'
    "$endpoint/$([uri]::EscapeDataString($Container))/$path"
}

<# GET without a token: StatusCode and Bytes. #>
function Invoke-OsoAnonymousGet([string] $Url) {
    $response = $script:Anonymous.GetAsync($Url).GetAwaiter().GetResult()
    [pscustomobject]@{ StatusCode = [int]$response.StatusCode; Bytes = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult() }
}

Export-ModuleMember -Function *-Oso*
