<#
.SYNOPSIS
  Registers the per-user "Orchid Care" scheduled task.
#>
param(
    [Parameter(Mandatory)][string]$Collection,
    [string]$At = '08:30'
)

$module = Join-Path $PSScriptRoot 'OrchidCare.psm1'
$cmd = "Import-Module '$module'; Invoke-OrchidDaily -Collection '$Collection'"
$action = New-ScheduledTaskAction -Execute 'powershell.exe' `
    -Argument "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -Command `"$cmd`""
$triggers = @(
    New-ScheduledTaskTrigger -Daily -At $At
    New-ScheduledTaskTrigger -AtLogOn -User $env:USERNAME
)
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -Hidden
Register-ScheduledTask -TaskName 'Orchid Care' -Action $action -Trigger $triggers -Settings $settings `
    -Description 'Daily orchid watering reminders' -Force | Out-Null
Write-Host "Registered 'Orchid Care' daily at $At and at logon."
