<#
.SYNOPSIS
  Report and clear developer caches and temp files on Windows.
.EXAMPLE
  ./Clear-DevCaches.ps1                                  # report only
  ./Clear-DevCaches.ps1 -Categories Npm,Pip -Confirm
  ./Clear-DevCaches.ps1 -Categories All -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [ValidateSet('All','Temp','Npm','Pnpm','Yarn','Pip','NuGet','Gradle','Maven','Cargo','Go','Docker','BrowserCache','WindowsUpdate')]
    [string[]] $Categories = @()
)

$ErrorActionPreference = 'Continue'
$home_ = $env:USERPROFILE
$local = $env:LOCALAPPDATA

function Get-DirSize([string]$Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return 0 }
    (Get-ChildItem -LiteralPath $Path -Recurse -Force -File -ErrorAction SilentlyContinue |
        Measure-Object -Property Length -Sum).Sum
}

function Format-Size([double]$b) {
    if ($b -ge 1GB) { '{0:N1} GB' -f ($b / 1GB) } elseif ($b -ge 1MB) { '{0:N0} MB' -f ($b / 1MB) } else { '{0:N0} KB' -f ($b / 1KB) }
}

function Test-ProcessRunning([string[]]$Names) {
    [bool](Get-Process -Name $Names -ErrorAction SilentlyContinue)
}

$browserRoots = @(
    "$local\Google\Chrome\User Data",
    "$local\Microsoft\Edge\User Data"
)
$browserCacheDirs = foreach ($root in $browserRoots) {
    if (Test-Path $root) {
        Get-ChildItem -LiteralPath $root -Directory -ErrorAction SilentlyContinue |
            Where-Object { $_.Name -eq 'Default' -or $_.Name -like 'Profile *' } |
            ForEach-Object { foreach ($c in 'Cache', 'Code Cache', 'GPUCache') { Join-Path $_.FullName $c } }
    }
}
$browserCacheDirs += "$env:APPDATA\Code\Cache", "$env:APPDATA\Code\CachedData", "$env:APPDATA\Code\Code Cache"

$defs = [ordered]@{
    Temp          = @{ Paths = @($env:TEMP) }
    Npm           = @{ Paths = @("$local\npm-cache");            Cmd = { npm cache clean --force } ; Tool = 'npm' }
    Pnpm          = @{ Paths = @("$local\pnpm\store");           Cmd = { pnpm store prune } ; Tool = 'pnpm' }
    Yarn          = @{ Paths = @("$local\Yarn\Cache");           Cmd = { yarn cache clean } ; Tool = 'yarn' }
    Pip           = @{ Paths = @("$local\pip\Cache");            Cmd = { pip cache purge } ; Tool = 'pip' }
    NuGet         = @{ Paths = @("$home_\.nuget\packages", "$local\NuGet\v3-cache"); Cmd = { dotnet nuget locals all --clear } ; Tool = 'dotnet' }
    Gradle        = @{ Paths = @("$home_\.gradle\caches") }
    Maven         = @{ Paths = @("$home_\.m2\repository") }
    Cargo         = @{ Paths = @("$home_\.cargo\registry\cache") }
    Go            = @{ Paths = @("$local\go-build");             Cmd = { go clean -cache } ; Tool = 'go' }
    Docker        = @{ Paths = @();                              Cmd = { docker builder prune -f; docker image prune -f } ; Tool = 'docker' }
    BrowserCache  = @{ Paths = $browserCacheDirs;                Guard = { -not (Test-ProcessRunning 'chrome','msedge','Code') } ; GuardMsg = 'close Chrome, Edge and VS Code first' }
    WindowsUpdate = @{ Paths = @("$env:WINDIR\SoftwareDistribution\Download"); Admin = $true }
}

# Report
$report = foreach ($name in $defs.Keys) {
    $size = ($defs[$name].Paths | ForEach-Object { Get-DirSize $_ } | Measure-Object -Sum).Sum
    [pscustomobject]@{ Category = $name; Size = Format-Size $size; Bytes = $size; Paths = ($defs[$name].Paths -join '; ') }
}
$report | Sort-Object Bytes -Descending | Format-Table Category, Size, Paths -AutoSize

if ($Categories.Count -eq 0) {
    Write-Host "Report only. Re-run with -Categories <names> (and -WhatIf to preview)."
    return
}
if ($Categories -contains 'All') { $Categories = @($defs.Keys) }

$isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole(
    [Security.Principal.WindowsBuiltInRole]::Administrator)
$freed = 0

foreach ($name in $Categories) {
    $d = $defs[$name]
    if ($d.Admin -and -not $isAdmin) { Write-Warning "$name needs an elevated shell; skipped"; continue }
    if ($d.Guard -and -not (& $d.Guard)) { Write-Warning "$name skipped: $($d.GuardMsg)"; continue }
    $before = ($d.Paths | ForEach-Object { Get-DirSize $_ } | Measure-Object -Sum).Sum

    if ($d.Cmd -and $d.Tool -and (Get-Command $d.Tool -ErrorAction SilentlyContinue)) {
        if ($PSCmdlet.ShouldProcess($name, "run $($d.Cmd.ToString().Trim())")) { & $d.Cmd }
    } else {
        if ($name -eq 'WindowsUpdate' -and $PSCmdlet.ShouldProcess('wuauserv', 'stop service')) { Stop-Service wuauserv -Force }
        foreach ($p in $d.Paths) {
            if (-not (Test-Path -LiteralPath $p)) { continue }
            $items = Get-ChildItem -LiteralPath $p -Force -ErrorAction SilentlyContinue
            if ($name -eq 'Temp') { $items = $items | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-2) } }
            if ($PSCmdlet.ShouldProcess($p, "delete $($items.Count) item(s)")) {
                $items | Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
            }
        }
        if ($name -eq 'WindowsUpdate' -and $PSCmdlet.ShouldProcess('wuauserv', 'start service')) { Start-Service wuauserv }
    }
    $after = ($d.Paths | ForEach-Object { Get-DirSize $_ } | Measure-Object -Sum).Sum
    $freed += [math]::Max(0, $before - $after)
    Write-Host ("{0,-14} freed {1}" -f $name, (Format-Size ([math]::Max(0, $before - $after))))
}
Write-Host ("Total freed: {0}" -f (Format-Size $freed))
