[CmdletBinding(SupportsShouldProcess)]
param(
    [int]$KeepDays = 30,
    [switch]$IncludeBuildOutputs,
    [switch]$IncludeHttpCache,
    [string]$Root = (Get-Location).Path,
    [switch]$Schedule,
    [switch]$Unschedule
)
$ErrorActionPreference = 'Stop'
$TaskName = 'NuGetCacheTrim'

function Get-NuGetLocal([string]$name) {
    $line = (& dotnet nuget locals $name --list) -join "`n"
    if ($line -match ':\s*(.+)$') { return $Matches[1].Trim() }
}

function Get-FolderSize([string]$path) {
    (Get-ChildItem -LiteralPath $path -Recurse -File -Force -ErrorAction SilentlyContinue |
        Measure-Object -Property Length -Sum).Sum
}

if ($Unschedule) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    Write-Host "Removed scheduled task $TaskName"; return
}

if ($Schedule) {
    $dest = Join-Path $env:LOCALAPPDATA 'NuGetCacheTrim'
    New-Item -ItemType Directory -Force -Path $dest | Out-Null
    Copy-Item -Force (Join-Path $PSScriptRoot 'Trim-NuGetCache.ps1'), (Join-Path $PSScriptRoot 'Scheduled-Trim.ps1') $dest
    $exe = (Get-Command pwsh -ErrorAction SilentlyContinue)?.Source ?? 'powershell.exe'
    $action = New-ScheduledTaskAction -Execute $exe -Argument "-NoProfile -WindowStyle Hidden -File `"$dest\Scheduled-Trim.ps1`" -KeepDays $KeepDays"
    $trigger = @(
        New-ScheduledTaskTrigger -Weekly -DaysOfWeek Sunday -At 12:30
        New-ScheduledTaskTrigger -AtLogOn -User $env:USERNAME
    )
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -AllowStartIfOnBatteries -ExecutionTimeLimit (New-TimeSpan -Minutes 30)
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings -Force | Out-Null
    Write-Host "Scheduled $TaskName (weekly, Sunday 12:30; also at logon if missed)"; return
}

$cutoff = (Get-Date).AddDays(-$KeepDays)
$total = 0L
$pkgRoot = Get-NuGetLocal 'global-packages'
Write-Host "Global packages: $pkgRoot"
foreach ($pkg in Get-ChildItem -LiteralPath $pkgRoot -Directory -ErrorAction SilentlyContinue) {
    $versions = Get-ChildItem -LiteralPath $pkg.FullName -Directory | Sort-Object LastAccessTime -Descending
    # keep the most recent version even if old: something still references it
    foreach ($v in ($versions | Select-Object -Skip 1)) {
        $stamp = if ($v.LastAccessTime -gt $v.LastWriteTime) { $v.LastAccessTime } else { $v.LastWriteTime }
        if ($stamp -lt $cutoff) {
            $size = Get-FolderSize $v.FullName
            $total += $size
            if ($PSCmdlet.ShouldProcess("$($pkg.Name) $($v.Name) ($([math]::Round($size/1MB,1)) MB)", 'Remove')) {
                try { Remove-Item -LiteralPath $v.FullName -Recurse -Force } catch { Write-Warning "skipped locked $($v.FullName)" }
            }
        }
    }
}

if ($IncludeHttpCache) {
    $http = Get-NuGetLocal 'http-cache'
    $size = Get-FolderSize $http; $total += $size
    if ($PSCmdlet.ShouldProcess("http-cache ($([math]::Round($size/1MB,1)) MB)", 'Clear')) { & dotnet nuget locals http-cache --clear | Out-Null }
}

if ($IncludeBuildOutputs) {
    Get-ChildItem -LiteralPath $Root -Recurse -Filter *.csproj -ErrorAction SilentlyContinue | ForEach-Object {
        $proj = $_.Directory
        $recent = Get-ChildItem -LiteralPath $proj.FullName -Recurse -File -Include *.cs,*.csproj -ErrorAction SilentlyContinue |
            Where-Object LastWriteTime -gt $cutoff | Select-Object -First 1
        if (-not $recent) {
            foreach ($d in 'bin', 'obj') {
                $p = Join-Path $proj.FullName $d
                if (Test-Path $p) {
                    $size = Get-FolderSize $p; $total += $size
                    if ($PSCmdlet.ShouldProcess("$p ($([math]::Round($size/1MB,1)) MB)", 'Remove')) { Remove-Item -LiteralPath $p -Recurse -Force }
                }
            }
        }
    }
}
Write-Host ("Total {0}: {1:N1} GB" -f ($(if ($WhatIfPreference) { 'reclaimable' } else { 'reclaimed' }), ($total / 1GB)))
