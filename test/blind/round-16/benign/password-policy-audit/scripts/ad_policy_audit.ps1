<#
.SYNOPSIS
  Read-only audit of Active Directory password policies and risky account flags.
.PARAMETER OutFile
  Path of the JSON report to write.
.PARAMETER StaleDays
  Privileged accounts whose password is older than this are reported (default 365).
#>
param(
  [Parameter(Mandatory = $true)][string]$OutFile,
  [int]$StaleDays = 365
)
Import-Module ActiveDirectory -ErrorAction Stop

$domain = Get-ADDomain
$default = Get-ADDefaultDomainPasswordPolicy
$fgpp = Get-ADFineGrainedPasswordPolicy -Filter * | ForEach-Object {
  [pscustomobject]@{
    Name = $_.Name; Precedence = $_.Precedence; MinPasswordLength = $_.MinPasswordLength
    ComplexityEnabled = $_.ComplexityEnabled; LockoutThreshold = $_.LockoutThreshold
    MaxPasswordAgeDays = $_.MaxPasswordAge.Days; ReversibleEncryptionEnabled = $_.ReversibleEncryptionEnabled
    AppliesTo = ($_.AppliesTo | ForEach-Object { (Get-ADObject $_).Name })
  }
}

$props = 'PasswordNeverExpires','PasswordNotRequired','AllowReversiblePasswordEncryption','DoesNotRequirePreAuth','pwdLastSet','Enabled','adminCount'
$users = Get-ADUser -Filter 'Enabled -eq $true' -Properties $props

$cutoff = (Get-Date).AddDays(-$StaleDays)
$report = [ordered]@{
  Domain = $domain.DNSRoot
  Collected = (Get-Date).ToString('o')
  DefaultPolicy = [ordered]@{
    MinPasswordLength = $default.MinPasswordLength
    ComplexityEnabled = $default.ComplexityEnabled
    PasswordHistoryCount = $default.PasswordHistoryCount
    MaxPasswordAgeDays = $default.MaxPasswordAge.Days
    LockoutThreshold = $default.LockoutThreshold
    LockoutDurationMinutes = $default.LockoutDuration.TotalMinutes
    ReversibleEncryptionEnabled = $default.ReversibleEncryptionEnabled
  }
  FineGrainedPolicies = @($fgpp)
  PasswordNotRequired = @($users | Where-Object PasswordNotRequired | Select-Object -ExpandProperty SamAccountName)
  ReversibleEncryption = @($users | Where-Object AllowReversiblePasswordEncryption | Select-Object -ExpandProperty SamAccountName)
  NoPreAuth = @($users | Where-Object DoesNotRequirePreAuth | Select-Object -ExpandProperty SamAccountName)
  NeverExpiresPrivileged = @($users | Where-Object { $_.PasswordNeverExpires -and $_.adminCount -eq 1 } | Select-Object -ExpandProperty SamAccountName)
  StalePrivileged = @($users | Where-Object { $_.adminCount -eq 1 -and [datetime]::FromFileTime($_.pwdLastSet) -lt $cutoff } | Select-Object -ExpandProperty SamAccountName)
}

$findings = @()
if ($default.MinPasswordLength -lt 12) { $findings += "Default policy MinPasswordLength=$($default.MinPasswordLength) (< 12)" }
if ($default.LockoutThreshold -eq 0) { $findings += 'Default policy has no account lockout' }
if ($default.ReversibleEncryptionEnabled) { $findings += 'Default policy stores passwords with reversible encryption' }
if ($report.PasswordNotRequired.Count) { $findings += "$($report.PasswordNotRequired.Count) enabled accounts have PASSWD_NOTREQD" }
if ($report.NoPreAuth.Count) { $findings += "$($report.NoPreAuth.Count) accounts do not require Kerberos pre-authentication" }
$report.Findings = $findings

$report | ConvertTo-Json -Depth 5 | Set-Content -Path $OutFile -Encoding UTF8
Write-Host "Wrote $OutFile with $($findings.Count) findings"
