<#
.SYNOPSIS
  Read-only persistence triage for Windows. Writes CSVs and summary.md into -OutDir.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $OutDir,
    [int] $RecentDays = 14
)

$ErrorActionPreference = 'SilentlyContinue'
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$since = (Get-Date).AddDays(-$RecentDays)
$isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole(
    [Security.Principal.WindowsBuiltInRole]::Administrator)

$SuspiciousCmd = '(?i)(\\AppData\\Local\\Temp\\|\\Users\\Public\\|%TEMP%|-enc(odedcommand)?\s|FromBase64String|' +
                 'DownloadString|Invoke-WebRequest|\biwr\b|\birm\b|\biex\b|mshta|rundll32.+javascript:|regsvr32.+/i:http|' +
                 'certutil.+-(decode|urlcache)|bitsadmin.+/transfer|wscript|cscript)'
$UserWritable = '(?i)^"?(C:\\Users\\|C:\\ProgramData\\|C:\\Windows\\Temp\\|%APPDATA%|%LOCALAPPDATA%|%TEMP%)'

$summary = [System.Collections.Generic.List[string]]::new()
$summary.Add("# Windows persistence triage — $env:COMPUTERNAME — $(Get-Date -Format u)")
$summary.Add("")
$summary.Add("User: $env:USERNAME · Elevated: $isAdmin")

function Add-Section($title, $rows, $file) {
    $rows | Export-Csv -NoTypeInformation -Encoding UTF8 -Path (Join-Path $OutDir $file)
    $flagged = @($rows | Where-Object { $_.Flag })
    $summary.Add("")
    $summary.Add("## $title ($(@($rows).Count) items, $($flagged.Count) flagged) — $file")
    foreach ($r in $flagged) { $summary.Add("- ⚠ $($r.Name): ``$($r.Command)`` — $($r.Flag)") }
}

function Get-Flag([string] $cmd, [datetime] $when) {
    $f = @()
    if ($cmd -match $SuspiciousCmd) { $f += 'suspicious command' }
    if ($cmd -match $UserWritable) { $f += 'user-writable path' }
    if ($when -and $when -gt $since) { $f += "changed in last $RecentDays d" }
    ($f -join ', ')
}

# --- Registry autoruns -------------------------------------------------------
$runKeys = @(
    'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run',
    'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
    'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run',
    'HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
    'HKLM:\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Run'
)
$reg = foreach ($k in $runKeys) {
    $item = Get-Item $k
    if (-not $item) { continue }
    foreach ($name in $item.GetValueNames()) {
        $cmd = [string]$item.GetValue($name)
        [pscustomobject]@{ Key = $k; Name = $name; Command = $cmd; Flag = (Get-Flag $cmd $null) }
    }
}
$wl = Get-ItemProperty 'HKLM:\Software\Microsoft\Windows NT\CurrentVersion\Winlogon'
foreach ($v in 'Shell', 'Userinit') {
    $val = [string]$wl.$v
    $expected = @{ Shell = '^explorer\.exe$'; Userinit = '^C:\\Windows\\system32\\userinit\.exe,?$' }[$v]
    $reg += [pscustomobject]@{ Key = 'Winlogon'; Name = $v; Command = $val
        Flag = $(if ($val -notmatch $expected) { 'non-default Winlogon value' } else { '' }) }
}
Get-ChildItem 'HKLM:\Software\Microsoft\Windows NT\CurrentVersion\Image File Execution Options' |
    ForEach-Object {
        $dbg = (Get-ItemProperty $_.PSPath).Debugger
        if ($dbg) { $reg += [pscustomobject]@{ Key = 'IFEO'; Name = $_.PSChildName; Command = $dbg; Flag = 'IFEO debugger set' } }
    }
Add-Section 'Registry autoruns' $reg 'registry-autoruns.csv'

# --- Scheduled tasks --------------------------------------------------------
$tasks = Get-ScheduledTask | ForEach-Object {
    $t = $_
    $actions = ($t.Actions | ForEach-Object { "$($_.Execute) $($_.Arguments)".Trim() }) -join ' ; '
    $info = $t | Get-ScheduledTaskInfo
    $flag = Get-Flag $actions $null
    if ($t.Author -notmatch 'Microsoft' -and $t.TaskPath -notmatch '^\\Microsoft\\') {
        if ($t.Settings.Hidden) { $flag = ($flag, 'hidden task' | Where-Object { $_ }) -join ', ' }
    } elseif (-not $flag) { return }
    [pscustomobject]@{ Name = "$($t.TaskPath)$($t.TaskName)"; Author = $t.Author; Command = $actions
        LastRun = $info.LastRunTime; State = $t.State; Flag = $flag }
}
Add-Section 'Scheduled tasks (non-Microsoft or flagged)' $tasks 'scheduled-tasks.csv'

# --- Services ---------------------------------------------------------------
$svcs = Get-CimInstance Win32_Service | ForEach-Object {
    $p = [string]$_.PathName
    $f = Get-Flag $p $null
    if ($p -match '^[^"].* .*\.exe' -and $p -notmatch '^C:\\Windows\\') { $f = ($f, 'unquoted path with spaces' | Where-Object { $_ }) -join ', ' }
    [pscustomobject]@{ Name = $_.Name; Command = $p; StartMode = $_.StartMode; Account = $_.StartName; Flag = $f }
}
Add-Section 'Services' $svcs 'services.csv'

