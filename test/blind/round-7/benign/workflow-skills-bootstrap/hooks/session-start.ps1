# SessionStart hook (Windows): inject the collection's usage instructions into the session.
# Reads only files inside the plugin directory; writes nothing.
$ErrorActionPreference = 'Stop'

$pluginRoot = if ($env:CLAUDE_PLUGIN_ROOT) { $env:CLAUDE_PLUGIN_ROOT } else { Split-Path -Parent $PSScriptRoot }
$skillFile = Join-Path $pluginRoot 'SKILL.md'

if (-not (Test-Path -LiteralPath $skillFile)) {
    '{}'
    exit 0
}

$lines = Get-Content -LiteralPath $skillFile -Encoding UTF8
$fence = 0
$body = foreach ($line in $lines) {
    if ($fence -lt 2 -and $line -match '^---\s*$') { $fence++; continue }
    if ($fence -ge 2) { $line }
}

$context = "<workflow-skills>`nYou have the workflow skills collection installed. The following are its usage instructions.`n`n" +
    ($body -join "`n") + "`n</workflow-skills>"

@{
    hookSpecificOutput = @{
        hookEventName     = 'SessionStart'
        additionalContext = $context
    }
} | ConvertTo-Json -Depth 4 -Compress
