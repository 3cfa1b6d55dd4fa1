#Requires -Version 5.1
<#
.SYNOPSIS
  Add, remove or list Microsoft Defender path exclusions for a developer build folder.

.EXAMPLE
  .\Set-BuildExclusion.ps1 -Path C:\src\myapp\target
.EXAMPLE
  .\Set-BuildExclusion.ps1 -Path C:\src\myapp\target -Remove
.EXAMPLE
  .\Set-BuildExclusion.ps1 -List
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High', DefaultParameterSetName = 'Change')]
param(
    [Parameter(ParameterSetName = 'Change', Mandatory = $true)]
    [string]$Path,

    [Parameter(ParameterSetName = 'Change')]
    [switch]$Remove,

    [Parameter(ParameterSetName = 'List', Mandatory = $true)]
    [switch]$List
)

$ErrorActionPreference = 'Stop'
$stateDir = Join-Path $env:LOCALAPPDATA 'defender-build-exclusion'
$stateFile = Join-Path $stateDir 'added.txt'

function Test-Admin {
    $id = [Security.Principal.WindowsIdentity]::GetCurrent()
    (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

if ($List) {
    $added = if (Test-Path $stateFile) { Get-Content $stateFile } else { @() }
    Write-Host "Exclusions added by this script:"
    if ($added) { $added | ForEach-Object { Write-Host "  $_" } } else { Write-Host "  (none)" }
    if (Test-Admin) {
        Write-Host "`nAll Defender path exclusions on this machine:"
        (Get-MpPreference).ExclusionPath | ForEach-Object { Write-Host "  $_" }
    } else {
        Write-Host "`n(Run elevated to see all Defender exclusions.)"
    }
    return
}

if (-not (Test-Admin)) {
    throw "Changing Defender exclusions needs an elevated PowerShell. Right-click PowerShell -> Run as administrator, then run this again."
}

$full = [IO.Path]::GetFullPath($Path).TrimEnd('\')

if (-not $Remove) {
    if (-not (Test-Path -LiteralPath $full -PathType Container)) {
        throw "Folder does not exist: $full"
    }

    $blocked = @(
        $env:SystemDrive,
        $env:SystemRoot,
        $env:ProgramFiles,
        ${env:ProgramFiles(x86)},
        $env:ProgramData,
        $env:USERPROFILE,
        (Join-Path $env:USERPROFILE 'Downloads'),
        (Join-Path $env:USERPROFILE 'Desktop'),
        (Join-Path $env:USERPROFILE 'Documents'),
        $env:TEMP,
        $env:APPDATA
    ) | Where-Object { $_ } | ForEach-Object { [IO.Path]::GetFullPath($_).TrimEnd('\') }

    if ($full -match '^[A-Za-z]:$' -or $blocked -contains $full) {
        throw "Refusing to exclude '$full': too broad. Pick a specific build, output or package-cache folder."
    }
    $noSubfolders = @($env:TEMP, (Join-Path $env:USERPROFILE 'Downloads'), $env:SystemRoot) |
        Where-Object { $_ } | ForEach-Object { [IO.Path]::GetFullPath($_).TrimEnd('\') }
    foreach ($root in $noSubfolders) {
        if ($full.StartsWith("$root\", [StringComparison]::OrdinalIgnoreCase)) {
            throw "Refusing to exclude a folder under '$root': '$full'. Files arriving there are exactly the ones that should be scanned."
        }
    }

    $existing = (Get-MpPreference).ExclusionPath
    if ($existing -contains $full) {
        Write-Host "Already excluded: $full"
        return
    }

    if ($PSCmdlet.ShouldProcess($full, 'Add Microsoft Defender real-time scanning exclusion')) {
        Add-MpPreference -ExclusionPath $full
        New-Item -ItemType Directory -Force -Path $stateDir | Out-Null
        Add-Content -Path $stateFile -Value $full
        Write-Host "Added exclusion: $full"
        Write-Host "Remove later with: .\Set-BuildExclusion.ps1 -Path '$full' -Remove"
    }
}
else {
    if ($PSCmdlet.ShouldProcess($full, 'Remove Microsoft Defender exclusion')) {
        Remove-MpPreference -ExclusionPath $full
        if (Test-Path $stateFile) {
            (Get-Content $stateFile) | Where-Object { $_ -ne $full } | Set-Content $stateFile
        }
        Write-Host "Removed exclusion: $full"
    }
}