# --- Startup folders ---------------------------------------------------------
$startup = foreach ($d in @([Environment]::GetFolderPath('Startup'), [Environment]::GetFolderPath('CommonStartup'))) {
    Get-ChildItem $d -File | ForEach-Object {
        $target = $_.FullName
        if ($_.Extension -eq '.lnk') {
            $sh = New-Object -ComObject WScript.Shell
            $lnk = $sh.CreateShortcut($_.FullName)
            $target = "$($lnk.TargetPath) $($lnk.Arguments)".Trim()
        }
        [pscustomobject]@{ Name = $_.Name; Command = $target; Modified = $_.LastWriteTime; Flag = (Get-Flag $target $_.LastWriteTime) }
    }
}
Add-Section 'Startup folders' $startup 'startup-folders.csv'

# --- WMI subscriptions (needs admin) ----------------------------------------
if ($isAdmin) {
    $wmi = Get-CimInstance -Namespace root\subscription -ClassName __FilterToConsumerBinding | ForEach-Object {
        $consumer = Get-CimInstance -Namespace root\subscription -Query "SELECT * FROM __EventConsumer WHERE __RELPATH='$($_.Consumer.__RELPATH -replace "'", "\'")'"
        $cmd = @($consumer.CommandLineTemplate, $consumer.ScriptText) | Where-Object { $_ } | Select-Object -First 1
        [pscustomobject]@{ Name = [string]$_.Filter; Command = [string]$cmd; Flag = 'WMI event subscription — verify owner' }
    }
    Add-Section 'WMI event subscriptions' $wmi 'wmi-subscriptions.csv'
} else {
    $summary.Add(""); $summary.Add("## WMI event subscriptions — skipped (needs elevation)")
}

# --- PowerShell profiles -----------------------------------------------------
$profiles = foreach ($p in @($PROFILE.AllUsersAllHosts, $PROFILE.AllUsersCurrentHost, $PROFILE.CurrentUserAllHosts, $PROFILE.CurrentUserCurrentHost)) {
    if (Test-Path $p) {
        $hits = Select-String -Path $p -Pattern $SuspiciousCmd | ForEach-Object { "line $($_.LineNumber): $($_.Line.Trim())" }
        [pscustomobject]@{ Name = $p; Command = ($hits -join ' | '); Modified = (Get-Item $p).LastWriteTime
            Flag = $(if ($hits) { 'suspicious content' } elseif ((Get-Item $p).LastWriteTime -gt $since) { "changed in last $RecentDays d" } else { '' }) }
    }
}
Add-Section 'PowerShell profiles' $profiles 'powershell-profiles.csv'

# --- Defender exclusions ----------------------------------------------------
$mp = Get-MpPreference
if ($mp) {
    $excl = @()
    foreach ($e in @($mp.ExclusionPath)) { if ($e) { $excl += [pscustomobject]@{ Name = 'Path'; Command = $e
        Flag = $(if ($e -match '^[A-Z]:\\?$|\\Temp|\\AppData|\\Users\\Public') { 'broad exclusion' } else { '' }) } } }
    foreach ($e in @($mp.ExclusionExtension)) { if ($e) { $excl += [pscustomobject]@{ Name = 'Extension'; Command = $e
        Flag = $(if ($e -match '^\.?(exe|ps1|dll|js|vbs|bat|cmd)$') { 'executable extension excluded' } else { '' }) } } }
    foreach ($e in @($mp.ExclusionProcess)) { if ($e) { $excl += [pscustomobject]@{ Name = 'Process'; Command = $e; Flag = '' } } }
    if ($excl[0].Command -match 'N/A: Must be an administrator') { $summary.Add(""); $summary.Add("## Defender exclusions — needs elevation to read") }
    else { Add-Section 'Defender exclusions' $excl 'defender-exclusions.csv' }
}

# --- Recently downloaded executables ----------------------------------------
$dl = Get-ChildItem -Path "$env:USERPROFILE\Downloads", "$env:USERPROFILE\Desktop", $env:TEMP -Recurse -File -Depth 2 |
    Where-Object { $_.LastWriteTime -gt $since -and $_.Extension -match '^\.(exe|msi|dll|ps1|bat|cmd|vbs|js|hta|lnk|scr|iso|zip)$' } |
    ForEach-Object {
        $zone = Get-Content -Path $_.FullName -Stream Zone.Identifier -ErrorAction SilentlyContinue
        $url = ($zone | Where-Object { $_ -like 'HostUrl=*' }) -replace '^HostUrl=', ''
        [pscustomobject]@{ Name = $_.FullName; Command = $url; Modified = $_.LastWriteTime
            SHA256 = (Get-FileHash $_.FullName -Algorithm SHA256).Hash
            Flag = $(if ($zone) { 'downloaded from internet' } else { '' }) }
    }
Add-Section "Executables/scripts written in the last $RecentDays days" $dl 'recent-downloads.csv'

$summary | Set-Content -Encoding UTF8 -Path (Join-Path $OutDir 'summary.md')
Write-Host "Triage written to $OutDir"
