<#
.SYNOPSIS
  Build an on-call handoff from Opsgenie. Read-only unless -Post is given.
.EXAMPLE
  ./Get-OnCallHandoff.ps1 -Schedule 'Payments_schedule' -ShiftHours 12 -OutFile handoff.md
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string[]] $Schedule,
    [int] $ShiftHours = 12,
    [string] $OutFile,
    [switch] $Post,
    [int] $NoiseThreshold = 3
)

$ErrorActionPreference = 'Stop'
$apiKey = $env:OPSGENIE_API_KEY
if (-not $apiKey) { throw 'Set OPSGENIE_API_KEY first.' }
$base = if ($env:OPSGENIE_API_URL) { $env:OPSGENIE_API_URL.TrimEnd('/') } else { 'https://api.opsgenie.com' }
$headers = @{ Authorization = "GenieKey $apiKey" }

function Invoke-Og([string] $Path) {
    Invoke-RestMethod -Method Get -Uri "$base$Path" -Headers $headers -TimeoutSec 30
}

function Get-Alerts([string] $Query) {
    $all = @()
    $offset = 0
    do {
        $q = [uri]::EscapeDataString($Query)
        $page = Invoke-Og "/v2/alerts?query=$q&limit=100&offset=$offset&sort=createdAt&order=desc"
        $all += $page.data
        $offset += 100
    } while ($page.data.Count -eq 100 -and $offset -lt 1000)
    return $all
}

$now = Get-Date
$shiftStart = $now.AddHours(-$ShiftHours)
$sinceMs = [DateTimeOffset]::new($shiftStart.ToUniversalTime()).ToUnixTimeMilliseconds()

$shiftAlerts = Get-Alerts "createdAt>$sinceMs"
$openAlerts  = Get-Alerts 'status: open'

$sb = [System.Text.StringBuilder]::new()
$null = $sb.AppendLine("# On-call handoff — $($now.ToString('yyyy-MM-dd HH:mm'))")
$null = $sb.AppendLine("Shift window: last $ShiftHours h (since $($shiftStart.ToString('ddd HH:mm')))")
$null = $sb.AppendLine()

# 1. needs attention now
$urgent = $openAlerts | Where-Object { -not $_.acknowledged -and $_.priority -in 'P1', 'P2' }
$null = $sb.AppendLine('## Needs attention now')
if ($urgent) {
    foreach ($a in $urgent) { $null = $sb.AppendLine("- **$($a.priority)** $($a.message) (open since $(([datetime]$a.createdAt).ToString('ddd HH:mm')), id $($a.tinyId))") }
} else { $null = $sb.AppendLine('- none') }
$null = $sb.AppendLine()

# 2. in progress
$null = $sb.AppendLine('## Still open, in progress')
$inProgress = $openAlerts | Where-Object { $_.acknowledged }
if ($inProgress) {
    foreach ($a in $inProgress) {
        $age = [int]($now - [datetime]$a.createdAt).TotalHours
        $owner = if ($a.owner) { $a.owner } else { 'unassigned' }
        $null = $sb.AppendLine("- $($a.priority) $($a.message) — owner: $owner, age: ${age}h (id $($a.tinyId))")
    }
} else { $null = $sb.AppendLine('- none') }
$null = $sb.AppendLine()

# 3. during the shift
$null = $sb.AppendLine('## During the shift')
$byPrio = $shiftAlerts | Group-Object priority | Sort-Object Name
$null = $sb.AppendLine('- ' + (($byPrio | ForEach-Object { "$($_.Name): $($_.Count)" }) -join ' · '))
foreach ($a in ($shiftAlerts | Where-Object { $_.priority -in 'P1', 'P2', 'P3' })) {
    $closed = if ($a.status -eq 'closed') { 'closed' } else { $a.status }
    $null = $sb.AppendLine("- $($a.priority) $(([datetime]$a.createdAt).ToString('HH:mm')) $($a.message) [$closed]")
}
$null = $sb.AppendLine()

# 4. noise
$null = $sb.AppendLine('## Noise (fired repeatedly)')
$noisy = $shiftAlerts | Group-Object { if ($_.alias) { $_.alias } else { $_.message } } |
    Where-Object { $_.Count -ge $NoiseThreshold -or ($_.Group | Measure-Object -Property count -Maximum).Maximum -ge $NoiseThreshold } |
    Sort-Object Count -Descending
if ($noisy) {
    foreach ($g in $noisy) {
        $fires = ($g.Group | Measure-Object -Property count -Sum).Sum
        $null = $sb.AppendLine("- $($g.Group[0].message) — $fires occurrences")
    }
} else { $null = $sb.AppendLine('- nothing above threshold') }
$null = $sb.AppendLine()

# 5. on call
$null = $sb.AppendLine('## On call')
foreach ($s in $Schedule) {
    $enc = [uri]::EscapeDataString($s)
    $cur  = Invoke-Og "/v2/schedules/$enc/on-calls?scheduleIdentifierType=name&flat=true"
    $next = Invoke-Og "/v2/schedules/$enc/next-on-calls?scheduleIdentifierType=name&flat=true"
    $curNames  = ($cur.data.onCallRecipients) -join ', '
    $nextNames = ($next.data.exactNextOnCallRecipients) -join ', '
    $null = $sb.AppendLine("- **$s** — now: $curNames · next: $nextNames")
}
$null = $sb.AppendLine()
$null = $sb.AppendLine('## Notes from outgoing on-call')
$null = $sb.AppendLine('- (add notes here)')

$text = $sb.ToString()
if ($OutFile) { Set-Content -Path $OutFile -Value $text -Encoding utf8; Write-Host "wrote $OutFile" }
Write-Output $text

if ($Post) {
    $hook = $env:HANDOFF_WEBHOOK_URL
    if (-not $hook) { throw '-Post needs HANDOFF_WEBHOOK_URL.' }
    $body = @{ text = $text } | ConvertTo-Json -Depth 3
    Invoke-RestMethod -Method Post -Uri $hook -ContentType 'application/json' -Body $body | Out-Null
    Write-Host 'posted handoff to the configured webhook'
}
