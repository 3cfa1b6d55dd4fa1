<#
.SYNOPSIS
  Read-only hunt for backup/recovery destruction commands plus a backup readiness score.
#>
[CmdletBinding()]
param(
  [int]$Days = 14,
  [string]$OutDir = ".\wipe-hunt",
  [int]$MaxEvents = 50000
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$since = (Get-Date).AddDays(-$Days)
$skipped = @()

$rules = @(
  @{Id='VSS-01'; Sev='High';   Rx='vssadmin(\.exe)?\s+delete\s+shadows'},
  @{Id='VSS-02'; Sev='Medium'; Rx='vssadmin(\.exe)?\s+resize\s+shadowstorage'},
  @{Id='VSS-03'; Sev='High';   Rx='wmic(\.exe)?\s+shadowcopy\s+delete'},
  @{Id='VSS-04'; Sev='High';   Rx='win32_shadowcopy.*(delete|remove-(wmi|cim)object|remove-ciminstance)'},
  @{Id='WBK-01'; Sev='High';   Rx='wbadmin(\.exe)?\s+delete\s+(catalog|systemstatebackup|backup)'},
  @{Id='BCD-01'; Sev='High';   Rx='bcdedit(\.exe)?.*recoveryenabled\s+no'},
  @{Id='BCD-02'; Sev='High';   Rx='bcdedit(\.exe)?.*bootstatuspolicy\s+ignoreallfailures'},
  @{Id='LOG-01'; Sev='Medium'; Rx='wevtutil(\.exe)?\s+(cl|clear-log)\s'},
  @{Id='SVC-01'; Sev='Medium'; Rx='(sc|net)(\.exe)?\s+(stop|config).*(vss|wbengine|swprv)'},
  @{Id='DIA-01'; Sev='Medium'; Rx='diskshadow.*delete\s+shadows'}
)
$benignParents = 'VeeamAgent.exe','VeeamEndpointBackup.exe','TrueImage.exe','wbengine.exe','sdclt.exe'

function Test-Rules([string]$text) {
  foreach ($r in $rules) { if ($text -match $r.Rx) { return $r } }
  return $null
}

function Get-EventsSafe($filter) {
  try { Get-WinEvent -FilterHashtable $filter -MaxEvents $MaxEvents -ErrorAction Stop }
  catch [System.Exception] {
    if ($_.Exception.Message -match 'No events were found') { @() }
    elseif ($_.Exception.Message -match 'denied|unauthorized') { $script:skipped += $filter.LogName; @() }
    elseif ($_.Exception.Message -match 'no such|not found|does not exist') { $script:skipped += "$($filter.LogName) (absent)"; @() }
    else { throw }
  }
}

$hits = New-Object System.Collections.Generic.List[object]

# Security 4688 (needs elevation and command-line auditing)
foreach ($e in Get-EventsSafe @{LogName='Security'; Id=4688; StartTime=$since}) {
  $x = [xml]$e.ToXml()
  $d = @{}; $x.Event.EventData.Data | ForEach-Object { $d[$_.Name] = $_.'#text' }
  $m = Test-Rules ($d['CommandLine'] + '')
  if ($m) {
    $hits.Add([pscustomobject]@{Time=$e.TimeCreated; Log='Security'; EventId=4688; User=$d['SubjectUserName'];
      Parent=$d['ParentProcessName']; CommandLine=$d['CommandLine']; Rule=$m.Id; Severity=$m.Sev})
  }
}

# Sysmon event 1
foreach ($e in Get-EventsSafe @{LogName='Microsoft-Windows-Sysmon/Operational'; Id=1; StartTime=$since}) {
  $x = [xml]$e.ToXml()
  $d = @{}; $x.Event.EventData.Data | ForEach-Object { $d[$_.Name] = $_.'#text' }
  $m = Test-Rules ($d['CommandLine'] + '')
  if ($m) {
    $hits.Add([pscustomobject]@{Time=$e.TimeCreated; Log='Sysmon'; EventId=1; User=$d['User'];
      Parent=$d['ParentImage']; CommandLine=$d['CommandLine']; Rule=$m.Id; Severity=$m.Sev})
  }
}

# PowerShell script block logging 4104
foreach ($e in Get-EventsSafe @{LogName='Microsoft-Windows-PowerShell/Operational'; Id=4104; StartTime=$since}) {
  $text = $e.Properties[2].Value + ''
  $m = Test-Rules $text
  if ($m) {
    $snippet = if ($text.Length -gt 400) { $text.Substring(0,400) + '...' } else { $text }
    $hits.Add([pscustomobject]@{Time=$e.TimeCreated; Log='PowerShell'; EventId=4104; User=$e.UserId;
      Parent='(script block)'; CommandLine=$snippet; Rule=$m.Id; Severity=$m.Sev})
  }
}

# Downgrade known backup-product parents by one step
foreach ($h in $hits) {
  $leaf = if ($h.Parent) { Split-Path $h.Parent -Leaf } else { '' }
  if ($benignParents -contains $leaf -and $h.Severity -eq 'High') { $h.Severity = 'Medium (backup product parent)' }
}

$hits | Sort-Object Time | Export-Csv -NoTypeInformation -Path (Join-Path $OutDir 'hits.csv')

# ---- Readiness ----
$ready = [ordered]@{}
try {
  $storage = vssadmin list shadowstorage 2>&1 | Out-String
  $ready.ShadowStorage = ($storage -match 'Maximum Shadow Copy Storage space')
} catch { $ready.ShadowStorage = $null }
try {
  $copies = Get-CimInstance Win32_ShadowCopy -ErrorAction Stop
  $newest = $copies | Sort-Object InstallDate -Descending | Select-Object -First 1
  $ready.NewestShadow = if ($newest) { $newest.InstallDate } else { $null }
} catch { $ready.NewestShadow = $null }
try {
  $fh = Get-WinEvent -FilterHashtable @{LogName='Microsoft-Windows-FileHistory-Engine/BackupLog'} -MaxEvents 1 -ErrorAction Stop
  $ready.FileHistoryLast = $fh.TimeCreated
} catch { $ready.FileHistoryLast = $null }
try {
  $wb = Get-WinEvent -FilterHashtable @{LogName='Microsoft-Windows-Backup'; Id=4} -MaxEvents 1 -ErrorAction Stop
  $ready.WindowsBackupLast = $wb.TimeCreated
} catch { $ready.WindowsBackupLast = $null }
$audit = auditpol /get /subcategory:"Process Creation" 2>&1 | Out-String
$ready.ProcessCreationAudit = ($audit -match 'Success')
$ready.SysmonPresent = [bool](Get-Service -Name Sysmon* -ErrorAction SilentlyContinue)
$ready.SkippedLogs = $skipped

$score = 0
if ($ready.ShadowStorage) { $score++ }
if ($ready.NewestShadow -and $ready.NewestShadow -gt (Get-Date).AddDays(-7)) { $score++ }
$lastBackup = @($ready.FileHistoryLast, $ready.WindowsBackupLast) | Where-Object { $_ } | Sort-Object -Descending | Select-Object -First 1
if ($lastBackup -and $lastBackup -gt (Get-Date).AddDays(-7)) { $score++ }
if ($ready.ProcessCreationAudit -or $ready.SysmonPresent) { $score++ }
$ready.DetectedScore = "$score/4 (ask the user about an offline/immutable copy for the fifth point)"

$ready | ConvertTo-Json -Depth 3 | Set-Content (Join-Path $OutDir 'readiness.json')

$high = @($hits | Where-Object { $_.Severity -eq 'High' }).Count
$med  = @($hits | Where-Object { $_.Severity -like 'Medium*' }).Count
@(
  "Window: last $Days days (since $since)",
  "High hits: $high   Medium hits: $med",
  "Skipped logs: $($skipped -join ', ')",
  "Readiness (detected): $($ready.DetectedScore)",
  "Details: hits.csv, readiness.json"
) | Set-Content (Join-Path $OutDir 'summary.txt')

Get-Content (Join-Path $OutDir 'summary.txt')
