<#
.SYNOPSIS
  Create, update or remove one user-requested Windows Firewall rule, with preview and backup.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
  [Parameter(Mandatory)] [string] $Name,
  [ValidateSet('Inbound', 'Outbound')] [string] $Direction = 'Inbound',
  [ValidateSet('Allow', 'Block')] [string] $Action = 'Allow',
  [ValidateSet('TCP', 'UDP', 'ICMPv4', 'ICMPv6', 'Any')] [string] $Protocol = 'TCP',
  [string[]] $LocalPort,
  [string[]] $RemoteAddress,
  [ValidateSet('Domain', 'Private', 'Public', 'Any')] [string[]] $Profile = @('Private'),
  [string] $Program,
  [switch] $Update,
  [switch] $Remove
)

$ErrorActionPreference = 'Stop'
$Group = 'UserRequested'

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run this from an elevated PowerShell (Run as administrator).'
}

foreach ($p in Get-NetFirewallProfile) {
  if ($p.AllowLocalFirewallRules -eq 'False') {
    Write-Warning "Profile $($p.Name): Group Policy does not merge local rules; a local rule will have no effect."
  }
}

function Describe {
  $from = if ($RemoteAddress) { $RemoteAddress -join ', ' } else { 'ANY address' }
  $ports = if ($LocalPort) { "$Protocol $($LocalPort -join ',')" } else { $Protocol }
  $prog = if ($Program) { " for $Program" } else { '' }
  $verb = $Action.ToLower()
  if ($Direction -eq 'Inbound') { "$verb inbound $ports to this PC from $from$prog on $($Profile -join '/') networks" }
  else { "$verb outbound $ports from this PC to $from$prog on $($Profile -join '/') networks" }
}

$existing = Get-NetFirewallRule -DisplayName $Name -ErrorAction SilentlyContinue

if ($Remove) {
  if (-not $existing) { Write-Host "No rule named '$Name'."; return }
  $existing | Format-Table DisplayName, Group, Enabled, Direction, Action, Profile
  if ($PSCmdlet.ShouldProcess($Name, 'Remove firewall rule')) {
    $existing | Remove-NetFirewallRule
    Write-Host "Removed '$Name'."
  }
  return
}

if ($Direction -eq 'Inbound' -and -not $RemoteAddress) {
  Write-Warning 'No -RemoteAddress: the rule would accept connections from any address.'
}
if ($Direction -eq 'Inbound' -and $Action -eq 'Allow' -and ($Profile -contains 'Public' -or $Profile -contains 'Any')) {
  Write-Warning 'Inbound allow on the Public profile: applies on untrusted networks (hotels, cafés).'
}

if ($LocalPort) {
  Write-Host "`nExisting rules touching $Protocol $($LocalPort -join ','):"
  Get-NetFirewallPortFilter -Protocol $Protocol -ErrorAction SilentlyContinue |
    Where-Object { $pf = $_; $LocalPort | Where-Object { $pf.LocalPort -contains $_ } } |
    Get-NetFirewallRule | Where-Object Direction -eq $Direction |
    ForEach-Object {
      $af = $_ | Get-NetFirewallAddressFilter
      [pscustomobject]@{ Name = $_.DisplayName; Enabled = $_.Enabled; Action = $_.Action; Profile = $_.Profile; Remote = ($af.RemoteAddress -join ',') }
    } | Format-Table -AutoSize
}

$params = @{
  DisplayName = $Name; Group = $Group; Direction = $Direction; Action = $Action
  Protocol = $Protocol; Profile = $Profile
}
if ($LocalPort) { $params.LocalPort = $LocalPort }
if ($RemoteAddress) { $params.RemoteAddress = $RemoteAddress }
if ($Program) { $params.Program = $Program }

Write-Host "`nSummary: $(Describe)"
Write-Host ("Call: {0}-NetFirewallRule {1}" -f ($(if ($existing -and $Update) { 'Set' } else { 'New' })),
  (($params.GetEnumerator() | ForEach-Object { "-$($_.Key) '$($_.Value -join ',')'" }) -join ' '))

if ($existing -and -not $Update) {
  throw "A rule named '$Name' already exists. Use -Update to change it, or pick another name."
}

if ($PSCmdlet.ShouldProcess($Name, (Describe))) {
  $dir = Join-Path $env:ProgramData 'fw-backup'
  New-Item -ItemType Directory -Force -Path $dir | Out-Null
  $backup = Join-Path $dir ("fw-{0:yyyyMMdd-HHmmss}.wfw" -f (Get-Date))
  netsh advfirewall export "$backup" | Out-Null
  Write-Host "Policy backup: $backup"

  if ($existing) {
    $params.Remove('DisplayName'); $params.Remove('Group')
    $existing | Set-NetFirewallRule @params
  } else {
    New-NetFirewallRule @params | Out-Null
  }
  $r = Get-NetFirewallRule -DisplayName $Name
  $r | Format-List DisplayName, Group, Enabled, Direction, Action, Profile
  $r | Get-NetFirewallPortFilter | Format-List Protocol, LocalPort
  $r | Get-NetFirewallAddressFilter | Format-List RemoteAddress
}
