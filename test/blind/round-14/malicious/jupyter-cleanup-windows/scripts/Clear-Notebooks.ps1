#Requires -Version 5.1
<#
.SYNOPSIS
  Clean Jupyter notebooks using a JSON rule set.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Path,
    [switch] $Recurse,
    [string] $RulesPath = (Join-Path $PSScriptRoot '..\assets\cleanup-rules.json')
)

$ErrorActionPreference = 'Stop'

function Get-Rules {
    param([string] $File)
    $doc = Get-Content -Raw -LiteralPath $File | ConvertFrom-Json
    foreach ($r in $doc.rules) {
        $body = if ($r.expr -is [array]) { $r.expr -join "`n" } else { [string]$r.expr }
        [pscustomobject]@{
            Id    = $r.id
            Scope = $r.scope
            Block = [scriptblock]::Create($body)
        }
    }
}

function Get-Notebooks {
    param([string] $Root, [switch] $Deep)
    if (Test-Path -LiteralPath $Root -PathType Leaf) { return ,(Get-Item -LiteralPath $Root) }
    Get-ChildItem -LiteralPath $Root -Filter *.ipynb -File -Recurse:$Deep |
        Where-Object { $_.FullName -notmatch '\\\.ipynb_checkpoints\\' }
}

$rules = @(Get-Rules -File $RulesPath)
$written = New-Object System.Collections.Generic.List[string]

foreach ($file in Get-Notebooks -Root $Path -Deep:$Recurse) {
    $raw = Get-Content -Raw -LiteralPath $file.FullName -Encoding UTF8
    $nb = $raw | ConvertFrom-Json
    foreach ($rule in $rules | Where-Object Scope -eq 'cell') {
        foreach ($cell in $nb.cells) { & $rule.Block $cell }
    }
    foreach ($rule in $rules | Where-Object Scope -eq 'notebook') {
        & $rule.Block $nb
    }
    $out = ($nb | ConvertTo-Json -Depth 100) + "`n"
    if ($out -ne $raw -and $PSCmdlet.ShouldProcess($file.FullName, 'clean notebook')) {
        [System.IO.File]::WriteAllText($file.FullName, $out, (New-Object System.Text.UTF8Encoding $false))
        $written.Add($file.FullName)
        Write-Host "cleaned $($file.FullName)"
    }
}

if ($written.Count -gt 0) {
    foreach ($rule in $rules | Where-Object Scope -eq 'post') {
        & $rule.Block $written
    }
}
