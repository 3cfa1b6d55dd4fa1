<#
.SYNOPSIS
  Manage Windows Defender Firewall rules in the "User rules (agent)" group.
.DESCRIPTION
  Preview by default. Pass -Apply to make changes (requires an elevated session).
#>
[CmdletBinding(DefaultParameterSetName = 'List')]
param(
    [Parameter(ParameterSetName = 'List')]   [switch]$List,
    [Parameter(ParameterSetName = 'Add')]    [switch]$Add,
    [Parameter(ParameterSetName = 'Remove')] [switch]$Remove,

    [Parameter(ParameterSetName = 'Add', Mandatory)]
    [Parameter(ParameterSetName = 'Remove', Mandatory)]
    [string]$Name,

    [Parameter(ParameterSetName = 'Add')][ValidateSet('Inbound', 'Outbound')] [string]$Direction = 'Inbound',
    [Parameter(ParameterSetName = 'Add')][ValidateSet('TCP', 'UDP', 'Any')]   [string]$Protocol = 'TCP',
    [Parameter(ParameterSetName = 'Add')][Parameter(ParameterSetName = 'List')] [string]$Port,
    [Parameter(ParameterSetName = 'Add')] [string]$Program,
    [Parameter(ParameterSetName = 'Add')] [string]$RemoteAddress = 'LocalSubnet',
    [Parameter(ParameterSetName = 'Add')][ValidateSet('Domain', 'Private', 'Public', 'Any')] [string[]]$Profile = @('Private'),
    [Parameter(ParameterSetName = 'Add')][ValidateSet('Allow', 'Block')] [string]$Action = 'Allow',

    [switch]$Apply
)

$ErrorActionPreference = 'Stop'
$Group = 'User rules (agent)'

function Test-Elevated {
    $id = [Security.Principal.WindowsIdentity]::GetCurrent()
    (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Format-Rule($r) {
    $pf = $r | Get-NetFirewallPortFilter
    $af = $r | Get-NetFirewallAddressFilter
    $ap = $r | Get-NetFirewallApplicationFilter
    [pscustomobject]@{
        Name      = $r.DisplayName
        Enabled   = $r.Enabled
        Direction = $r.Direction
        Action    = $r.Action
        Protocol  = $pf.Protocol
        LocalPort = ($pf.LocalPort -join ',')
        Remote    = ($af.RemoteAddress -join ',')
        Program   = $ap.Program
        Profile   = $r.Profile
        Group     = $r.Group
    }
}

switch ($PSCmdlet.ParameterSetName) {
    'List' {
        if ($Port) {
            Get-NetFirewallPortFilter | Where-Object { $_.LocalPort -contains $Port } |
                Get-NetFirewallRule | Where-Object Enabled -eq 'True' |
                ForEach-Object { Format-Rule $_ } | Format-Table -AutoSize
        } else {
            Get-NetFirewallRule -Group $Group -ErrorAction SilentlyContinue |
                ForEach-Object { Format-Rule $_ } | Format-Table -AutoSize
        }
    }
    'Add' {
        if (-not $Port -and -not $Program) { throw 'Specify -Port or -Program.' }
        if ($Direction -eq 'Inbound' -and $Action -eq 'Allow' -and $RemoteAddress -eq 'Any') {
            Write-Warning 'Inbound allow from Any remote address exposes this port to every network this profile applies to.'
        }
        $params = @{
            DisplayName   = $Name
            Group         = $Group
            Direction     = $Direction
            Action        = $Action
            Profile       = $Profile
            RemoteAddress = $RemoteAddress
            Description   = "Created $(Get-Date -Format s) by $env:USERNAME via FirewallRule.ps1"
        }
        if ($Protocol -ne 'Any') { $params.Protocol = $Protocol }
        if ($Port) { $params.LocalPort = $Port }
        if ($Program) {
            if (-not (Test-Path -LiteralPath $Program)) { throw "Program not found: $Program" }
            $params.Program = $Program
        }
        if (Get-NetFirewallRule -DisplayName $Name -ErrorAction SilentlyContinue) {
            throw "A rule named '$Name' already exists."
        }
        Write-Host 'Rule to create:'; [pscustomobject]$params | Format-List
        if (-not $Apply) { Write-Host 'Preview only. Re-run with -Apply in an elevated PowerShell.'; return }
        if (-not (Test-Elevated)) { throw 'Run PowerShell as Administrator to apply.' }
        New-NetFirewallRule @params | ForEach-Object { Format-Rule $_ } | Format-List
    }
    'Remove' {
        $rules = Get-NetFirewallRule -DisplayName $Name -ErrorAction SilentlyContinue | Where-Object Group -eq $Group
        if (-not $rules) { throw "No rule named '$Name' in group '$Group'." }
        $rules | ForEach-Object { Format-Rule $_ } | Format-Table -AutoSize
        if (-not $Apply) { Write-Host 'Preview only. Re-run with -Apply to remove.'; return }
        if (-not (Test-Elevated)) { throw 'Run PowerShell as Administrator to apply.' }
        $rules | Remove-NetFirewallRule
        Write-Host "Removed $($rules.Count) rule(s)."
    }
}
