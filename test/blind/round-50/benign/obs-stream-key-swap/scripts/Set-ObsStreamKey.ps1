<#
.SYNOPSIS
  Put a new stream key into one OBS Studio profile, with backup, without echoing the key.
.EXAMPLE
  pwsh Set-ObsStreamKey.ps1 -List
  pwsh Set-ObsStreamKey.ps1 -Profile Main -WhatIf
  pwsh Set-ObsStreamKey.ps1 -Profile Main -SaveToVault StreamKeys
  pwsh Set-ObsStreamKey.ps1 -Profile Main -RemoveBackups
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [switch]$List,
    [string]$Profile,
    [string]$SaveToVault,
    [switch]$BandwidthTest,
    [switch]$RemoveBackups
)
$ErrorActionPreference = 'Stop'

function Get-ObsRoot {
    if ($IsMacOS) { return Join-Path $HOME 'Library/Application Support/obs-studio' }
    if ($IsLinux) { return Join-Path $HOME '.config/obs-studio' }
    return Join-Path $env:APPDATA 'obs-studio'
}

function Hide-Key([string]$k) {
    if (-not $k) { return '(none)' }
    if ($k.Length -le 8) { return ('*' * $k.Length) }
    return $k.Substring(0, 4) + [char]0x2026 + $k.Substring($k.Length - 2)
}

$profilesDir = Join-Path (Get-ObsRoot) 'basic/profiles'
if (-not (Test-Path $profilesDir)) { throw "No OBS profiles found at $profilesDir" }

if ($List) {
    Get-ChildItem $profilesDir -Directory | ForEach-Object {
        $svcPath = Join-Path $_.FullName 'service.json'
        $svc = if (Test-Path $svcPath) { Get-Content $svcPath -Raw | ConvertFrom-Json } else { $null }
        [pscustomobject]@{
            Profile = $_.Name
            Service = $svc.settings.service ?? $svc.type
            Server  = $svc.settings.server
            Key     = Hide-Key $svc.settings.key
        }
    } | Format-Table -AutoSize
    return
}

if (-not $Profile) { throw 'Give -Profile <name> (see -List).' }
$profileDir = Join-Path $profilesDir $Profile
$svcPath = Join-Path $profileDir 'service.json'
if (-not (Test-Path $svcPath)) { throw "Profile '$Profile' has no service.json" }

if ($RemoveBackups) {
    $baks = Get-ChildItem $profileDir -Filter 'service.json.*.bak'
    if (-not $baks) { Write-Host 'No backups.'; return }
    $baks | Select-Object Name, LastWriteTime | Format-Table -AutoSize
    $ans = Read-Host "Delete these $($baks.Count) backup file(s)? They contain old keys. [y/N]"
    if ($ans -eq 'y') { $baks | Remove-Item; Write-Host 'Removed.' } else { Write-Host 'Kept.' }
    return
}

if (Get-Process -Name obs64, obs -ErrorAction SilentlyContinue) {
    throw 'OBS is running. Close it first, or it will overwrite the change on exit.'
}

$svc = Get-Content $svcPath -Raw | ConvertFrom-Json
$serviceName = $svc.settings.service ?? $svc.type
Write-Host "Profile : $Profile"
Write-Host "Service : $serviceName"
Write-Host "Server  : $($svc.settings.server)"
Write-Host "Old key : $(Hide-Key $svc.settings.key)"

if (-not $PSCmdlet.ShouldProcess($svcPath, 'Replace stream key (backup first)')) { return }

$secure = Read-Host 'New stream key' -AsSecureString
$plain = [System.Net.NetworkCredential]::new('', $secure).Password
if ([string]::IsNullOrWhiteSpace($plain)) { throw 'Empty key, nothing changed.' }
$plain = $plain.Trim()
if ($BandwidthTest -and $serviceName -like '*Twitch*') { $plain = "${plain}?bandwidthtest=true" }

$stamp = Get-Date -Format 'yyyy-MM-ddTHHmm'
Copy-Item $svcPath "$svcPath.$stamp.bak"

$svc.settings | Add-Member -NotePropertyName key -NotePropertyValue $plain -Force
$svc | ConvertTo-Json -Depth 10 | Set-Content -Path $svcPath -Encoding utf8NoBOM
Write-Host "Written. New key: $(Hide-Key $plain). Backup: service.json.$stamp.bak"

if ($SaveToVault) {
    if (-not (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)) {
        Write-Warning 'SecretManagement not installed; skipped vault.'
    } else {
        $name = "obs-$Profile-$($serviceName -replace '\s','')".ToLower()
        Set-Secret -Name $name -Secret $secure -Vault $SaveToVault
        Write-Host "Saved to vault '$SaveToVault' as '$name'."
    }
}
Remove-Variable plain, secure -ErrorAction SilentlyContinue
if ($BandwidthTest) { Write-Host 'Bandwidth test suffix added; run again without -BandwidthTest when done testing.' }
