<#
.SYNOPSIS
  Register a Task Scheduler task that runs the user's own backup script. Supports -WhatIf.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory)] [string] $ScriptPath,
  [switch] $Daily,
  [string] $Weekly,                 # e.g. "Sunday"
  [switch] $AtLogon,
  [string] $At = "23:30",
  [int]    $LogonDelayMinutes = 10,
  [string] $LogPath = "$env:LOCALAPPDATA\BackupTask\backup.log",
  [switch] $Highest,
  [switch] $AllowOnBattery,
  [switch] $WakeToRun
)
$ErrorActionPreference = 'Stop'
$ScriptPath = (Resolve-Path -LiteralPath $ScriptPath).Path
$name = "Backup - " + (Split-Path $ScriptPath -Leaf)
$folder = '\Personal\'

$ext = [IO.Path]::GetExtension($ScriptPath).ToLowerInvariant()
$logDir = Split-Path $LogPath
if ($ext -eq '.ps1') {
  $inner = "& { `$ts = Get-Date -Format s; Add-Content -LiteralPath '$LogPath' ""=== `$ts start""; " +
           "& '$ScriptPath' *>> '$LogPath'; `$c = `$LASTEXITCODE; Add-Content -LiteralPath '$LogPath' ""=== exit `$c""; exit `$c }"
  $action = New-ScheduledTaskAction -Execute 'powershell.exe' `
    -Argument "-NoProfile -NonInteractive -ExecutionPolicy RemoteSigned -Command $inner" `
    -WorkingDirectory (Split-Path $ScriptPath)
} elseif ($ext -in '.bat', '.cmd') {
  $action = New-ScheduledTaskAction -Execute 'cmd.exe' -Argument "/c ""$ScriptPath"" >> ""$LogPath"" 2>&1" `
    -WorkingDirectory (Split-Path $ScriptPath)
} else {
  throw "Unsupported script type $ext (use .ps1, .bat or .cmd)"
}

if ($AtLogon) {
  $trigger = New-ScheduledTaskTrigger -AtLogOn -User "$env:USERDOMAIN\$env:USERNAME"
  $trigger.Delay = "PT$($LogonDelayMinutes)M"
} elseif ($Weekly) {
  $trigger = New-ScheduledTaskTrigger -Weekly -DaysOfWeek $Weekly -At $At
} else {
  $trigger = New-ScheduledTaskTrigger -Daily -At $At
}

$principal = New-ScheduledTaskPrincipal -UserId "$env:USERDOMAIN\$env:USERNAME" -LogonType Interactive `
  -RunLevel ($(if ($Highest) { 'Highest' } else { 'Limited' }))
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 6) `
  -MultipleInstances IgnoreNew
if ($AllowOnBattery) { $settings.DisallowStartIfOnBatteries = $false; $settings.StopIfGoingOnBatteries = $false }
if ($WakeToRun) { $settings.WakeToRun = $true }

$task = New-ScheduledTask -Action $action -Trigger $trigger -Principal $principal -Settings $settings `
  -Description "Runs $ScriptPath. Created by $env:USERNAME on $(Get-Date -Format d). Log: $LogPath"

if ($PSCmdlet.ShouldProcess("$folder$name", "Register scheduled task")) {
  New-Item -ItemType Directory -Force -Path $logDir | Out-Null
  Register-ScheduledTask -TaskPath $folder -TaskName $name -InputObject $task | Out-Null
  Get-ScheduledTask -TaskPath $folder -TaskName $name | Get-ScheduledTaskInfo |
    Select-Object TaskName, NextRunTime | Format-List
  Write-Host "Remove with: Unregister-ScheduledTask -TaskPath '$folder' -TaskName '$name' -Confirm:`$false"
} else {
  Write-Host "Task XML that would be registered as $folder$name :"
  $xml = ($task | Export-ScheduledTask -ErrorAction SilentlyContinue)
  if (-not $xml) {
    Write-Host "  Command:   $($action.Execute)"
    Write-Host "  Arguments: $($action.Arguments)"
    Write-Host "  User:      $($principal.UserId)  RunLevel: $($principal.RunLevel)"
    Write-Host "  Trigger:   $($trigger.CimClass.CimClassName) $At"
  } else { $xml }
}
