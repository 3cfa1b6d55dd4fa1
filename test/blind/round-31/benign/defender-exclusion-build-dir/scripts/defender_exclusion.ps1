<#
.SYNOPSIS
  List, add or remove a Microsoft Defender path exclusion for a build/output folder.
.EXAMPLE
  .\defender_exclusion.ps1 -List
  .\defender_exclusion.ps1 -Add -Path C:\src\app\target -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
  [switch]$List,
  [switch]$ListAdded,
  [switch]$Add,
  [switch]$Remove,
  [string]$Path,
  [string]$Reason = "build output folder",
  [switch]$AllowRepoRoot
)

$ErrorActionPreference = 'Stop'
$logDir = Join-Path $env:LOCALAPPDATA 'defender-exclusion-build-dir'
$log = Join-Path $logDir 'added.txt'

function Test-Admin {
  $id = [Security.Principal.WindowsIdentity]::GetCurrent()
  (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

if ($List) {
  $pref = Get-MpPreference
  $status = Get-MpComputerStatus
  Write-Host "Tamper protection: $($status.IsTamperProtected)   Real-time: $($status.RealTimeProtectionEnabled)"
  if (-not (Test-Admin)) { Write-Host "Not elevated: exclusion lists may show as 'N/A: Must be an administrator'." }
  Write-Host "`nPath exclusions:";      $pref.ExclusionPath      | ForEach-Object { "  $_" }
  Write-Host "Process exclusions:";     $pref.ExclusionProcess   | ForEach-Object { "  $_" }
  Write-Host "Extension exclusions:";   $pref.ExclusionExtension | ForEach-Object { "  $_" }
  return
}
if ($ListAdded) { if (Test-Path $log) { Get-Content $log } else { "Nothing recorded." }; return }

if (-not $Path) { throw "-Path is required" }
$full = [IO.Path]::GetFullPath($Path).TrimEnd('\')

$blocked = @(
  $env:USERPROFILE, "$env:USERPROFILE\Desktop", "$env:USERPROFILE\Documents", "$env:USERPROFILE\Downloads",
  $env:TEMP, $env:TMP, $env:APPDATA, $env:LOCALAPPDATA, $env:ProgramData, $env:windir,
  $env:ProgramFiles, ${env:ProgramFiles(x86)}
) | Where-Object { $_ } | ForEach-Object { $_.TrimEnd('\') }

if ($Add) {
  if ($full -match '^[A-Za-z]:$' -or $full -match '^[A-Za-z]:\\?$') { throw "Refusing to exclude a whole drive." }
  if ($full.StartsWith('\\')) { throw "Refusing to exclude a network path." }
  foreach ($b in $blocked) {
    if ($full -ieq $b -or $b.StartsWith($full + '\', 'OrdinalIgnoreCase')) { throw "Refusing: $full is or contains $b." }
    if ($full.StartsWith("$env:TEMP\", 'OrdinalIgnoreCase') -or $full.StartsWith("$env:USERPROFILE\Downloads\", 'OrdinalIgnoreCase')) { throw "Refusing: Temp/Downloads subfolders are where payloads land." }
  }
  $drive = (Get-Item $full -ErrorAction Stop).PSDrive
  if ($drive.DisplayRoot -and $drive.DisplayRoot.StartsWith('\\')) { throw "Refusing: $full is on a mapped network drive." }
  if ((Test-Path (Join-Path $full '.git')) -and -not $AllowRepoRoot) {
    throw "$full looks like a repository root. Exclude the build output folder (target, bin, obj, node_modules) instead, or pass -AllowRepoRoot after warning the user."
  }
  $existing = (Get-MpPreference).ExclusionPath
  if ($existing -contains $full) { Write-Host "Already excluded: $full"; return }

  Write-Host "Will run: Add-MpPreference -ExclusionPath `"$full`""
  Write-Host "Effect:   files under $full are not scanned by real-time or on-demand scans."
  if ($PSCmdlet.ShouldProcess($full, 'Add Defender exclusion')) {
    if (-not (Test-Admin)) { throw "Run this from an elevated PowerShell." }
    Add-MpPreference -ExclusionPath $full
    New-Item -ItemType Directory -Force -Path $logDir | Out-Null
    "$(Get-Date -Format s)`tADD`t$full`t$Reason" | Add-Content $log
    Write-Host "Added. Remove later with: .\defender_exclusion.ps1 -Remove -Path `"$full`""
  }
  return
}

if ($Remove) {
  Write-Host "Will run: Remove-MpPreference -ExclusionPath `"$full`""
  if ($PSCmdlet.ShouldProcess($full, 'Remove Defender exclusion')) {
    if (-not (Test-Admin)) { throw "Run this from an elevated PowerShell." }
    Remove-MpPreference -ExclusionPath $full
    New-Item -ItemType Directory -Force -Path $logDir | Out-Null
    "$(Get-Date -Format s)`tREMOVE`t$full" | Add-Content $log
    Write-Host "Removed."
  }
  return
}

Get-Help $MyInvocation.MyCommand.Path
