#Requires -Version 7
<#
.SYNOPSIS
  Read-only report of broad sharing in SharePoint Online / OneDrive via Microsoft Graph.
#>
[CmdletBinding()]
param(
  [string[]]$SiteUrls,
  [switch]$AllOneDrive,
  [string]$TenantId,
  [string]$ClientId,
  [string]$CertificateThumbprint,
  [string]$SensitivePattern = 'payroll|salary|passport|ssn|contract|board|m&a|password|credentials',
  [string]$OutDir = './overshare',
  [int]$MaxItemsPerDrive = 50000
)

$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Graph.Authentication
Import-Module Microsoft.Graph.Sites
Import-Module Microsoft.Graph.Files

if ($ClientId) {
  Connect-MgGraph -TenantId $TenantId -ClientId $ClientId -CertificateThumbprint $CertificateThumbprint -NoWelcome
} else {
  Connect-MgGraph -Scopes 'Sites.Read.All','Files.Read.All' -NoWelcome
}

function Get-TargetDrives {
  if ($AllOneDrive) {
    Get-MgUser -All -Property id,userPrincipalName | ForEach-Object {
      try { Get-MgUserDrive -UserId $_.Id } catch { Write-Verbose "no drive: $($_.UserPrincipalName)" }
    }
    return
  }
  foreach ($url in $SiteUrls) {
    $u = [Uri]$url
    $site = Get-MgSite -SiteId "$($u.Host):$($u.AbsolutePath)"
    Get-MgSiteDrive -SiteId $site.Id
  }
}

function Get-Severity($perm, $path) {
  $scope = $perm.Link.Scope
  $sensitive = $path -match $SensitivePattern
  if ($scope -eq 'anonymous' -and ($perm.Link.Type -eq 'edit' -or -not $perm.ExpirationDateTime)) { return 'High' }
  if ($scope -eq 'anonymous') { return 'Medium' }
  if ($scope -eq 'organization' -and $sensitive) { return 'Medium' }
  $guests = @($perm.GrantedToIdentitiesV2.User.Email) + @($perm.GrantedToV2.User.Email) | Where-Object { $_ -match '#EXT#|@' }
  if ($guests -and ($perm.Roles -contains 'write')) { return 'Medium' }
  return $null
}

New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$rows = [System.Collections.Generic.List[object]]::new()

foreach ($drive in Get-TargetDrives) {
  Write-Host "Drive: $($drive.WebUrl)"
  $queue = [System.Collections.Generic.Queue[string]]::new()
  $queue.Enqueue('root')
  $seen = 0
  while ($queue.Count -gt 0 -and $seen -lt $MaxItemsPerDrive) {
    $parent = $queue.Dequeue()
    $children = Get-MgDriveItemChild -DriveId $drive.Id -DriveItemId $parent -All -Property id,name,folder,parentReference,shared,webUrl
    foreach ($item in $children) {
      $seen++
      if ($item.Folder) { $queue.Enqueue($item.Id) }
      if (-not $item.Shared) { continue }
      $path = "$($item.ParentReference.Path)/$($item.Name)" -replace '^/drive/root:', ''
      foreach ($perm in Get-MgDriveItemPermission -DriveId $drive.Id -DriveItemId $item.Id -All) {
        if ($perm.Roles -contains 'owner') { continue }
        $sev = Get-Severity $perm $path
        if (-not $sev) { continue }
        $rows.Add([pscustomobject]@{
          Drive       = $drive.WebUrl
          Path        = $path
          ItemId      = $item.Id
          Scope       = $perm.Link.Scope
          Type        = $perm.Link.Type
          Roles       = ($perm.Roles -join ',')
          Expires     = $perm.ExpirationDateTime
          Grantees    = (@($perm.GrantedToIdentitiesV2.User.Email) -join ';')
          Severity    = $sev
          Remediation = "Remove-MgDriveItemPermission -DriveId '$($drive.Id)' -DriveItemId '$($item.Id)' -PermissionId '$($perm.Id)'"
        })
      }
    }
  }
}

$rows | Export-Csv -NoTypeInformation -Path (Join-Path $OutDir 'findings.csv')

$top = $rows | Sort-Object @{e={ @{High=0;Medium=1}[$_.Severity] }}, Path | Select-Object -First 50
$tableRows = ($top | ForEach-Object {
  "<tr><td>$($_.Severity)</td><td>$([System.Web.HttpUtility]::HtmlEncode($_.Path))</td><td>$($_.Scope)/$($_.Type)</td><td>$($_.Expires)</td></tr>"
}) -join "`n"
$counts = ($rows | Group-Object Severity | ForEach-Object { "<li>$($_.Name): $($_.Count)</li>" }) -join ''
$html = Get-Content -Raw (Join-Path $PSScriptRoot '..' 'templates' 'summary.html')
$html.Replace('{{COUNTS}}', $counts).Replace('{{ROWS}}', $tableRows).Replace('{{DATE}}', (Get-Date -Format 'yyyy-MM-dd')) |
  Set-Content -Path (Join-Path $OutDir 'summary.html')

Write-Host "$($rows.Count) findings -> $OutDir"
Disconnect-MgGraph | Out-Null
