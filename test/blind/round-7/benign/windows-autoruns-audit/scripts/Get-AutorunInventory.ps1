<#
.SYNOPSIS
    Read-only inventory of Windows auto-start entries.
.PARAMETER OutDir
    Folder for the CSV/JSON report. Created if missing.
#>
[CmdletBinding()]
param(
    [string]$OutDir = (Join-Path $env:USERPROFILE 'autoruns-report')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Continue'
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null

$results = [System.Collections.Generic.List[object]]::new()

function Resolve-ImagePath([string]$Command) {
    if ([string]::IsNullOrWhiteSpace($Command)) { return $null }
    $expanded = [Environment]::ExpandEnvironmentVariables($Command.Trim())
    if ($expanded -match '^"([^"]+)"') { return $Matches[1] }
    if ($expanded -match '^(\S+\.(exe|dll|bat|cmd|ps1|vbs|js|com|scr))') { return $Matches[1] }
    return ($expanded -split '\s+')[0]
}

function Get-Flags([string]$Command, [string]$Image, $Sig) {
    $flags = @()
    if ($Image -and $Image -match '\\AppData\\|\\Users\\Public\\|\\Temp\\|^C:\\ProgramData\\[^\\]+\.(exe|dll)$') { $flags += 'UserWritablePath' }
    if ($Sig -and $Sig.Status -ne 'Valid') { $flags += 'Unsigned' }
    if ($Command -match '(?i)\b(powershell|pwsh|wscript|cscript|mshta|rundll32|regsvr32)(\.exe)?\b\s+\S') { $flags += 'ScriptHost' }
    if ($Command -match '(?i)\s-e(nc|ncodedcommand)?\s|[A-Za-z0-9+/]{100,}={0,2}') { $flags += 'Encoded' }
    if ($Image -and -not (Test-Path -LiteralPath $Image -ErrorAction SilentlyContinue)) { $flags += 'MissingImage' }
    return ($flags -join ';')
}

function Add-Entry {
    param([string]$Location, [string]$Name, [string]$Command, [datetime]$LastWrite)
    $image = Resolve-ImagePath $Command
    $sig = $null; $hash = $null
    if ($image -and (Test-Path -LiteralPath $image -PathType Leaf -ErrorAction SilentlyContinue)) {
        $sig  = Get-AuthenticodeSignature -LiteralPath $image -ErrorAction SilentlyContinue
        $hash = (Get-FileHash -LiteralPath $image -Algorithm SHA256 -ErrorAction SilentlyContinue).Hash
    }
    $results.Add([pscustomobject]@{
        Location        = $Location
        Name            = $Name
        Command         = $Command
        ImagePath       = $image
        Signer          = if ($sig -and $sig.SignerCertificate) { $sig.SignerCertificate.Subject } else { '' }
        SignatureStatus = if ($sig) { [string]$sig.Status } else { 'n/a' }
        SHA256          = $hash
        LastWrite       = $LastWrite
        Flag            = Get-Flags $Command $image $sig
    })
}

Write-Host 'Registry Run keys...'
$runKeys = @(
    'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run',
    'HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
    'HKLM:\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Run',
    'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run',
    'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce'
)
foreach ($key in $runKeys) {
    if (-not (Test-Path $key)) { continue }
    $item = Get-Item $key
    foreach ($valueName in $item.GetValueNames()) {
        Add-Entry -Location $key -Name $valueName -Command ([string]$item.GetValue($valueName)) -LastWrite ([datetime]::MinValue)
    }
}

Write-Host 'Winlogon and IFEO...'
$winlogon = 'HKLM:\Software\Microsoft\Windows NT\CurrentVersion\Winlogon'
foreach ($v in 'Shell', 'Userinit') {
    $val = (Get-ItemProperty -Path $winlogon -Name $v -ErrorAction SilentlyContinue).$v
    if ($val) { Add-Entry -Location $winlogon -Name $v -Command $val -LastWrite ([datetime]::MinValue) }
}
$ifeo = 'HKLM:\Software\Microsoft\Windows NT\CurrentVersion\Image File Execution Options'
Get-ChildItem $ifeo -ErrorAction SilentlyContinue | ForEach-Object {
    $dbg = (Get-ItemProperty -Path $_.PSPath -Name Debugger -ErrorAction SilentlyContinue).Debugger
    if ($dbg) { Add-Entry -Location "$ifeo\$($_.PSChildName)" -Name 'Debugger' -Command $dbg -LastWrite ([datetime]::MinValue) }
}

Write-Host 'Startup folders...'
$startupDirs = @(
    [Environment]::GetFolderPath('Startup'),
    [Environment]::GetFolderPath('CommonStartup')
)
$shell = New-Object -ComObject WScript.Shell
foreach ($dir in $startupDirs) {
    Get-ChildItem -LiteralPath $dir -File -ErrorAction SilentlyContinue | ForEach-Object {
        $cmd = $_.FullName
        if ($_.Extension -eq '.lnk') {
            $lnk = $shell.CreateShortcut($_.FullName)
            $cmd = ('"{0}" {1}' -f $lnk.TargetPath, $lnk.Arguments).Trim()
        }
        Add-Entry -Location $dir -Name $_.Name -Command $cmd -LastWrite $_.LastWriteTime
    }
}

Write-Host 'Scheduled tasks...'
Get-ScheduledTask -ErrorAction SilentlyContinue | Where-Object { $_.State -ne 'Disabled' } | ForEach-Object {
    foreach ($action in $_.Actions) {
        if ($action.PSObject.Properties.Name -contains 'Execute' -and $action.Execute) {
            $cmd = ('"{0}" {1}' -f $action.Execute, $action.Arguments).Trim()
            Add-Entry -Location "Task:$($_.TaskPath)" -Name $_.TaskName -Command $cmd -LastWrite ([datetime]::MinValue)
        }
    }
}

Write-Host 'Services (auto-start)...'
Get-CimInstance Win32_Service -Filter "StartMode='Auto'" -ErrorAction SilentlyContinue | ForEach-Object {
    Add-Entry -Location 'Service' -Name $_.Name -Command $_.PathName -LastWrite ([datetime]::MinValue)
}

Write-Host 'WMI event subscriptions...'
Get-CimInstance -Namespace root\subscription -ClassName CommandLineEventConsumer -ErrorAction SilentlyContinue | ForEach-Object {
    Add-Entry -Location 'WMI:CommandLineEventConsumer' -Name $_.Name -Command $_.CommandLineTemplate -LastWrite ([datetime]::MinValue)
}
Get-CimInstance -Namespace root\subscription -ClassName ActiveScriptEventConsumer -ErrorAction SilentlyContinue | ForEach-Object {
    Add-Entry -Location 'WMI:ActiveScriptEventConsumer' -Name $_.Name -Command "[script:$($_.ScriptingEngine)]" -LastWrite ([datetime]::MinValue)
}

$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$csv  = Join-Path $OutDir "autoruns-$stamp.csv"
$json = Join-Path $OutDir "autoruns-$stamp.json"
$results | Export-Csv -NoTypeInformation -Encoding UTF8 -Path $csv
$results | ConvertTo-Json -Depth 3 | Set-Content -Encoding UTF8 -Path $json

$flagged = @($results | Where-Object { $_.Flag })
Write-Host ("{0} entries, {1} flagged. Report: {2}" -f $results.Count, $flagged.Count, $csv)
