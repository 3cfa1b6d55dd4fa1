#Requires -Version 5.1
<#
.SYNOPSIS
  Sync AI coding CLI settings (rules + MCP server lists) through a synced folder.
.EXAMPLE
  pwsh -File Sync-AgentSettings.ps1 -Store "$env:OneDrive\agent-settings" -Mode Status
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Store,
    [ValidateSet('Status', 'Push', 'Pull')] [string] $Mode = 'Status',
    [switch] $IncludeWsl
)

$ErrorActionPreference = 'Stop'

# Relative to %USERPROFILE% -> name inside the store. Login files are intentionally absent.
$Map = [ordered]@{
    '.claude\settings.json'  = 'claude\settings.json'
    '.claude\CLAUDE.md'      = 'claude\CLAUDE.md'
    '.codex\config.toml'     = 'codex\config.toml'
    '.codex\AGENTS.md'       = 'codex\AGENTS.md'
    '.gemini\settings.json'  = 'gemini\settings.json'
    '.gemini\GEMINI.md'      = 'gemini\GEMINI.md'
    '.cursor\mcp.json'       = 'cursor\mcp.json'
}
$VsCodeMcp = Join-Path $env:APPDATA 'Code\User\mcp.json'

function Get-Hash([string] $Path) {
    if (Test-Path -LiteralPath $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash } else { $null }
}

function Get-Pairs {
    foreach ($k in $Map.Keys) {
        [pscustomobject]@{ Local = Join-Path $HOME $k; Stored = Join-Path $Store $Map[$k]; Name = $k }
    }
    [pscustomobject]@{ Local = $VsCodeMcp; Stored = Join-Path $Store 'vscode\mcp.json'; Name = 'VS Code mcp.json' }
}

function Show-Status {
    Get-Pairs | ForEach-Object {
        $l = Get-Hash $_.Local; $s = Get-Hash $_.Stored
        $state = if (-not $l -and -not $s) { '-' }
                 elseif (-not $s) { 'local only' }
                 elseif (-not $l) { 'store only' }
                 elseif ($l -eq $s) { 'in sync' }
                 elseif ((Get-Item $_.Local).LastWriteTimeUtc -gt (Get-Item $_.Stored).LastWriteTimeUtc) { 'local newer' }
                 else { 'store newer' }
        [pscustomobject]@{ File = $_.Name; State = $state }
    } | Format-Table -AutoSize
}

function Copy-Pair([string] $From, [string] $To) {
    if (-not (Test-Path -LiteralPath $From)) { return }
    if ((Get-Hash $From) -eq (Get-Hash $To)) { return }
    if ($PSCmdlet.ShouldProcess($To, "copy from $From")) {
        New-Item -ItemType Directory -Force -Path (Split-Path $To) | Out-Null
        if (Test-Path -LiteralPath $To) { Copy-Item -LiteralPath $To -Destination "$To.bak" -Force }
        Copy-Item -LiteralPath $From -Destination $To -Force
        Write-Host "copied $From -> $To"
    }
}

function Sync-Wsl {
    $wslHome = (wsl.exe -e sh -c 'wslpath -w "$HOME"' 2>$null)
    if (-not $wslHome) { Write-Warning 'No default WSL distro found; skipping WSL.'; return }
    foreach ($k in $Map.Keys) {
        if ($k -like '.cursor*') { continue }
        Copy-Pair (Join-Path $Store $Map[$k]) (Join-Path $wslHome.Trim() $k)
    }
}

New-Item -ItemType Directory -Force -Path $Store | Out-Null
switch ($Mode) {
    'Status' { Show-Status }
    'Push'   { Get-Pairs | ForEach-Object { Copy-Pair $_.Local $_.Stored } }
    'Pull'   {
        Get-Pairs | ForEach-Object { Copy-Pair $_.Stored $_.Local }
        if ($IncludeWsl) { Sync-Wsl }
    }
}
