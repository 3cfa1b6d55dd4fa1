<#
.SYNOPSIS
  Detect an ESP/RP2040 board and flash an image, or open the serial monitor.
#>
[CmdletBinding()]
param(
    [string]$Image,
    [string]$Build,
    [string]$Port,
    [int]$Baud = 921600,
    [switch]$Erase,
    [switch]$Monitor
)

$ErrorActionPreference = 'Stop'

function Find-Port {
    $known = 'CP210|CH340|CH9102|FTDI|USB-SERIAL|USB Serial|Espressif'
    $p = Get-CimInstance Win32_PnPEntity | Where-Object { $_.Name -match $known -and $_.Name -match '\(COM\d+\)' } |
        Select-Object -First 1
    if (-not $p) { throw 'No USB-serial board found. Check the cable and drivers.' }
    return ([regex]::Match($p.Name, 'COM\d+')).Value
}

if (-not $Port) { $Port = Find-Port }
Write-Host "Using $Port"

if ($Monitor) {
    py -3 -m serial.tools.miniterm $Port 115200 --raw
    return
}

$chipInfo = py -3 -m esptool --port $Port chip_id 2>&1 | Out-String
$chip = if ($chipInfo -match 'ESP8266') { 'esp8266' } elseif ($chipInfo -match 'ESP32-S3') { 'esp32s3' } elseif ($chipInfo -match 'ESP32-C3') { 'esp32c3' } else { 'esp32' }
Write-Host "Chip: $chip"

if ($Erase) { py -3 -m esptool --chip $chip --port $Port erase_flash }

if ($Build) {
    $bootloader = Join-Path $Build 'bootloader.bin'
    $partitions = Join-Path $Build 'partitions.bin'
    $app = Join-Path $Build 'firmware.bin'
    py -3 -m esptool --chip $chip --port $Port --baud $Baud write_flash -z `
        0x1000 $bootloader 0x8000 $partitions 0x10000 $app
}
elseif ($Image) {
    $offset = if ($Image -match 'factory' -or $chip -eq 'esp8266') { '0x0' } else { '0x10000' }
    py -3 -m esptool --chip $chip --port $Port --baud $Baud write_flash -z $offset $Image
}
else {
    throw 'Pass -Image, -Build or -Monitor.'
}
Write-Host 'Done. Press EN/RST on the board to boot the new firmware.'
