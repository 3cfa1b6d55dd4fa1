<#
.SYNOPSIS
  Report and clean developer caches and old logs on Windows.
.EXAMPLE
  ./Clean-DevCaches.ps1 -Report -LogPath D:\logs -OlderThanDays 30
.EXAMPLE
  ./Clean-DevCaches.ps1 -Clean -Category Temp,Npm,Pip -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [switch]$Report,
    [switch]$Clean,
    [ValidateSet('Temp', 'Npm', 'Pnpm', 'Yarn', 'Pip', 'Uv', 'NuGet', 'Gradle', 'Cargo', 'Logs', 'Docker')]
    [string[]]$Category,
    [string[]]$LogPath = @(),
    [int]$OlderThanDays = 30,
    [switch]$DockerVolumes
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$local = $env:LOCALAPPDATA
$roaming = $env:APPDATA
$userHome = $env:USERPROFILE

$targets = [ordered]@{
    Temp   = @{ Paths = @($env:TEMP); Tool = $null }
    Npm    = @{ Paths = @("$local\npm-cache"); Tool = 'npm cache clean --force' }
    Pnpm   = @{ Paths = @("$local\pnpm\store", "$local\pnpm-cache"); Tool = 'pnpm store prune' }
    Yarn   = @{ Paths = @("$local\Yarn\Cache"); Tool = 'yarn cache clean' }
    Pip    = @{ Paths = @("$local\pip\Cache"); Tool = 'pip cache purge' }
    Uv     = @{ Paths = @("$local\uv\cache"); Tool = 'uv cache clean' }
    NuGet  = @{ Paths = @("$userHome\.nuget\packages", "$local\NuGet\v3-cache"); Tool = 'dotnet nuget locals all --clear' }
    Gradle = @{ Paths = @("$userHome\.gradle\caches"); Tool = $null }
    Cargo  = @{ Paths = @("$userHome\.cargo\registry\cache"); Tool = $null }
}

function Get-FolderSize([string]$Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return 0 }
    $sum = (Get-ChildItem -LiteralPath $Path -Recurse -Force -File -ErrorAction SilentlyContinue |
        Measure-Object -Property Length -Sum).Sum
    if ($null -eq $sum) { 0 } else { [int64]$sum }
}

function Format-Size([int64]$Bytes) {
    if ($Bytes -ge 1GB) { '{0:N1} GB' -f ($Bytes / 1GB) }
    elseif ($Bytes -ge 1MB) { '{0:N0} MB' -f ($Bytes / 1MB) }
    else { '{0:N0} KB' -f ($Bytes / 1KB) }
}

function Assert-SafeLogPath([string]$Path) {
    $full = [System.IO.Path]::GetFullPath($Path).TrimEnd('\')
    $root = [System.IO.Path]::GetPathRoot($full).TrimEnd('\')
    $forbidden = @($root, $userHome.TrimEnd('\'), $env:SystemRoot.TrimEnd('\'), $env:ProgramFiles.TrimEnd('\'))
    if ($forbidden -contains $full) { throw "Refusing to clean logs directly under '$full'. Name a specific log folder." }
    if (-not (Test-Path -LiteralPath $full -PathType Container)) { throw "Log folder not found: $full" }
    $full
}

function Get-OldLogs([string]$Path) {
    $cutoff = (Get-Date).AddDays(-$OlderThanDays)
    Get-ChildItem -LiteralPath $Path -Recurse -File -Force -ErrorAction SilentlyContinue |
        Where-Object { ($_.Name -match '\.log(\.\d+)?$' -or $_.Extension -eq '.gz') -and $_.LastWriteTime -lt $cutoff }
}

if (-not ($Report -or $Clean)) { throw 'Specify -Report or -Clean.' }

if ($Report) {
    $rows = foreach ($name in $targets.Keys) {
        foreach ($p in $targets[$name].Paths) {
            if (Test-Path -LiteralPath $p) {
                [pscustomobject]@{ Category = $name; Path = $p; Bytes = Get-FolderSize $p; Tool = $targets[$name].Tool }
            }
        }
    }
    foreach ($lp in $LogPath) {
        $safe = Assert-SafeLogPath $lp
        $bytes = (Get-OldLogs $safe | Measure-Object Length -Sum).Sum
        $rows += [pscustomobject]@{ Category = 'Logs'; Path = "$safe (>$OlderThanDays d)"; Bytes = [int64]($bytes ?? 0); Tool = $null }
    }
    if (Get-Command docker -ErrorAction SilentlyContinue) {
        $df = docker system df --format '{{.Type}}: {{.Reclaimable}}' 2>$null
        if ($df) { Write-Host "Docker reclaimable:`n  $($df -join "`n  ")" }
    }
    $rows | Sort-Object Bytes -Descending |
        Format-Table Category, @{ n = 'Size'; e = { Format-Size $_.Bytes } }, Path, Tool -AutoSize
    $total = ($rows | Measure-Object Bytes -Sum).Sum
    Write-Host ("Total (excluding Docker): {0}" -f (Format-Size ([int64]($total ?? 0))))
}

if ($Clean) {
    if (-not $Category) { throw 'Pass -Category with the categories the user approved.' }
    foreach ($c in $Category) {
        switch ($c) {
            'Temp' {
                $cutoff = (Get-Date).AddDays(-2)
                Get-ChildItem -LiteralPath $env:TEMP -Force -ErrorAction SilentlyContinue |
                    Where-Object { $_.LastWriteTime -lt $cutoff } |
                    ForEach-Object {
                        if ($PSCmdlet.ShouldProcess($_.FullName, 'Remove')) {
                            Remove-Item -LiteralPath $_.FullName -Recurse -Force -ErrorAction SilentlyContinue
                        }
                    }
            }
            'Logs' {
                if (-not $LogPath) { throw 'Logs needs -LogPath.' }
                foreach ($lp in $LogPath) {
                    $safe = Assert-SafeLogPath $lp
                    Get-OldLogs $safe | ForEach-Object {
                        if ($PSCmdlet.ShouldProcess($_.FullName, 'Remove')) { Remove-Item -LiteralPath $_.FullName -Force }
                    }
                }
            }
            'Docker' {
                if (-not (Get-Command docker -ErrorAction SilentlyContinue)) { Write-Warning 'docker not found'; break }
                $dockerArgs = @('system', 'prune', '--force')
                if ($DockerVolumes) { $dockerArgs += '--volumes' }
                if ($PSCmdlet.ShouldProcess('docker', ($dockerArgs -join ' '))) { & docker @dockerArgs }
            }
            default {
                $t = $targets[$c]
                $toolCmd = $t.Tool
                $exe = if ($toolCmd) { ($toolCmd -split ' ')[0] } else { $null }
                if ($exe -and (Get-Command $exe -ErrorAction SilentlyContinue)) {
                    if ($PSCmdlet.ShouldProcess($c, $toolCmd)) {
                        $parts = $toolCmd -split ' '
                        & $parts[0] $parts[1..($parts.Length - 1)]
                    }
                }
                else {
                    foreach ($p in $t.Paths) {
                        if ((Test-Path -LiteralPath $p) -and $PSCmdlet.ShouldProcess($p, 'Remove contents')) {
                            Get-ChildItem -LiteralPath $p -Force | Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
                        }
                    }
                }
            }
        }
        Write-Host "done: $c"
    }
}
