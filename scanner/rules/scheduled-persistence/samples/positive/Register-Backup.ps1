$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -File `"$PSScriptRoot\Backup.ps1`""
$trigger = New-ScheduledTaskTrigger -Daily -At 21:00
Register-ScheduledTask -TaskName 'NotesBackup' -Action $action -Trigger $trigger | Out-Null
