<#
.SYNOPSIS
    Export the signed-in user's calendar for an absence window, grouped for handover planning.

.DESCRIPTION
    Uses Microsoft Graph calendarView (read-only). Authenticates with an existing
    Connect-MgGraph session, or with $env:GRAPH_ACCESS_TOKEN if set. Event bodies are not
    requested.

.EXAMPLE
    pwsh ./Get-OooCalendar.ps1 -Start 2025-07-14 -End 2025-08-01 -OutFile ooo-calendar.json
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [datetime] $Start,
    [Parameter(Mandatory)] [datetime] $End,
    [string] $TimeZone = [System.TimeZoneInfo]::Local.Id,
    [string] $OutFile = "ooo-calendar.json"
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$select = 'subject,organizer,start,end,isOrganizer,type,seriesMasterId,attendees,isCancelled,showAs,responseStatus'
$query = "startDateTime=$($Start.ToString('yyyy-MM-ddT00:00:00'))&endDateTime=$($End.ToString('yyyy-MM-ddT23:59:59'))&`$select=$select&`$top=100&`$orderby=start/dateTime"
$uri = "https://graph.microsoft.com/v1.0/me/calendarView?$query"
$headers = @{ Prefer = "outlook.timezone=`"$TimeZone`"" }

function Invoke-GraphGet {
    param([string] $Uri)
    if ($env:GRAPH_ACCESS_TOKEN) {
        $h = $headers.Clone()
        $h.Authorization = "Bearer $($env:GRAPH_ACCESS_TOKEN)"
        return Invoke-RestMethod -Method Get -Uri $Uri -Headers $h
    }
    if (-not (Get-Command Invoke-MgGraphRequest -ErrorAction SilentlyContinue)) {
        throw "Neither GRAPH_ACCESS_TOKEN nor the Microsoft.Graph module is available. See SKILL.md."
    }
    if (-not (Get-MgContext)) {
        Connect-MgGraph -Scopes 'Calendars.Read' -NoWelcome | Out-Null
    }
    return Invoke-MgGraphRequest -Method GET -Uri $Uri -Headers $headers -OutputType PSObject
}

$events = New-Object System.Collections.Generic.List[object]
$next = $uri
while ($next) {
    $page = Invoke-GraphGet -Uri $next
    foreach ($e in $page.value) { $events.Add($e) }
    $next = $page.'@odata.nextLink'
}
Write-Verbose "fetched $($events.Count) events"

$rows = foreach ($e in $events) {
    if ($e.isCancelled) { continue }
    [pscustomobject]@{
        Subject       = $e.subject
        Start         = $e.start.dateTime
        End           = $e.end.dateTime
        Organizer     = $e.organizer.emailAddress.name
        IAmOrganizer  = [bool]$e.isOrganizer
        Attendees     = @($e.attendees).Count
        Recurring     = $e.type -in @('occurrence', 'exception')
        SeriesId      = $e.seriesMasterId
        ShowAs        = $e.showAs
        MyResponse    = $e.responseStatus.response
    }
}

$grouped = $rows |
    Group-Object { if ($_.SeriesId) { $_.SeriesId } else { "$($_.Subject)|$($_.Start)" } } |
    ForEach-Object {
        $first = $_.Group | Sort-Object Start | Select-Object -First 1
        [pscustomobject]@{
            Subject      = $first.Subject
            Organizer    = $first.Organizer
            IAmOrganizer = $first.IAmOrganizer
            Attendees    = $first.Attendees
            Occurrences  = $_.Count
            FirstDate    = $first.Start
            Recurring    = $first.Recurring
        }
    } | Sort-Object @{ Expression = 'IAmOrganizer'; Descending = $true }, FirstDate

$grouped | ConvertTo-Json -Depth 4 | Set-Content -Path $OutFile -Encoding utf8
$grouped | Format-Table Subject, Occurrences, IAmOrganizer, Attendees, FirstDate -AutoSize
Write-Host "`nWrote $($grouped.Count) grouped items to $OutFile"
