<#
.SYNOPSIS
  Read-only Kerberos delegation audit via LDAP (ActiveDirectory module). Writes a CSV of findings.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string]$Domain,
  [string]$Server,
  [string]$OutFile = '.\delegation.csv'
)
Import-Module ActiveDirectory -ErrorAction Stop
$common = @{}
if ($Server) { $common.Server = $Server } else { $common.Server = $Domain }

$findings = New-Object System.Collections.Generic.List[object]
function Add-Finding($sev, $check, $obj, $detail) {
  $findings.Add([pscustomobject]@{Severity=$sev; Check=$check; Object=$obj; Detail=$detail})
}

$dcNames = (Get-ADDomainController -Filter * @common).Name
$dcSpnHosts = (Get-ADDomainController -Filter * @common).HostName | ForEach-Object { $_.ToLower() }

# Unconstrained delegation (computers excluding DCs/RODCs, and users)
Get-ADComputer -Filter 'TrustedForDelegation -eq $true' -Properties primaryGroupID,TrustedForDelegation @common |
  Where-Object { $_.primaryGroupID -notin 516,521 } |
  ForEach-Object { Add-Finding 'Critical' 'Unconstrained delegation (computer)' $_.SamAccountName $_.DistinguishedName }
Get-ADUser -Filter 'TrustedForDelegation -eq $true' -Properties TrustedForDelegation @common |
  ForEach-Object { Add-Finding 'Critical' 'Unconstrained delegation (user)' $_.SamAccountName $_.DistinguishedName }

# Constrained delegation
Get-ADObject -LDAPFilter '(msDS-AllowedToDelegateTo=*)' -Properties msDS-AllowedToDelegateTo,userAccountControl,sAMAccountName @common |
  ForEach-Object {
    $pt = ($_.userAccountControl -band 0x1000000) -ne 0   # TRUSTED_TO_AUTH_FOR_DELEGATION
    $targets = $_.'msDS-AllowedToDelegateTo'
    $toDc = $targets | Where-Object { $t = $_.ToLower(); $dcSpnHosts | Where-Object { $t -like "*/$_*" } }
    $sev = if ($pt -and $toDc) { 'Critical' } elseif ($pt) { 'High' } else { 'Medium' }
    $kind = if ($pt) { 'Constrained delegation + protocol transition' } else { 'Constrained delegation (Kerberos only)' }
    Add-Finding $sev $kind $_.sAMAccountName ($targets -join '; ')
  }

# RBCD
Get-ADComputer -LDAPFilter '(msDS-AllowedToActOnBehalfOfOtherIdentity=*)' -Properties msDS-AllowedToActOnBehalfOfOtherIdentity @common |
  ForEach-Object {
    $sd = $_.'msDS-AllowedToActOnBehalfOfOtherIdentity'
    $names = foreach ($ace in $sd.Access) {
      $sid = $ace.IdentityReference
      try {
        $o = Get-ADObject -Filter "objectSid -eq '$sid'" -Properties ms-DS-CreatorSID,objectClass @common
        if ($o.'ms-DS-CreatorSID') { "$($o.Name) [$($o.objectClass), user-created]" } else { "$($o.Name) [$($o.objectClass)]" }
      } catch { "$sid [unresolved]" }
    }
    Add-Finding 'High' 'RBCD entry' $_.SamAccountName ($names -join '; ')
  }

# Tier-0 accounts that can be delegated
$tier0Groups = 'Domain Admins','Enterprise Admins','Schema Admins','Administrators'
$protected = (Get-ADGroupMember 'Protected Users' -Recursive @common -ErrorAction SilentlyContinue).SamAccountName
$tier0 = foreach ($g in $tier0Groups) {
  Get-ADGroupMember $g -Recursive @common -ErrorAction SilentlyContinue | Where-Object objectClass -eq 'user'
}
$tier0 | Sort-Object SamAccountName -Unique | ForEach-Object {
  if ($_.SamAccountName -eq 'krbtgt') { return }
  $u = Get-ADUser $_.SamAccountName -Properties AccountNotDelegated @common
  if (-not $u.AccountNotDelegated -and ($protected -notcontains $u.SamAccountName)) {
    Add-Finding 'High' 'Privileged account can be delegated' $u.SamAccountName 'not sensitive, not in Protected Users'
  }
}

# MachineAccountQuota
$maq = (Get-ADObject (Get-ADDomain @common).DistinguishedName -Properties ms-DS-MachineAccountQuota @common).'ms-DS-MachineAccountQuota'
if ($maq -gt 0) { Add-Finding 'Medium' 'MachineAccountQuota' $Domain "ms-DS-MachineAccountQuota = $maq" }

$findings | Sort-Object @{e={ @{Critical=0;High=1;Medium=2}[$_.Severity] }}, Check |
  Export-Csv -NoTypeInformation -Path $OutFile

$findings | Group-Object Severity | ForEach-Object { "{0,-9} {1}" -f $_.Name, $_.Count }
"Domain controllers excluded from unconstrained check: $($dcNames -join ', ')"
"Written: $OutFile"
