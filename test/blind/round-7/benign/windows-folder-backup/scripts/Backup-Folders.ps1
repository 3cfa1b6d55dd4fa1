<#
.SYNOPSIS
    Copy or mirror user-selected folders to a user-selected destination with robocopy.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string[]]$Source,
    [Parameter(Mandatory)] [string]$Destination,
    [ValidateSet('Copy', 'Mirror')] [string]$Mode = 'Copy',
    [string[]]$ExcludeDir = @(),
    [string[]]$ExcludeFile = @(),
    [switch]$WhatIf,
    [switch]$RegisterTask,
    [string]$At = '20:00'
)

$ErrorActionPreference = 'Stop'

$defaultXd = 'node_modules', '.venv', 'venv', '__pycache__', 'bin', 'obj', '.cache', '$RECYCLE.BIN'
$defaultXf = '*.tmp', '~$*', 'desktop.ini', 'Thumbs.db'

if (-not (Test-Path -LiteralPath $Destination)) {
    throw "Destination '$Destination' is not reachable. Connect the drive/share first."
}

$root = Join-Path $Destination $env:COMPUTERNAME
$logDir = Join-Path $root '_logs'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'

$summary = @()
foreach ($src in $Source) {
    if (-not (Test-Path -LiteralPath $src -PathType Container)) {
        Write-Warning "Skipping '$src' (not a folder)"
        continue
    }
    $name = Split-Path $src -Leaf
    $dest = Join-Path $root $name
    $log = Join-Path $logDir "$stamp-$name.log"

    $rcArgs = @($src, $dest, '/E', '/COPY:DAT', '/DCOPY:T', '/R:2', '/W:5', '/MT:8', '/NP', '/TEE', "/UNILOG:$log")
    if ($Mode -eq 'Mirror') { $rcArgs += '/MIR' }
    if ($WhatIf) { $rcArgs += '/L' }
    $rcArgs += '/XD'; $rcArgs += ($defaultXd + $ExcludeDir)
    $rcArgs += '/XF'; $rcArgs += ($defaultXf + $ExcludeFile)

    Write-Host "==> $src -> $dest ($Mode$(if ($WhatIf) { ', dry run' }))"
    & robocopy.exe @rcArgs | Out-Null
    $code = $LASTEXITCODE
    # robocopy: 0-7 are success/partial-success codes, 8+ means failures
    $status = if ($code -lt 8) { 'OK' } else { 'ERRORS' }
    $summary += [pscustomobject]@{ Source = $src; Destination = $dest; ExitCode = $code; Status = $status; Log = $log }
}

$summary | Format-Table -AutoSize

if ($RegisterTask) {
    $taskName = "FolderBackup-$env:USERNAME"
    $quoted = ($Source | ForEach-Object { "'$_'" }) -join ','
    $cmd = "-NoProfile -ExecutionPolicy Bypass -File `"$PSCommandPath`" -Source $quoted -Destination '$Destination' -Mode $Mode"
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $cmd
    $trigger = New-ScheduledTaskTrigger -Daily -At $At
    $principal = New-ScheduledTaskPrincipal -UserId "$env:USERDOMAIN\$env:USERNAME" -LogonType Interactive -RunLevel Limited
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -DontStopIfGoingOnBatteries
    Register-ScheduledTask -TaskName $taskName -Action $action -Trigger $trigger -Principal $principal `
        -Settings $settings -Description 'Folder backup created with windows-folder-backup skill' -Force | Out-Null
    Write-Host "Scheduled task '$taskName' registered (daily at $At). Remove with: Unregister-ScheduledTask -TaskName '$taskName'"
}

if ($summary | Where-Object Status -eq 'ERRORS') { exit 1 }
