<#
.SYNOPSIS  Enable/disable Remote Desktop limited to a LAN subnet. Read-only with -Status.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
  [switch]$Status,
  [switch]$Enable,
  [switch]$Disable,
  [string]$Subnet,
  [string]$User
)
$ErrorActionPreference = 'Stop'
$ts = 'HKLM:\System\CurrentControlSet\Control\Terminal Server'
$rdpTcp = "$ts\WinStations\RDP-Tcp"
$ruleName = 'RDP from LAN (rdp_lan.ps1)'
$stateDir = Join-Path $env:ProgramData 'rdp_lan'
$stateFile = Join-Path $stateDir 'previous.json'

function Test-Admin {
  ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}
function Get-RdpGroupRules { Get-NetFirewallRule -Group '@FirewallAPI.dll,-28752' -ErrorAction SilentlyContinue }

if ($Status) {
  $deny = (Get-ItemProperty $ts).fDenyTSConnections
  $nla = (Get-ItemProperty $rdpTcp).UserAuthentication
  $port = (Get-ItemProperty $rdpTcp).PortNumber
  "RDP enabled: $([bool]($deny -eq 0))   NLA: $([bool]($nla -eq 1))   Port: $port"
  "`nFirewall rules (Remote Desktop group):"
  Get-RdpGroupRules | ForEach-Object {
    $addr = ($_ | Get-NetFirewallAddressFilter).RemoteAddress -join ','
    "  {0,-45} enabled={1} profile={2} remote={3}" -f $_.DisplayName, $_.Enabled, $_.Profile, $addr
  }
  Get-NetFirewallRule -DisplayName $ruleName -ErrorAction SilentlyContinue | ForEach-Object {
    "  {0,-45} enabled={1} profile={2} remote={3}" -f $_.DisplayName, $_.Enabled, $_.Profile, (($_ | Get-NetFirewallAddressFilter).RemoteAddress -join ',')
  }
  "`nRemote Desktop Users:"; Get-LocalGroupMember -SID 'S-1-5-32-555' -ErrorAction SilentlyContinue | ForEach-Object { "  $($_.Name)" }
  "`nNetwork profiles:"; Get-NetConnectionProfile | ForEach-Object { "  $($_.InterfaceAlias): $($_.NetworkCategory)" }
  "`nLocal IPv4 subnets:"
  Get-NetIPAddress -AddressFamily IPv4 | Where-Object { $_.IPAddress -notlike '127.*' -and $_.IPAddress -notlike '169.254.*' } |
    ForEach-Object { "  $($_.InterfaceAlias): $($_.IPAddress)/$($_.PrefixLength)" }
  return
}

if ($Enable) {
  if (-not $Subnet) { throw '-Subnet is required (e.g. 192.168.1.0/24)' }
  if ($Subnet -match '^(0\.0\.0\.0/0|Any|\*)$') { throw 'Refusing: the subnet must be your LAN, not Any.' }
  if ($Subnet -notmatch '^(10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.)\d{1,3}\.\d{1,3}(\.\d{1,3})?/(1[6-9]|2[0-9]|3[0-2])$') {
    throw "Refusing: $Subnet is not a private LAN range (10/8, 172.16/12, 192.168/16) with prefix /16 or narrower."
  }
  if (-not $User) { throw '-User is required (e.g. PCNAME\name or MicrosoftAccount\you@example.com)' }
  if (-not $WhatIfPreference -and -not (Test-Admin)) { throw 'Run from an elevated PowerShell.' }

  $prev = @{
    fDenyTSConnections = (Get-ItemProperty $ts).fDenyTSConnections
    UserAuthentication = (Get-ItemProperty $rdpTcp).UserAuthentication
    GroupRulesEnabled  = @(Get-RdpGroupRules | Where-Object Enabled -eq 'True' | ForEach-Object Name)
    AddedUser          = $null
  }

  if ($PSCmdlet.ShouldProcess('Terminal Server', 'Set fDenyTSConnections=0 (enable RDP)')) { Set-ItemProperty $ts -Name fDenyTSConnections -Value 0 }
  if ($PSCmdlet.ShouldProcess('RDP-Tcp', 'Set UserAuthentication=1 (require NLA)')) { Set-ItemProperty $rdpTcp -Name UserAuthentication -Value 1 }
  if ($PSCmdlet.ShouldProcess('Remote Desktop rule group', 'Disable built-in rules (they allow Any address)')) { Get-RdpGroupRules | Disable-NetFirewallRule }
  if ($PSCmdlet.ShouldProcess($ruleName, "Allow TCP/UDP 3389 from $Subnet on Private profile")) {
    Get-NetFirewallRule -DisplayName $ruleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule
    New-NetFirewallRule -DisplayName $ruleName -Direction Inbound -Protocol TCP -LocalPort 3389 -RemoteAddress $Subnet -Profile Private -Action Allow | Out-Null
    New-NetFirewallRule -DisplayName $ruleName -Direction Inbound -Protocol UDP -LocalPort 3389 -RemoteAddress $Subnet -Profile Private -Action Allow | Out-Null
  }
  $isAdmin = Get-LocalGroupMember -SID 'S-1-5-32-544' -ErrorAction SilentlyContinue | Where-Object { $_.Name -ieq $User }
  $isMember = Get-LocalGroupMember -SID 'S-1-5-32-555' -ErrorAction SilentlyContinue | Where-Object { $_.Name -ieq $User }
  if (-not $isAdmin -and -not $isMember) {
    if ($PSCmdlet.ShouldProcess('Remote Desktop Users', "Add $User")) {
      Add-LocalGroupMember -SID 'S-1-5-32-555' -Member $User
      $prev.AddedUser = $User
    }
  }
  if (-not $WhatIfPreference) {
    New-Item -ItemType Directory -Force -Path $stateDir | Out-Null
    $prev | ConvertTo-Json | Set-Content $stateFile
    "Done. Previous state saved to $stateFile. Test with: mstsc /v:<this-pc-ip> from a LAN machine."
  }
  return
}

if ($Disable) {
  if (-not $WhatIfPreference -and -not (Test-Admin)) { throw 'Run from an elevated PowerShell.' }
  $prev = if (Test-Path $stateFile) { Get-Content $stateFile | ConvertFrom-Json } else { $null }
  if ($PSCmdlet.ShouldProcess('Terminal Server', 'Set fDenyTSConnections=1 (disable RDP)')) { Set-ItemProperty $ts -Name fDenyTSConnections -Value 1 }
  if ($PSCmdlet.ShouldProcess($ruleName, 'Remove custom firewall rules')) { Get-NetFirewallRule -DisplayName $ruleName -ErrorAction SilentlyContinue | Remove-NetFirewallRule }
  if ($prev -and $prev.GroupRulesEnabled) {
    if ($PSCmdlet.ShouldProcess('Remote Desktop rule group', 'Restore previously enabled built-in rules')) {
      $prev.GroupRulesEnabled | ForEach-Object { Enable-NetFirewallRule -Name $_ }
    }
  }
  if ($prev -and $prev.AddedUser) {
    if ($PSCmdlet.ShouldProcess('Remote Desktop Users', "Remove $($prev.AddedUser)")) { Remove-LocalGroupMember -SID 'S-1-5-32-555' -Member $prev.AddedUser }
  }
  if (-not $WhatIfPreference -and (Test-Path $stateFile)) { Remove-Item $stateFile }
  'RDP disabled.'
  return
}

Get-Help $MyInvocation.MyCommand.Path
