<#
.SYNOPSIS
  Read-only inventory of OAuth consent grants in the connected Entra ID tenant.
.DESCRIPTION
  Requires an existing Connect-MgGraph session with Application.Read.All, Directory.Read.All,
  AuditLog.Read.All and DelegatedPermissionGrant.Read.All. Writes grants.csv, apps.csv and
  consent-events.csv to -OutDir. Makes no changes.
#>
[CmdletBinding()]
param(
  [string]$OutDir = "./consent-hunt",
  [int]$SinceDays = 90,
  [int]$Top = 0
)

$ErrorActionPreference = "Stop"
$ctx = Get-MgContext
if (-not $ctx) { throw "Not connected. Run Connect-MgGraph first." }
Write-Host "Tenant: $($ctx.TenantId)  Account: $($ctx.Account)" -ForegroundColor Cyan

New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$since = (Get-Date).ToUniversalTime().AddDays(-$SinceDays)

$HighMail = @("Mail.Read","Mail.ReadWrite","Mail.Send","MailboxSettings.ReadWrite","Files.ReadWrite.All",
              "Sites.ReadWrite.All","Contacts.Read","Notes.Read.All","EWS.AccessAsUser.All")
$DirWrite = @("Directory.ReadWrite.All","RoleManagement.ReadWrite.Directory","AppRoleAssignment.ReadWrite.All",
              "Application.ReadWrite.All")
$ImitateRx = '(?i)\b(microsoft|office|outlook|o365|365|sharepoint|teams|defender|security|onedrive)\b'
$ReplyRx   = '(?i)(herokuapp\.com|ngrok|trycloudflare\.com|workers\.dev|pages\.dev|glitch\.me|^https?://\d{1,3}(\.\d{1,3}){3})'
$MicrosoftTenants = @("f8cdef31-a31e-4b4a-93e4-5f571e91255a","72f988bf-86f1-41af-91ab-2d7cd011db47")

# Microsoft Graph app role id -> name, to translate application permissions
$graphSp = Get-MgServicePrincipal -Filter "appId eq '00000003-0000-0000-c000-000000000000'"
$roleName = @{}
foreach ($r in $graphSp.AppRoles) { $roleName[$r.Id.ToString()] = $r.Value }

$spParams = @{ All = $true; Property = "id,appId,displayName,appOwnerOrganizationId,publisherName,verifiedPublisher,replyUrls,createdDateTime,servicePrincipalType,accountEnabled" }
if ($Top -gt 0) { $spParams.Remove("All"); $spParams.Top = $Top }
$sps = Get-MgServicePrincipal @spParams | Where-Object { $_.ServicePrincipalType -eq "Application" }

$grantRows = [System.Collections.Generic.List[object]]::new()
$appRows   = [System.Collections.Generic.List[object]]::new()

