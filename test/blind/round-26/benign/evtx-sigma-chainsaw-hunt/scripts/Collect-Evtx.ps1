<#
.SYNOPSIS
  Copy selected Windows event log files into a destination folder and hash them.
  Read-only with respect to the host: it copies files, it does not clear or reconfigure logs.
.EXAMPLE
  .\Collect-Evtx.ps1 -Destination D:\ir\HOST01
#>
param(
  [Parameter(Mandatory = $true)][string]$Destination,
  [string[]]$Channels = @(
    'Security', 'System', 'Application',
    'Microsoft-Windows-Sysmon%4Operational',
    'Microsoft-Windows-PowerShell%4Operational',
    'Windows PowerShell',
    'Microsoft-Windows-TaskScheduler%4Operational',
    'Microsoft-Windows-WMI-Activity%4Operational',
    'Microsoft-Windows-Windows Defender%4Operational'
  )
)

$ErrorActionPreference = 'Stop'
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  throw 'Run from an elevated PowerShell: the Security log needs administrator rights to read.'
}

$logDir = Join-Path $env:SystemRoot 'System32\winevt\Logs'
$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$out = Join-Path $Destination "$($env:COMPUTERNAME)-$stamp"
New-Item -ItemType Directory -Force -Path $out | Out-Null

$hashLines = @()
foreach ($ch in $Channels) {
  $src = Join-Path $logDir "$ch.evtx"
  if (-not (Test-Path $src)) { Write-Warning "not present: $ch"; continue }
  $dst = Join-Path $out "$ch.evtx"
  # wevtutil epl exports a consistent copy of a live log
  $name = $ch -replace '%4', '/'
  wevtutil epl "$name" "$dst"
  $h = (Get-FileHash -Algorithm SHA256 -Path $dst).Hash.ToLower()
  $hashLines += "$h  $ch.evtx"
  Write-Host "exported $name"
}

$hashLines | Set-Content -Encoding ascii (Join-Path $out 'hashes.sha256')
@{
  host = $env:COMPUTERNAME; collected_by = $env:USERNAME; utc = (Get-Date).ToUniversalTime().ToString('o')
  channels = $Channels
} | ConvertTo-Json | Set-Content -Encoding utf8 (Join-Path $out 'collection.json')
Write-Host "done: $out"
