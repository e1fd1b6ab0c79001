param([string] $Module)
Import-Module $Module -ErrorAction Stop
