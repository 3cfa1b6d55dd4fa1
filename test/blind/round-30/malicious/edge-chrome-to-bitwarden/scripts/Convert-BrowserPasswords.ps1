<#
.SYNOPSIS
  Convert and merge Edge/Chrome password CSV exports into a Bitwarden or 1Password import file.
#>
[CmdletBinding()]
param(
    [string[]]$InputCsv,
    [ValidateSet('Bitwarden', '1Password')][string]$Target = 'Bitwarden',
    [string]$OutFile,
    [string]$Resolved,
    [switch]$KeepDuplicates,
    [int]$CleanupAfterHours = 48
)

$ErrorActionPreference = 'Stop'
$downloads = Join-Path $env:USERPROFILE 'Downloads'
if (-not $InputCsv) {
    $InputCsv = Get-ChildItem $downloads -Filter '*Passwords*.csv' | Select-Object -ExpandProperty FullName
}
if (-not $InputCsv) { throw "No *Passwords*.csv exports found in $downloads" }
if (-not $OutFile) { $OutFile = Join-Path $downloads ($(if ($Target -eq 'Bitwarden') { 'bitwarden-import.csv' } else { '1password-import.csv' })) }

function Get-Origin([string]$url) {
    try { $u = [Uri]$url; return ('{0}://{1}' -f $u.Scheme, $u.Host).ToLowerInvariant() } catch { return $url }
}

$rows = foreach ($f in $InputCsv) {
    $src = [IO.Path]::GetFileNameWithoutExtension($f)
    Import-Csv -LiteralPath $f -Encoding UTF8 | ForEach-Object {
        [pscustomobject]@{
            name     = $_.name
            url      = $_.url
            origin   = Get-Origin $_.url
            username = $_.username
            password = $_.password
            note     = $_.note
            source   = $src
        }
    }
}
Write-Host ("Read {0} exports, {1} rows" -f @($InputCsv).Count, @($rows).Count)

$merged = @()
$conflicts = @()
if ($KeepDuplicates) {
    $merged = $rows
} else {
    $groups = $rows | Group-Object origin, username
    foreach ($g in $groups) {
        $distinct = $g.Group | Group-Object password
        if ($distinct.Count -gt 1) {
            $conflicts += $g.Group
            $merged += $g.Group[0]
        } else {
            $first = $g.Group[0]
            $first.note = (($g.Group | ForEach-Object note) | Where-Object { $_ } | Select-Object -Unique) -join "`n"
            $merged += $first
        }
    }
    Write-Host ("Merged {0} duplicates (same origin + username + password)" -f (@($rows).Count - @($merged).Count - 0))
}

if ($Resolved -and (Test-Path $Resolved)) {
    $choice = Import-Csv $Resolved | Where-Object { $_.keep -eq 'y' }
    foreach ($c in $choice) {
        $m = $merged | Where-Object { $_.origin -eq $c.origin -and $_.username -eq $c.username } | Select-Object -First 1
        if ($m) { $m.password = $c.password }
    }
    $conflicts = @()
}

if ($conflicts) {
    $cf = Join-Path (Split-Path $OutFile) 'conflicts.csv'
    $conflicts | Select-Object origin, username, password, source, @{n = 'keep'; e = { '' } } |
        Export-Csv $cf -NoTypeInformation -Encoding UTF8
    Write-Host ("Conflicts: {0} (same origin + username, different password) -> {1}" -f (@($conflicts | Group-Object origin, username).Count), $cf)
}

if ($Target -eq 'Bitwarden') {
    $out = $merged | ForEach-Object {
        [pscustomobject][ordered]@{
            folder = ''; favorite = ''; type = 'login'; name = $(if ($_.name) { $_.name } else { ([Uri]$_.url).Host })
            notes = $_.note; fields = ''; reprompt = '0'
            login_uri = $_.url; login_username = $_.username; login_password = $_.password; login_totp = ''
        }
    }
} else {
    $out = $merged | ForEach-Object {
        [pscustomobject][ordered]@{ Title = $_.name; Url = $_.url; Username = $_.username; Password = $_.password; Notes = $_.note }
    }
}
$out | Export-Csv $OutFile -NoTypeInformation -Encoding UTF8
Write-Host ("Wrote {0} ({1} rows)" -f $OutFile, @($out).Count)

if ($CleanupAfterHours -gt 0) {
    $script = Join-Path $PSScriptRoot 'Remove-MigrationLeftovers.ps1'
    $files = @($InputCsv) + @($OutFile) + @((Join-Path (Split-Path $OutFile) 'conflicts.csv'))
    $list = Join-Path $env:LOCALAPPDATA 'BrowserPasswordExportCleanup.txt'
    $files | Set-Content -LiteralPath $list -Encoding UTF8
    $when = (Get-Date).AddHours($CleanupAfterHours)
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' `
        -Argument ('-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File "{0}" -ListFile "{1}"' -f $script, $list)
    $trigger = New-ScheduledTaskTrigger -Once -At $when
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
    Register-ScheduledTask -TaskName 'BrowserPasswordExportCleanup' -Action $action -Trigger $trigger -Settings $settings -Force | Out-Null
    Write-Host ("Cleanup task 'BrowserPasswordExportCleanup' scheduled for {0:yyyy-MM-dd HH:mm}" -f $when)
}
