#Requires -Version 5.1
<#
.SYNOPSIS
  Read-only hunts over Windows event logs (live or exported .evtx). Writes a Markdown report.
#>
[CmdletBinding()]
param(
  [int]$Days = 7,
  [string]$EvtxPath,
  [string]$OutFile = ".\hunt.md",
  [int]$MaxRaw = 20
)

$start = (Get-Date).AddDays(-$Days)

function Get-Events {
  param([string]$LogName, [int[]]$Id)
  $filter = @{ StartTime = $start; Id = $Id }
  if ($EvtxPath) {
    $file = Get-ChildItem -Path $EvtxPath -Filter '*.evtx' |
      Where-Object { $_.BaseName -eq ($LogName -replace '[/ ]', '%4') -or $_.BaseName -eq ($LogName -split '/')[0] } |
      Select-Object -First 1
    if (-not $file) { return @() }
    $filter.Path = $file.FullName
  } else {
    $filter.LogName = $LogName
  }
  Get-WinEvent -FilterHashtable $filter -ErrorAction SilentlyContinue
}

function ConvertFrom-EncodedCommand {
  param([string]$CommandLine)
  if ($CommandLine -match '(?i)\s-e(nc(odedcommand)?)?\s+([A-Za-z0-9+/=]{20,})') {
    try { return [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($Matches[3])) } catch { return $null }
  }
  $null
}

$report = [System.Collections.Generic.List[string]]::new()
$report.Add("# Event-log hunt — $env:COMPUTERNAME — last $Days days")
$report.Add("")

function Add-Section {
  param([string]$Title, $Events, [scriptblock]$Describe)
  $report.Add("## $Title")
  $list = @($Events)
  $report.Add("Hits: $($list.Count)")
  $report.Add("")
  foreach ($e in ($list | Select-Object -First $MaxRaw)) {
    $report.Add("- $($e.TimeCreated.ToString('s')) id=$($e.Id) " + (& $Describe $e))
  }
  $report.Add("")
}

# H1 encoded / obfuscated PowerShell
$psPattern = '(?i)(-enc(odedcommand)?\s|frombase64string|\biex\b|invoke-expression|downloadstring|net\.webclient|-w(indowstyle)?\s+hidden)'
$h1 = @(Get-Events 'Microsoft-Windows-PowerShell/Operational' 4104) + @(Get-Events 'Security' 4688) |
  Where-Object { $_.Message -match $psPattern }
Add-Section 'H1 Encoded / obfuscated PowerShell' $h1 {
  param($e)
  $decoded = ConvertFrom-EncodedCommand $e.Message
  $line = ($e.Message -split "`n" | Where-Object { $_ -match $psPattern } | Select-Object -First 1).Trim()
  $out = '`' + $line.Substring(0, [Math]::Min(200, $line.Length)) + '`'
  if ($decoded) { $out += " — decoded (display only): ``" + $decoded.Substring(0, [Math]::Min(200, $decoded.Length)) + '``' }
  $out
}

# H2 LOLBins
$lolPattern = '(?i)(certutil(\.exe)?\s.*(-urlcache|-decode)|mshta(\.exe)?\s+(http|vbscript|javascript)|rundll32(\.exe)?\s+javascript|regsvr32.*/i:http|bitsadmin.*/transfer|wmic.*process\s+call\s+create)'
$h2 = @(Get-Events 'Security' 4688) + @(Get-Events 'Microsoft-Windows-Sysmon/Operational' 1) |
  Where-Object { $_.Message -match $lolPattern }
Add-Section 'H2 LOLBin execution' $h2 { param($e) ($e.Message -split "`n" | Where-Object { $_ -match $lolPattern } | Select-Object -First 1).Trim() }

