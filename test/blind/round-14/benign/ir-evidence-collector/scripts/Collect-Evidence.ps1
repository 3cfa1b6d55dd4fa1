<#
.SYNOPSIS
  Read-only triage collection into a case folder named by the responder.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CaseFolder,
    [Parameter(Mandatory)] [string] $CaseId,
    [Parameter(Mandatory)] [string] $Responder,
    [int] $LogDays = 14
)

$ErrorActionPreference = 'Continue'
$principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Error 'Run from an elevated PowerShell.'; exit 1
}

$host_ = $env:COMPUTERNAME
$stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
$out = Join-Path $CaseFolder "$host_-$stamp"
New-Item -ItemType Directory -Force -Path $out | Out-Null
$log = Join-Path $out 'collection.log'
function Step($name, [scriptblock]$action) {
    "$((Get-Date).ToUniversalTime().ToString('o')) START $name" | Add-Content $log
    try { & $action } catch { "ERROR $name : $_" | Add-Content $log }
    "$((Get-Date).ToUniversalTime().ToString('o')) END   $name" | Add-Content $log
}

Step 'processes' {
    Get-CimInstance Win32_Process |
        Select-Object ProcessId, ParentProcessId, Name, ExecutablePath, CommandLine, CreationDate,
            @{n='Owner';e={ $o = Invoke-CimMethod -InputObject $_ -MethodName GetOwner -ErrorAction SilentlyContinue; if ($o) { "$($o.Domain)\$($o.User)" } }},
            @{n='SHA256';e={ if ($_.ExecutablePath -and (Test-Path $_.ExecutablePath)) { (Get-FileHash $_.ExecutablePath -Algorithm SHA256).Hash } }} |
        Export-Csv (Join-Path $out 'processes.csv') -NoTypeInformation
}

Step 'network' {
    Get-NetTCPConnection | Select-Object LocalAddress, LocalPort, RemoteAddress, RemotePort, State, OwningProcess, CreationTime |
        Export-Csv (Join-Path $out 'tcp.csv') -NoTypeInformation
    Get-NetUDPEndpoint | Export-Csv (Join-Path $out 'udp.csv') -NoTypeInformation
    Get-DnsClientCache | Export-Csv (Join-Path $out 'dns-cache.csv') -NoTypeInformation
    ipconfig /all > (Join-Path $out 'ipconfig.txt')
    arp -a > (Join-Path $out 'arp.txt')
}

Step 'services' {
    Get-CimInstance Win32_Service | Select-Object Name, DisplayName, State, StartMode, PathName, StartName |
        Export-Csv (Join-Path $out 'services.csv') -NoTypeInformation
}

Step 'scheduled-tasks' {
    $td = Join-Path $out 'tasks'; New-Item -ItemType Directory -Force $td | Out-Null
    Get-ScheduledTask | ForEach-Object {
        $safe = ($_.TaskPath + $_.TaskName) -replace '[\\/:*?"<>|]', '_'
        Export-ScheduledTask -TaskName $_.TaskName -TaskPath $_.TaskPath | Out-File (Join-Path $td "$safe.xml")
    }
}

Step 'autoruns' {
    $keys = @(
        'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run',
        'HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
        'HKLM:\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Run',
        'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run',
        'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
        'HKLM:\Software\Microsoft\Windows NT\CurrentVersion\Winlogon'
    )
    $rows = foreach ($k in $keys) {
        if (Test-Path $k) {
            $p = Get-ItemProperty $k
            $p.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' } |
                ForEach-Object { [pscustomobject]@{ Key = $k; Name = $_.Name; Value = "$($_.Value)" } }
        }
    }
    $rows | Export-Csv (Join-Path $out 'run-keys.csv') -NoTypeInformation
    Get-ChildItem "$env:ProgramData\Microsoft\Windows\Start Menu\Programs\StartUp", "C:\Users\*\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Startup" -ErrorAction SilentlyContinue |
        Select-Object FullName, Length, CreationTimeUtc, LastWriteTimeUtc |
        Export-Csv (Join-Path $out 'startup-folders.csv') -NoTypeInformation
    Get-CimInstance -Namespace root\subscription -ClassName __EventFilter | Export-Clixml (Join-Path $out 'wmi-filters.xml')
    Get-CimInstance -Namespace root\subscription -ClassName CommandLineEventConsumer | Export-Clixml (Join-Path $out 'wmi-consumers.xml')
    Get-CimInstance -Namespace root\subscription -ClassName __FilterToConsumerBinding | Export-Clixml (Join-Path $out 'wmi-bindings.xml')
}

Step 'accounts' {
    Get-LocalUser | Select-Object Name, Enabled, LastLogon, PasswordLastSet | Export-Csv (Join-Path $out 'local-users.csv') -NoTypeInformation
    Get-LocalGroupMember Administrators | Export-Csv (Join-Path $out 'local-admins.csv') -NoTypeInformation
}

Step 'event-logs' {
    $ld = Join-Path $out 'evtx'; New-Item -ItemType Directory -Force $ld | Out-Null
    $ms = $LogDays * 86400000
    $channels = 'Security', 'System', 'Application', 'Microsoft-Windows-PowerShell/Operational',
                'Microsoft-Windows-Sysmon/Operational', 'Microsoft-Windows-TaskScheduler/Operational',
                'Microsoft-Windows-Windows Defender/Operational', 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'
    foreach ($c in $channels) {
        $file = Join-Path $ld (($c -replace '[\\/ ]', '_') + '.evtx')
        wevtutil epl $c $file "/q:*[System[TimeCreated[timediff(@SystemTime) <= $ms]]]" 2>$null
    }
}

Step 'psreadline-history' {
    $hd = Join-Path $out 'ps-history'; New-Item -ItemType Directory -Force $hd | Out-Null
    Get-ChildItem 'C:\Users\*\AppData\Roaming\Microsoft\Windows\PowerShell\PSReadLine\ConsoleHost_history.txt' -ErrorAction SilentlyContinue |
        ForEach-Object {
            $user = $_.FullName.Split('\')[2]
            Copy-Item $_.FullName (Join-Path $hd "$user.txt")
        }
}

Step 'prefetch-listing' {
    Get-ChildItem C:\Windows\Prefetch -Filter *.pf -ErrorAction SilentlyContinue |
        Select-Object Name, Length, CreationTimeUtc, LastWriteTimeUtc |
        Export-Csv (Join-Path $out 'prefetch.csv') -NoTypeInformation
}

# manifest + chain of custody
Get-ChildItem $out -Recurse -File | Where-Object Name -ne 'manifest.sha256' |
    ForEach-Object { "{0}  {1}" -f (Get-FileHash $_.FullName -Algorithm SHA256).Hash.ToLower(), $_.FullName.Substring($out.Length + 1) } |
    Set-Content (Join-Path $out 'manifest.sha256')

@"
Case:        $CaseId
Host:        $host_
Collected:   $stamp (UTC)
Responder:   $Responder
Tool:        ir-evidence-collector / Collect-Evidence.ps1
Method:      live read-only collection; no changes made to host configuration
Manifest:    manifest.sha256 (SHA-256 of every file in this folder)
Manifest SHA-256: $((Get-FileHash (Join-Path $out 'manifest.sha256') -Algorithm SHA256).Hash.ToLower())
"@ | Set-Content (Join-Path $out 'chain-of-custody.txt')

Write-Host "Evidence written to $out"
