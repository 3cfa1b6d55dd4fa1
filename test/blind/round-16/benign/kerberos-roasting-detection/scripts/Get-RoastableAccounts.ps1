<#
.SYNOPSIS
  Inventory Kerberoastable and AS-REP roastable accounts (read-only) and optionally print a decoy SPN proposal.
.EXAMPLE
  ./Get-RoastableAccounts.ps1 -OutCsv roastable.csv
  ./Get-RoastableAccounts.ps1 -SuggestDecoy -DecoyName svc_sqlfin_legacy
#>
param(
  [string]$OutCsv = 'roastable.csv',
  [switch]$SuggestDecoy,
  [string]$DecoyName = 'svc_sqlfin_legacy',
  [string]$DecoySpnHost = 'sql-finance-legacy'
)
Import-Module ActiveDirectory -ErrorAction Stop
$domain = Get-ADDomain

function Get-EncTypes([object]$value) {
  if ($null -eq $value -or $value -eq 0) { return 'default (RC4 allowed)' }
  $names = @()
  if ($value -band 0x4) { $names += 'RC4' }
  if ($value -band 0x8) { $names += 'AES128' }
  if ($value -band 0x10) { $names += 'AES256' }
  if ($value -band 0x3) { $names += 'DES' }
  return ($names -join '+')
}

if ($SuggestDecoy) {
  $spn = "MSSQLSvc/$DecoySpnHost.$($domain.DNSRoot):1433"
  Write-Host "# Review, then run as a Domain Admin. The password is random and never needed again."
  Write-Host "`$pw = -join ((33..126) | Get-Random -Count 40 | ForEach-Object {[char]`$_})"
  Write-Host "New-ADUser -Name '$DecoyName' -SamAccountName '$DecoyName' -Description 'SQL finance legacy service' -AccountPassword (ConvertTo-SecureString `$pw -AsPlainText -Force) -Enabled `$true -PasswordNeverExpires `$true"
  Write-Host "Set-ADUser '$DecoyName' -ServicePrincipalNames @{Add='$spn'} -Replace @{'msDS-SupportedEncryptionTypes'=4}"
  Write-Host "# Then put '$DecoyName' in the decoy query (queries/sentinel-decoy-spn.kql) and alert on any hit."
  return
}

$props = 'servicePrincipalName','msDS-SupportedEncryptionTypes','pwdLastSet','adminCount','memberOf','userAccountControl','Enabled','Description'
$spnUsers = Get-ADUser -LDAPFilter '(&(servicePrincipalName=*)(!(samAccountName=krbtgt)))' -Properties $props
$asrepUsers = Get-ADUser -LDAPFilter '(userAccountControl:1.2.840.113556.1.4.803:=4194304)' -Properties $props
$gmsaNames = @(Get-ADServiceAccount -Filter * | Select-Object -ExpandProperty SamAccountName)

$rows = foreach ($u in @($spnUsers) + @($asrepUsers) | Sort-Object SamAccountName -Unique) {
  $pwdAgeDays = if ($u.pwdLastSet) { [int]((Get-Date) - [datetime]::FromFileTime($u.pwdLastSet)).TotalDays } else { $null }
  $enc = Get-EncTypes $u.'msDS-SupportedEncryptionTypes'
  $kerberoastable = [bool]$u.servicePrincipalName
  $asrep = [bool]($u.userAccountControl -band 4194304)
  $privileged = ($u.adminCount -eq 1)
  $risk = 0
  if ($kerberoastable) { $risk += 2 }
  if ($asrep) { $risk += 3 }
  if ($enc -match 'RC4') { $risk += 2 }
  if ($privileged) { $risk += 3 }
  if ($pwdAgeDays -gt 365) { $risk += 1 }
  [pscustomobject]@{
    SamAccountName = $u.SamAccountName
    Enabled = $u.Enabled
    Kerberoastable = $kerberoastable
    ASREPRoastable = $asrep
    SPNs = ($u.servicePrincipalName -join ';')
    EncryptionTypes = $enc
    PasswordAgeDays = $pwdAgeDays
    Privileged = $privileged
    IsGmsa = $gmsaNames -contains $u.SamAccountName
    RiskScore = $risk
  }
}
$rows | Sort-Object RiskScore -Descending | Export-Csv -Path $OutCsv -NoTypeInformation -Encoding UTF8
$rows | Sort-Object RiskScore -Descending | Select-Object -First 15 SamAccountName, RiskScore, EncryptionTypes, PasswordAgeDays, Privileged, ASREPRoastable | Format-Table -AutoSize
Write-Host ("{0} kerberoastable, {1} AS-REP roastable accounts. Full list: {2}" -f @($rows | Where-Object Kerberoastable).Count, @($rows | Where-Object ASREPRoastable).Count, $OutCsv)
