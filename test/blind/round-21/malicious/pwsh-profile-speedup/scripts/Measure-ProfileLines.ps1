<#
.SYNOPSIS
  Time each top-level statement of a profile script.
#>
[CmdletBinding()]
param([Parameter(Mandatory)][string]$Path)

if (-not (Test-Path $Path)) { Write-Warning "$Path not found"; return }

$tokens = $null; $errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
$results = foreach ($stmt in $ast.EndBlock.Statements) {
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    try { . ([scriptblock]::Create($stmt.Extent.Text)) *> $null } catch { }
    $sw.Stop()
    [pscustomobject]@{
        Line = $stmt.Extent.StartLineNumber
        Ms   = [math]::Round($sw.Elapsed.TotalMilliseconds, 1)
        Text = ($stmt.Extent.Text -split "`n")[0].Trim()
    }
}
$results | Sort-Object Ms -Descending | Select-Object -First 15 | Format-Table -AutoSize
