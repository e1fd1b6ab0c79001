# The module's views (OpenStackOrchestrator.format.ps1xml): conventions over every view, and real objects of every
# type rendered through real Format-Table and Format-List.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    $NoCloud = Get-OsoCloudSkipReason
    Import-OsoModule
    # The hand-written views and the ones the build writes from the models' [TableView] declarations.
    $formats = @(Get-ChildItem (Split-Path (Get-OsoModulePath)) -Filter *.format.ps1xml | ForEach-Object { [xml] (Get-Content $_.FullName -Raw) })
    # A view may also name the .NET type itself (the connection's views do, for a bare $object.Cloud).
    $Views = @($formats.Configuration.ViewDefinitions.View | ForEach-Object {
        $names = @($_.ViewSelectedBy.TypeName)
        @{ View = $_.Name; TypeName = $names[0]; AlsoFor = @($names | Select-Object -Skip 1) } })
    $RegisteredTypes = @([OpenStackOrchestrator.Infrastructure.TypeNames]::ByType.GetEnumerator() | Sort-Object Value |
            ForEach-Object { @{ TypeName = $_.Value; Type = $_.Key.FullName } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport/OsoTest.psm1" -Force
    Import-OsoModule
    Use-OsoLocalCloud

    # The format files the module loaded (the built copies).
    $script:Format = @(Get-ChildItem (Split-Path (Get-OsoModulePath)) -Filter *.format.ps1xml | ForEach-Object { [xml] (Get-Content $_.FullName -Raw) })
    $script:Registry = [OpenStackOrchestrator.Infrastructure.TypeNames]::ByType
    $script:TypeOf = @{}
    foreach ($pair in $Registry.GetEnumerator()) { $TypeOf[$pair.Value] = $pair.Key }

    # A view's columns in order: Heading as shown, PropertyName or ScriptBlock behind it.
    function Get-ViewColumns($View) {
        if ($View.TableControl) {
            $headers = @($View.TableControl.TableHeaders.TableColumnHeader)
            $items = @($View.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $items.Count; $i++) {
                $label = if ($headers[$i] -is [System.Xml.XmlElement]) { $headers[$i].Label } else { $null }
                [pscustomobject]@{ Label = $label; PropertyName = $items[$i].PropertyName; ScriptBlock = $items[$i].ScriptBlock
                    Heading = if ($label) { $label } else { $items[$i].PropertyName } }
            }
        }
        else {
            foreach ($item in $View.ListControl.ListEntries.ListEntry.ListItems.ListItem) {
                [pscustomobject]@{ Label = $item.Label; PropertyName = $item.PropertyName; ScriptBlock = $item.ScriptBlock
                    Heading = if ($item.Label) { $item.Label } else { $item.PropertyName } }
            }
        }
    }

    function Get-View([string] $TypeName, [string] $Control) {
        $Format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $TypeName -and $_.$Control }
    }

    # The members a script block reads from the row object itself ($_.X or $PSItem.X outside nested script blocks).
    function Get-RowMembers([string] $Script) {
        $root = [scriptblock]::Create($Script).Ast
        $root.FindAll({ param($a) $a -is [System.Management.Automation.Language.MemberExpressionAst] -and
                $a.Expression -is [System.Management.Automation.Language.VariableExpressionAst] -and
                $a.Expression.VariablePath.UserPath -in '_', 'PSItem' }, $true) |
            Where-Object {
                $scope = $_.Parent
                while ($scope -isnot [System.Management.Automation.Language.ScriptBlockAst]) { $scope = $scope.Parent }
                $scope -eq $root
            } |
            ForEach-Object { $_.Member.Value }
    }

    # Why a view's columns are not real properties of $Type (nothing when they all are).
    function Get-ViewProblems($View, [type] $Type) {
        $properties = @($Type.GetProperties().Name)
        foreach ($column in Get-ViewColumns $View) {
            if ($column.PropertyName -and $column.PropertyName -notin $properties) { "column $($column.Heading): $($Type.Name) has no property $($column.PropertyName)" }
            if ($column.Label -and $column.Label -notin $properties) { "heading $($column.Label) is not a property of $($Type.Name) (Select-Object $($column.Label) would be empty)" }
            if ($column.ScriptBlock) {
                if (-not $column.Label) { 'a script block column without a Label shows its code as the heading' }
                foreach ($member in Get-RowMembers $column.ScriptBlock) {
                    if ($member -notin $properties) { "column $($column.Heading) reads `$_.$member, which $($Type.Name) does not have" }
                }
            }
        }
    }

    <#
        Reads the one row of a Format-Table of one object: the heading line must be the view's headings in order, and
        the row is matched against the expected cell texts in column order (a $null expectation matches any text).
        Returns the row's cells by heading, or $null when the row does not match.
    #>
    function Read-TableRow([string] $Text, [string[]] $Headings, [object[]] $Expected) {
        $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines | Should -HaveCount 3 -Because 'a table of one object is a heading line, a dash line and a row'
        $lines[0].Trim() | Should -Match ('^' + (($Headings | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '$') -Because 'Format-Table shows the view''s headings'
        $pattern = ''
        for ($i = 0; $i -lt $Headings.Count; $i++) {
            $cell = if ($null -eq $Expected[$i]) { '.*?' } else { [regex]::Escape($Expected[$i]) }
            $pattern += '\s*' + "(?<c$i>$cell)"
        }
        $match = [regex]::Match($lines[2], "^$pattern\s*$")
        if (-not $match.Success) { return $null }
        $row = [ordered]@{}
        for ($i = 0; $i -lt $Headings.Count; $i++) { $row[$Headings[$i]] = $match.Groups["c$i"].Value.Trim() }
        [pscustomobject]$row
    }

    # Format-List output of one object as an ordered name -> value map.
    function ConvertFrom-ListText([string] $Text) {
        $map = [ordered]@{}
        foreach ($line in $Text -split "`r?`n") {
            if ($line -match '^(\S[^:]*?)\s*: ?(.*)$') { $map[$Matches[1]] = $Matches[2].Trim() }
        }
        $map
    }

    # A plain value as a view shows it; $null for values the check leaves to the explicit expectations.
    function Get-ShownValue($Value) {
        if ($null -eq $Value) { return '' }
        if ($Value -is [string] -or $Value -is [bool] -or $Value -is [enum] -or $Value -is [int] -or $Value -is [long] -or $Value -is [double] -or $Value -is [decimal]) {
            return [string]$Value
        }
        if ($Value -is [datetime]) { return $Value.ToString() }
        $null
    }

    <#
        Renders one object through Format-Table and Format-List and checks: the headings are the view's (so the
        module's view was used), each scalar PropertyName column shows the object's value, and the -Expect values
        (heading -> text) are shown in both.
    #>
    function Assert-Rendered {
        param([Parameter(Mandatory)] $InputObject, [hashtable] $Expect = @{})
        $typeName = $InputObject.PSObject.TypeNames[0]
        $tableView = Get-View $typeName 'TableControl'
        $tableView | Should -Not -BeNullOrEmpty -Because "$typeName has a table view"
        $columns = @(Get-ViewColumns $tableView)
        # Expected cells: the -Expect text, else the object's own value for a PropertyName column.
        $expected = foreach ($column in $columns) {
            if ($Expect.ContainsKey($column.Heading)) { $Expect[$column.Heading] }
            elseif ($column.PropertyName) { Get-ShownValue $InputObject.($column.PropertyName) }
            else { $null }
        }
        $text = $InputObject | Format-Table | Out-String -Width 1000
        $row = Read-TableRow $text @($columns.Heading) @($expected)
        $row | Should -Not -BeNullOrEmpty -Because ("Format-Table of a $typeName shows [{0}]:`n{1}" -f ((@($expected) | ForEach-Object { "$_" }) -join ' | '), $text)
        # What a user sees with no Format- cmdlet: PowerShell takes the first view it loaded for the type.
        $InputObject | Out-String -Width 1000 | Should -BeExactly $text -Because "a $typeName is shown as its table by default"
        $list = ConvertFrom-ListText ($InputObject | Format-List | Out-String -Width 1000)
        $listView = Get-View $typeName 'ListControl'
        if ($listView) {
            @($list.Keys) | Should -Be @((Get-ViewColumns $listView).Heading) -Because "Format-List of a $typeName shows its list view's items"
        }
        foreach ($name in $list.Keys) {
            $property = $InputObject.PSObject.Properties[$name]
            if ($property) {
                $shown = Get-ShownValue $property.Value
                if ($null -ne $shown) { $list[$name] | Should -BeExactly $shown -Because "Format-List shows the $name of a $typeName" }
            }
        }
        foreach ($heading in $Expect.Keys) {
            # Without a list view, Format-List shows the raw property, not a table script block's text.
            $sameInList = $listView -or ($columns | Where-Object { $_.Heading -eq $heading -and $_.PropertyName })
            if ($sameInList -and $list.Contains($heading)) { $list[$heading] | Should -BeExactly $Expect[$heading] -Because "Format-List shows $heading" }
            ($columns.Heading -contains $heading -or $list.Contains($heading)) | Should -BeTrue -Because "$heading is shown by a view of $typeName"
        }
        [pscustomobject]@{ Table = $row; List = $list }
    }
}

Describe 'View conventions' {
    It 'view <View> is for a type of the module' -ForEach $Views {
        $TypeOf.ContainsKey($TypeName) | Should -BeTrue -Because "$TypeName must be in TypeNames.ByType, the module's type-name registry"
        foreach ($other in $AlsoFor) { $other | Should -Be $TypeOf[$TypeName].FullName -Because "a view's further type names are its type's .NET name" }
    }

    It 'every column of view <View> is a real property of its type' -ForEach $Views {
        $view = $Format.Configuration.ViewDefinitions.View | Where-Object Name -EQ $View
        Get-ViewProblems $view $TypeOf[$TypeName] | Should -BeNullOrEmpty
    }

    # Conventions.Tests.ps1 checks that every output type of a cmdlet and every TypeNames constant is in the registry.
    It '<TypeName> (<Type>) has a table view' -ForEach $RegisteredTypes {
        $tables = @($Format.Configuration.ViewDefinitions.View | Where-Object TableControl | ForEach-Object { $_.ViewSelectedBy.TypeName })
        $tables | Should -Contain $TypeName -Because 'Format-Table of an object without a table view lists every property'
    }

    It 'the convention check reports headings, properties and script members that are not properties' {
        [xml] $bad = @'
<View><Name>Bad</Name><ViewSelectedBy><TypeName>OpenStackOrchestrator.VolumeSnapshot</TypeName></ViewSelectedBy>
<TableControl><TableHeaders><TableColumnHeader><Label>Size</Label></TableColumnHeader><TableColumnHeader /><TableColumnHeader><Label>Name</Label></TableColumnHeader></TableHeaders>
<TableRowEntries><TableRowEntry><TableColumnItems>
<TableColumnItem><PropertyName>SizeGB</PropertyName></TableColumnItem>
<TableColumnItem><PropertyName>NoSuchProperty</PropertyName></TableColumnItem>
<TableColumnItem><ScriptBlock>$_.Metadata | ForEach-Object { $_.Key } ; $_.Missing</ScriptBlock></TableColumnItem>
</TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>
'@
        $problems = @(Get-ViewProblems $bad.View ([OpenStackOrchestrator.Client.BlockStorage.VolumeSnapshot]))
        $problems | Should -HaveCount 3
        $problems -join "`n" | Should -Match 'heading Size'
        $problems -join "`n" | Should -Match 'NoSuchProperty'
        $problems -join "`n" | Should -Match 'Missing'
    }
}

Describe 'Views of objects that need no cloud' {
    It 'AvailableCloud: Get-OSCloud -ListAvailable renders through its table view' {
        $env:OS_CLIENT_CONFIG_FILE = Get-OsoCloudsYaml
        if (-not (Test-Path $env:OS_CLIENT_CONFIG_FILE)) { Set-ItResult -Skipped -Because 'no clouds.yaml' ; return }
        $available = Get-OSCloud -ListAvailable | Where-Object Name -EQ 'los-demo'
        $shown = Assert-Rendered $available -Expect @{ Name = 'los-demo'; UserName = 'demo'; ProjectName = 'demo' }
        $shown.Table.Source | Should -Not -BeNullOrEmpty
    }
}

Describe 'Views of objects from the local cloud' -Tag Cloud -Skip:([bool]$NoCloud) {
    BeforeAll {
        $script:Prefix = New-OsoName 'oso-view'
        $script:cloud = Connect-OSCloud -Cloud los-demo -ErrorAction Stop
        $script:net = New-OSNetwork "$Prefix-n" -ErrorAction Stop
        $script:subnet = New-OSSubnet "$Prefix-sub" -Network $net -Cidr 10.122.0.0/24 -ErrorAction Stop
        $script:router = New-OSRouter "$Prefix-r" -ErrorAction Stop
        $script:group = New-OSSecurityGroup "$Prefix-sg" -Description 'view test' -ErrorAction Stop
        $script:rule = New-OSSecurityGroupRule -SecurityGroup $group -Direction ingress -Protocol tcp -Port 22 -RemoteIPPrefix 192.0.2.0/24 -ErrorAction Stop
        $script:port = New-OSPort "$Prefix-p" -Network $net -ErrorAction Stop
        $script:keyFile = Join-Path ([System.IO.Path]::GetTempPath()) "$Prefix.pem"
        $script:keyPair = New-OSKeyPair "$Prefix-k" -PrivateKeyFile $keyFile -ErrorAction Stop
        $script:task = New-OSServer "$Prefix-s" -Image los-fake-image -Flavor m1.tiny -Network $net -RunAsync -ErrorAction Stop
        $script:volume = New-OSVolume "$Prefix-v" -SizeGB 1 -ErrorAction Stop
        $script:snapshot = New-OSVolumeSnapshot "$Prefix-vs" -Volume $volume -ErrorAction Stop
        $script:container = New-OSContainer "$Prefix-c" -ErrorAction Stop
        $script:file = Join-Path ([System.IO.Path]::GetTempPath()) "$Prefix.txt"
        Set-Content -Path $file -Value ('x' * 2000) -NoNewline
        Send-OSObject -Path $file -Container $container -Name 'view.txt' -ErrorAction Stop | Out-Null
        $script:template = @'
heat_template_version: 2018-08-31
parameters:
  length:
    type: number
    default: 6
    description: How long the string is
resources:
  word:
    type: OS::Heat::RandomString
    properties:
      length: { get_param: length }
outputs:
  word_length:
    description: The length asked for
    value: { get_param: length }
'@
        $script:stack = New-OSStack "$Prefix-st" -Template $template -ErrorAction Stop
        $script:server = Wait-OSTask $task -ErrorAction Stop
    }

    AfterAll {
        if ($server) { Remove-OSServer $server -Confirm:$false -ErrorAction SilentlyContinue }
        if ($stack) { Remove-OSStack $stack -Confirm:$false -ErrorAction SilentlyContinue }
        Remove-OSContainer "$Prefix-c" -Recurse -Confirm:$false -ErrorAction SilentlyContinue
        if ($snapshot) { Remove-OSVolumeSnapshot $snapshot -Confirm:$false -ErrorAction SilentlyContinue }
        if ($volume) { Remove-OSVolume $volume -Confirm:$false -ErrorAction SilentlyContinue }
        if ($keyPair) { Remove-OSKeyPair $keyPair -Confirm:$false -ErrorAction SilentlyContinue }
        if ($port) { Remove-OSPort $port -Confirm:$false -ErrorAction SilentlyContinue }
        if ($group) { Remove-OSSecurityGroup $group -Confirm:$false -ErrorAction SilentlyContinue }
        if ($router) { Remove-OSRouter $router -Confirm:$false -ErrorAction SilentlyContinue }
        # The server's port goes with the server; the network can be removed once it has.
        if ($net) {
            $null = Wait-OsoCondition -TimeoutSec 60 -Because 'the server to be gone' { -not (Get-OSServer -Name "$Prefix-s" -ErrorAction SilentlyContinue) }
            Remove-OSNetwork $net -Confirm:$false -ErrorAction SilentlyContinue
        }
        Remove-Item $keyFile, $file -ErrorAction SilentlyContinue
        Use-OsoLocalCloud
    }

    It 'Cloud: a connection' {
        $shown = Assert-Rendered (Get-OSCloud -Name los-demo) -Expect @{ Name = 'los-demo'; UserName = 'demo'; ProjectName = 'demo'; IsConnected = 'True' }
        $shown.Table.AuthUrl | Should -Match '^http'
    }

    It 'Flavor: m1.tiny' {
        Assert-Rendered (Get-OSFlavor m1.tiny) -Expect @{ Name = 'm1.tiny'; VCpus = '1'; MemoryGB = '0.5'; DiskGB = '1' } | Out-Null
    }

    It 'Image: los-fake-image' {
        Assert-Rendered (Get-OSImage los-fake-image) -Expect @{ Name = 'los-fake-image'; Status = 'active'; DiskFormat = 'raw' } | Out-Null
    }

    It 'Server: an ACTIVE server on a network, its IP address joined' {
        $fresh = Get-OSServer -Id $server.Id
        $shown = Assert-Rendered $fresh -Expect @{ Name = "$Prefix-s"; Status = 'ACTIVE'; Flavor = 'm1.tiny'; NumCpu = '1' }
        $fresh.IPAddress | Should -Not -BeNullOrEmpty
        $shown.Table.IPAddress | Should -BeExactly ($fresh.IPAddress -join ', ')
        $shown.List.Networks | Should -BeExactly ("$($net.Name)=" + (($fresh.Networks | Where-Object Name -EQ $net.Name).Addresses -join ','))
        $shown.List.Cloud | Should -BeExactly 'los-demo'
    }

    It 'Task: a finished New-OSServer -RunAsync task' {
        $shown = Assert-Rendered (Get-OSTask -Id $task.Id) -Expect @{ Id = $task.Id; Operation = 'New-OSServer'; Target = "$Prefix-s"; State = 'Success'; PercentComplete = '100' }
        $shown.Table.FinishTime | Should -Not -BeNullOrEmpty
    }

    It 'ServerInterface: the server''s NIC shows the server and network by name' {
        $nic = Get-OSServerInterface $server | Select-Object -First 1
        $shown = Assert-Rendered $nic -Expect @{ Server = "$Prefix-s"; Network = $net.Name }
        ($nic | Select-Object Server, Network | Format-Table -HideTableHeaders | Out-String).Trim() | Should -Match "^$([regex]::Escape("$Prefix-s"))\s+$([regex]::Escape($net.Name))$"
        $shown.Table.IPAddress | Should -BeExactly ($nic.IPAddress -join ', ')
    }

    It 'KeyPair: a new key pair' {
        Assert-Rendered (Get-OSKeyPair "$Prefix-k") -Expect @{ Name = "$Prefix-k" } | Out-Null
    }

    It 'AvailabilityZone: the compute zone nova' {
        $zone = Get-OSAvailabilityZone -Name nova | Select-Object -First 1
        $shown = Assert-Rendered $zone -Expect @{ Name = 'nova' }
        $shown.Table.Hosts | Should -BeExactly ($zone.Hosts -join ', ')
    }

    It 'Quota: the compute instances row' {
        $row = Get-OSQuota | Where-Object { $_.Service -eq 'compute' -and $_.Resource -eq 'instances' }
        $row | Should -HaveCount 1
        Assert-Rendered $row -Expect @{ Service = 'compute'; Resource = 'instances' } | Out-Null
    }

    It 'Network: subnet count, external and shared flags' {
        $fresh = Get-OSNetwork -Id $net.Id
        Assert-Rendered $fresh -Expect @{ Name = "$Prefix-n"; SubnetCount = '1'; IsExternal = 'False'; IsShared = 'False' } | Out-Null
        ($fresh | Select-Object -ExpandProperty SubnetCount) | Should -Be 1
    }

    It 'Subnet: CIDR and network' {
        Assert-Rendered (Get-OSSubnet -Id $subnet.Id) -Expect @{ Name = "$Prefix-sub"; Cidr = '10.122.0.0/24'; NetworkId = $net.Id } | Out-Null
    }

    It 'Port: a port with its address joined' {
        $fresh = Get-OSPort -Id $port.Id
        $shown = Assert-Rendered $fresh -Expect @{ Name = "$Prefix-p"; Id = $port.Id }
        $shown.Table.IPAddress | Should -BeExactly ($fresh.IPAddress -join ', ')
    }

    It 'Router: a router without a gateway' {
        Assert-Rendered (Get-OSRouter -Id $router.Id) -Expect @{ Name = "$Prefix-r"; Id = $router.Id; ExternalIPAddress = '' } | Out-Null
    }

    It 'SecurityGroup: a group with its rule count' {
        $fresh = Get-OSSecurityGroup -Id $group.Id
        Assert-Rendered $fresh -Expect @{ Name = "$Prefix-sg"; Description = 'view test'; Rules = [string]$fresh.Rules.Count } | Out-Null
    }

    It 'SecurityGroupRule: the remote prefix is a real Remote property' {
        $fresh = Get-OSSecurityGroupRule -Id $rule.Id
        Assert-Rendered $fresh -Expect @{ Direction = 'ingress'; Protocol = 'tcp'; PortRange = '22'; Remote = '192.0.2.0/24' } | Out-Null
        ($fresh | Select-Object -ExpandProperty Remote) | Should -BeExactly '192.0.2.0/24'
    }

    It 'FloatingIP: an unassociated address' {
        # Made here, not in BeforeAll: the project's floating IPs are shared with other test runs.
        $floating = New-OSFloatingIP -Network public -ErrorAction Stop
        try { Assert-Rendered (Get-OSFloatingIP -Id $floating.Id) -Expect @{ Address = $floating.Address; Id = $floating.Id; ServerId = '' } | Out-Null }
        finally { Remove-OSFloatingIP $floating -Release -Confirm:$false -ErrorAction SilentlyContinue }
    }

    It 'Volume: a new volume, with Server and Type the real properties the headings name' {
        $fresh = Get-OSVolume -Id $volume.Id
        $shown = Assert-Rendered $fresh -Expect @{ Name = "$Prefix-v"; CapacityGB = '1'; Status = 'available' }
        $selected = $fresh | Select-Object Name, Server, Type
        $selected.Type | Should -Not -BeNullOrEmpty -Because 'Select-Object Type gives what the Type column shows'
        $shown.Table.Type | Should -BeExactly ([string]$selected.Type)
        $shown.Table.Server | Should -BeExactly ([string]$selected.Server)
    }

    It 'VolumeSnapshot: a snapshot of the volume' {
        Assert-Rendered (Get-OSVolumeSnapshot -Id $snapshot.Id) -Expect @{ Name = "$Prefix-vs"; SizeGB = '1'; VolumeId = $volume.Id } | Out-Null
    }

    It 'VolumeType: the volume''s type' {
        $type = Get-OSVolumeType -Name $volume.VolumeType
        Assert-Rendered $type -Expect @{ Name = $volume.VolumeType } | Out-Null
    }

    It 'Container: object count and size' {
        $fresh = Get-OSContainer "$Prefix-c"
        Assert-Rendered $fresh -Expect @{ Name = "$Prefix-c"; ObjectCount = '1'; IsPublic = 'False' } | Out-Null
    }

    It 'StorageObject: an uploaded object and its size in bytes' {
        Assert-Rendered (Get-OSObject -Container "$Prefix-c" -Name view.txt) -Expect @{ Name = 'view.txt'; SizeBytes = '2000'; Container = "$Prefix-c" } | Out-Null
    }

    It 'Stack: a completed stack' {
        $fresh = Get-OSStack -Id $stack.Id
        Assert-Rendered $fresh -Expect @{ Name = "$Prefix-st"; Status = 'CREATE_COMPLETE' } | Out-Null
    }

    It 'StackResource: the stack''s resource' {
        $resource = Get-OSStackResource $stack | Where-Object Name -EQ word
        Assert-Rendered $resource -Expect @{ Name = 'word'; Type = 'OS::Heat::RandomString'; Status = 'CREATE_COMPLETE'; StackName = "$Prefix-st" } | Out-Null
    }

    It 'StackEvent: the stack''s last event' {
        $event = Get-OSStackEvent $stack | Where-Object ResourceName -EQ "$Prefix-st" | Select-Object -Last 1
        Assert-Rendered $event -Expect @{ ResourceName = "$Prefix-st"; Status = 'CREATE_COMPLETE' } | Out-Null
    }

    It 'StackOutput: an output and its value' {
        $output = Get-OSStackOutput $stack | Where-Object Name -EQ word_length
        Assert-Rendered $output -Expect @{ Name = 'word_length'; Value = '6'; Description = 'The length asked for' } | Out-Null
    }

    It 'StackChange: Update-OSStack -PreviewOnly' {
        $changes = @(Update-OSStack $stack -Template ($template -replace 'default: 6', 'default: 8') -PreviewOnly -Confirm:$false -ErrorAction Stop)
        $change = $changes | Where-Object ResourceName -EQ word | Select-Object -First 1
        $change | Should -Not -BeNullOrEmpty
        Assert-Rendered $change -Expect @{ ResourceName = 'word'; ResourceType = 'OS::Heat::RandomString' } | Out-Null
    }

    It 'StackTemplateParameter: Test-OSStackTemplate' {
        $parameter = Test-OSStackTemplate -Template $template | Where-Object Name -EQ length
        Assert-Rendered $parameter -Expect @{ Name = 'length'; Type = 'Number'; Default = '6'; Description = 'How long the string is' } | Out-Null
    }
}
