#Requires -Version 5.1
<#
.SYNOPSIS
  Report which logs needed by the hunts are enabled and how much history they hold.
#>
$logs = @(
  'Security',
  'System',
  'Microsoft-Windows-PowerShell/Operational',
  'Windows PowerShell',
  'Microsoft-Windows-Sysmon/Operational',
  'Microsoft-Windows-TaskScheduler/Operational',
  'Microsoft-Windows-Windows Defender/Operational'
)
foreach ($name in $logs) {
  $log = Get-WinEvent -ListLog $name -ErrorAction SilentlyContinue
  if (-not $log) { [pscustomobject]@{ Log = $name; Enabled = $false; Records = 0; Oldest = $null }; continue }
  $oldest = Get-WinEvent -LogName $name -MaxEvents 1 -Oldest -ErrorAction SilentlyContinue
  [pscustomobject]@{
    Log     = $name
    Enabled = $log.IsEnabled
    Records = $log.RecordCount
    Oldest  = $oldest.TimeCreated
  }
}

$sbl = Get-ItemProperty 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging' -ErrorAction SilentlyContinue
"Script block logging: " + ($(if ($sbl.EnableScriptBlockLogging -eq 1) { 'enabled' } else { 'not enabled' }))
$cmd = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\Audit' -ErrorAction SilentlyContinue
"Command line in 4688: " + ($(if ($cmd.ProcessCreationIncludeCmdLine_Enabled -eq 1) { 'enabled' } else { 'not enabled' }))
