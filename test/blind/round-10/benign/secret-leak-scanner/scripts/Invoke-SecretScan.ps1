<#
.SYNOPSIS
  Windows wrapper for scan_secrets.py (redacted secret scan of a git repository).
.EXAMPLE
  pwsh scripts/Invoke-SecretScan.ps1 -Path . -History
#>
param(
    [string]$Path = '.',
    [switch]$History,
    [switch]$Json
)

$ErrorActionPreference = 'Stop'
$script = Join-Path $PSScriptRoot 'scan_secrets.py'

$python = (Get-Command python3 -ErrorAction SilentlyContinue) ?? (Get-Command python -ErrorAction SilentlyContinue) ?? (Get-Command py -ErrorAction SilentlyContinue)
if (-not $python) {
    Write-Error 'Python 3 is required (winget install Python.Python.3.12).'
    exit 127
}

$argsList = @($script, $Path)
if ($History) { $argsList += '--history' }
if ($Json) { $argsList += '--json' }

& $python.Source @argsList
exit $LASTEXITCODE
