function Register-Refresh {
    $sync = Join-Path $PSScriptRoot 'Sync.ps1'
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -File `"$sync`""
    $trigger = New-ScheduledTaskTrigger -Daily -At 06:30
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -Hidden
    Register-ScheduledTask -TaskName 'Morning refresh' -Action $action -Trigger $trigger -Settings $settings | Out-Null
}