foreach ($sp in $sps) {
  $delegated = @(Get-MgServicePrincipalOauth2PermissionGrant -ServicePrincipalId $sp.Id -All -ErrorAction SilentlyContinue)
  $appRoles  = @(Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -All -ErrorAction SilentlyContinue)
  if ($delegated.Count -eq 0 -and $appRoles.Count -eq 0) { continue }

  $scopes = @()
  foreach ($g in $delegated) {
    $s = ($g.Scope -split '\s+') | Where-Object { $_ }
    $scopes += $s
    foreach ($one in $s) {
      $grantRows.Add([pscustomobject]@{
        App = $sp.DisplayName; AppId = $sp.AppId; Kind = "Delegated"; Scope = $one
        ConsentType = $g.ConsentType; PrincipalId = $g.PrincipalId; GrantId = $g.Id })
    }
  }
  $appPerms = @()
  foreach ($a in $appRoles) {
    $n = $roleName[$a.AppRoleId.ToString()]
    if (-not $n) { $n = $a.AppRoleId.ToString() }
    $appPerms += $n
    $grantRows.Add([pscustomobject]@{
      App = $sp.DisplayName; AppId = $sp.AppId; Kind = "Application"; Scope = $n
      ConsentType = "AdminApp"; PrincipalId = $a.ResourceId; GrantId = $a.Id })
  }

  $score = 0; $why = @()
  $hm = @($scopes | Where-Object { $HighMail -contains $_ } | Select-Object -Unique)
  if ($hm.Count) { $score += [Math]::Min(9, 3 * $hm.Count); $why += "high-risk delegated: $($hm -join ',')" }
  $dw = @(($scopes + $appPerms) | Where-Object { $DirWrite -contains $_ } | Select-Object -Unique)
  if ($dw.Count) { $score += 5; $why += "directory write: $($dw -join ',')" }
  if ($appPerms.Count) { $score += 4; $why += "application permissions: $($appPerms -join ',')" }
  if ($scopes -contains "offline_access" -and ($hm.Count -or $dw.Count)) { $score += 2; $why += "offline_access" }
  if (-not $sp.VerifiedPublisher.DisplayName) { $score += 2; $why += "unverified publisher" }
  $foreign = $sp.AppOwnerOrganizationId -and $sp.AppOwnerOrganizationId -ne $ctx.TenantId -and
             ($MicrosoftTenants -notcontains $sp.AppOwnerOrganizationId.ToString())
  if ($foreign) { $score += 1; $why += "multi-tenant app from another org" }
  if ($sp.CreatedDateTime -and $sp.CreatedDateTime -gt $since) { $score += 2; $why += "created $($sp.CreatedDateTime.ToString('yyyy-MM-dd'))" }
  $users = @($delegated | Where-Object ConsentType -eq "Principal" | Select-Object -ExpandProperty PrincipalId -Unique)
  if ($users.Count -eq 1 -and -not ($delegated | Where-Object ConsentType -eq "AllPrincipals")) { $score += 1; $why += "single-user consent" }
  if ($sp.DisplayName -match $ImitateRx -and $foreign) { $score += 3; $why += "name imitates Microsoft" }
  $badReply = @($sp.ReplyUrls | Where-Object { $_ -match $ReplyRx })
  if ($badReply.Count) { $score += 3; $why += "reply URL: $($badReply -join ' ')" }

  $band = if ($score -ge 8) { "Review now" } elseif ($score -ge 4) { "Check" } else { "Info" }
  $appRows.Add([pscustomobject]@{
    Band = $band; Score = $score; App = $sp.DisplayName; ServicePrincipalId = $sp.Id; AppId = $sp.AppId
    Publisher = $sp.PublisherName; Verified = [bool]$sp.VerifiedPublisher.DisplayName
    Enabled = $sp.AccountEnabled; Users = $users.Count; Reasons = ($why -join "; ") })
}

$grantRows | Export-Csv -NoTypeInformation -Path (Join-Path $OutDir "grants.csv")
$appRows | Sort-Object Score -Descending | Export-Csv -NoTypeInformation -Path (Join-Path $OutDir "apps.csv")

try {
  $filter = "activityDisplayName eq 'Consent to application' and activityDateTime ge $($since.ToString('yyyy-MM-ddTHH:mm:ssZ'))"
  Get-MgAuditLogDirectoryAudit -Filter $filter -All |
    Select-Object ActivityDateTime,
      @{n="Initiator";e={$_.InitiatedBy.User.UserPrincipalName}},
      @{n="App";e={($_.TargetResources | Select-Object -First 1).DisplayName}},
      @{n="AppObjectId";e={($_.TargetResources | Select-Object -First 1).Id}},
      Result |
    Export-Csv -NoTypeInformation -Path (Join-Path $OutDir "consent-events.csv")
} catch {
  Write-Warning "Audit log query failed: $($_.Exception.Message)"
}

$appRows | Sort-Object Score -Descending | Select-Object -First 15 Band, Score, App, Users, Reasons | Format-Table -AutoSize -Wrap
Write-Host "Wrote $OutDir/grants.csv, apps.csv, consent-events.csv. No changes were made." -ForegroundColor Green