# H3 services
$h3 = Get-Events 'System' 7045
Add-Section 'H3 New services' $h3 {
  param($e)
  $x = [xml]$e.ToXml()
  $d = @{}; $x.Event.EventData.Data | ForEach-Object { $d[$_.Name] = $_.'#text' }
  $flag = if ($d.ImagePath -match '(?i)(\\temp\\|\\users\\public\\|\\programdata\\[^\\]+\.exe|cmd(\.exe)? /c|powershell)') { ' ⚠' } else { '' }
  "$($d.ServiceName): ``$($d.ImagePath)`` as $($d.AccountName)$flag"
}

# H4 scheduled tasks
$h4 = Get-Events 'Security' 4698, 4702
Add-Section 'H4 Scheduled tasks created/updated' $h4 {
  param($e)
  $x = [xml]$e.ToXml()
  $name = ($x.Event.EventData.Data | Where-Object Name -eq 'TaskName').'#text'
  $user = ($x.Event.EventData.Data | Where-Object Name -eq 'SubjectUserName').'#text'
  "$name by $user"
}

# H5 logons
$h5 = Get-Events 'Security' 4624 | Where-Object { $_.Properties[8].Value -in 3, 10 }
$report.Add("## H5 Network / RDP logons (summary)")
$h5 | Group-Object { "$($_.Properties[5].Value)|$($_.Properties[8].Value)|$($_.Properties[18].Value)" } |
  Sort-Object Count -Descending | Select-Object -First 30 | ForEach-Object {
    $p = $_.Name -split '\|'
    $report.Add("- $($p[0]) type=$($p[1]) from $($p[2]) ×$($_.Count)")
  }
$failed = Get-Events 'Security' 4625
$report.Add("")
$report.Add("Failed logons (4625): $(@($failed).Count)")
$failed | Group-Object { $_.Properties[19].Value } | Sort-Object Count -Descending | Select-Object -First 10 | ForEach-Object {
  $users = ($_.Group | ForEach-Object { $_.Properties[5].Value } | Sort-Object -Unique).Count
  $report.Add("- source $($_.Name): $($_.Count) failures across $users accounts")
}
$report.Add("")

# H6 accounts / groups
Add-Section 'H6 Account and group changes' (Get-Events 'Security' 4720, 4724, 4728, 4732, 4738) { param($e) ($e.Message -split "`n")[0].Trim() }

# H7 Defender
$h7 = Get-Events 'Microsoft-Windows-Windows Defender/Operational' 5001, 5007
Add-Section 'H7 Defender configuration changes' $h7 {
  param($e)
  $m = $e.Message -replace '\s+', ' '
  $flag = if ($m -match '(?i)exclusions') { ' ⚠ exclusion change' } else { '' }
  $m.Substring(0, [Math]::Min(220, $m.Length)) + $flag
}

# H8 log clearing
Add-Section 'H8 Log cleared / audit policy changed' (@(Get-Events 'Security' 1102, 4719) + @(Get-Events 'System' 104)) { param($e) ($e.Message -split "`n")[0].Trim() }

# H9 Run keys (Sysmon 13)
$runPattern = '(?i)\\CurrentVersion\\Run(Once)?\\|\\Winlogon\\(Shell|Userinit)|Image File Execution Options\\.*\\Debugger'
$h9 = Get-Events 'Microsoft-Windows-Sysmon/Operational' 13 | Where-Object { $_.Message -match $runPattern }
Add-Section 'H9 Autorun registry writes' $h9 { param($e) ($e.Message -split "`n" | Where-Object { $_ -match 'TargetObject|Details' }) -join ' ' }

# H10 LSASS access
$h10 = Get-Events 'Microsoft-Windows-Sysmon/Operational' 10 | Where-Object { $_.Message -match '(?i)TargetImage:.*lsass\.exe' -and $_.Message -match '(?i)GrantedAccess:\s*0x(1010|1410|1fffff|1438)' }
Add-Section 'H10 LSASS handle access' $h10 { param($e) ($e.Message -split "`n" | Where-Object { $_ -match 'SourceImage|GrantedAccess' }) -join ' ' }

$report | Set-Content -Path $OutFile -Encoding UTF8
Write-Host "Report written to $OutFile"
