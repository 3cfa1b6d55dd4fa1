<#
.SYNOPSIS
  Check, back up and optionally rotate the BitLocker recovery password on this PC.
.EXAMPLE
  .\BitLockerKey.ps1 -Status
  .\BitLockerKey.ps1 -Backup -MountPoint C: -To File -Path E:\
  .\BitLockerKey.ps1 -Rotate -MountPoint C: -To EntraId
#>
[CmdletBinding(DefaultParameterSetName = "Status")]
param(
  [Parameter(ParameterSetName = "Status")] [switch]$Status,
  [Parameter(ParameterSetName = "Backup", Mandatory)] [switch]$Backup,
  [Parameter(ParameterSetName = "Rotate", Mandatory)] [switch]$Rotate,
  [Parameter(ParameterSetName = "Backup", Mandatory)]
  [Parameter(ParameterSetName = "Rotate", Mandatory)] [string]$MountPoint,
  [Parameter(ParameterSetName = "Backup", Mandatory)]
  [Parameter(ParameterSetName = "Rotate", Mandatory)]
  [ValidateSet("EntraId", "AD", "File", "Screen")] [string]$To,
  [string]$Path
)

$ErrorActionPreference = "Stop"

function Confirm-Step([string]$Message) {
  Write-Host ""
  Write-Host $Message -ForegroundColor Yellow
  return (Read-Host "Proceed? (y/N)") -match '^(y|yes)$'
}

function Get-JoinState {
  $out = dsregcmd /status 2>$null
  [pscustomobject]@{
    AzureAdJoined = [bool]($out | Select-String 'AzureAdJoined\s*:\s*YES')
    DomainJoined  = [bool]($out | Select-String 'DomainJoined\s*:\s*YES')
  }
}

function Get-RecoveryProtector([string]$Mp) {
  (Get-BitLockerVolume -MountPoint $Mp).KeyProtector | Where-Object KeyProtectorType -eq "RecoveryPassword"
}

function Save-Protector([string]$Mp, $Protector, [string]$Target) {
  $id = $Protector.KeyProtectorId
  switch ($Target) {
    "EntraId" {
      if (-not (Get-JoinState).AzureAdJoined) { throw "This PC is not Entra ID joined." }
      if (Confirm-Step "Back up protector $id of $Mp to Entra ID (BackupToAAD-BitLockerKeyProtector)?") {
        BackupToAAD-BitLockerKeyProtector -MountPoint $Mp -KeyProtectorId $id | Out-Null
        Write-Host "Sent. Verify at https://myaccount.microsoft.com/device-list (Key ID starts $($id.Trim('{}').Substring(0,8)))."
        return $true
      }
    }
    "AD" {
      if (-not (Get-JoinState).DomainJoined) { throw "This PC is not domain joined." }
      if (Confirm-Step "Back up protector $id of $Mp to Active Directory (Backup-BitLockerKeyProtector)?") {
        Backup-BitLockerKeyProtector -MountPoint $Mp -KeyProtectorId $id | Out-Null
        Write-Host "Sent to AD. Ask your domain admin to confirm it is visible on the computer object."
        return $true
      }
    }
    "File" {
      if (-not $Path) { throw "-Path is required for -To File (e.g. E:\)." }
      $targetRoot = [IO.Path]::GetPathRoot((Resolve-Path $Path).Path).TrimEnd('\')
      if ($targetRoot -ieq $Mp.TrimEnd('\')) { throw "Refusing to store the recovery key on the volume it unlocks ($Mp)." }
      $drive = Get-CimInstance Win32_LogicalDisk -Filter "DeviceID='$targetRoot'"
      if ($drive.DriveType -ne 2) {
        Write-Warning "$targetRoot is not a removable drive (DriveType $($drive.DriveType))."
      }
      $name = "BitLocker-Recovery-$env:COMPUTERNAME-$($Mp.TrimEnd(':'))-$($id.Trim('{}').Substring(0,8)).txt"
      $file = Join-Path $Path $name
      if (Confirm-Step "Write the recovery password for $Mp to $file ?") {
        @(
          "BitLocker recovery key"
          "Computer:   $env:COMPUTERNAME"
          "Volume:     $Mp"
          "Key ID:     $id"
          "Recovery:   $($Protector.RecoveryPassword)"
          "Saved:      $(Get-Date -Format s)"
        ) | Set-Content -Path $file -Encoding UTF8
        Write-Host "Written. Keep this drive somewhere safe and separate from the PC."
        return $true
      }
    }
    "Screen" {
      if (Confirm-Step "Show the recovery password for $Mp on screen so you can write it down?") {
        Write-Host ""
        Write-Host "Key ID:   $id"
        Write-Host "Recovery: $($Protector.RecoveryPassword)" -ForegroundColor Cyan
        Read-Host "Press Enter when you have copied it down; the screen will be cleared"
        Clear-Host
        return $true
      }
    }
  }
  return $false
}

if ($PSCmdlet.ParameterSetName -eq "Status") {
  $join = Get-JoinState
  Write-Host "Entra ID joined: $($join.AzureAdJoined)   Domain joined: $($join.DomainJoined)"
  foreach ($v in Get-BitLockerVolume) {
    Write-Host ("{0,-4} {1,-4} {2}" -f $v.MountPoint, $v.ProtectionStatus, $v.EncryptionMethod)
    foreach ($p in $v.KeyProtector) {
      Write-Host ("     {0,-22} {1}" -f $p.KeyProtectorType, $p.KeyProtectorId)
    }
    if ($v.ProtectionStatus -eq "On" -and -not ($v.KeyProtector | Where-Object KeyProtectorType -eq "RecoveryPassword")) {
      Write-Warning "$($v.MountPoint) has no recovery password protector. Use -Rotate to add one."
    }
  }
  return
}

$existing = @(Get-RecoveryProtector $MountPoint)

if ($Backup) {
  if ($existing.Count -eq 0) { throw "No recovery password protector on $MountPoint. Run with -Rotate to add one." }
  foreach ($p in $existing) { [void](Save-Protector $MountPoint $p $To) }
  return
}

if ($Rotate) {
  if (-not (Confirm-Step "Add a NEW recovery password protector to $MountPoint? (the old one stays until you confirm the new backup)")) { return }
  Add-BitLockerKeyProtector -MountPoint $MountPoint -RecoveryPasswordProtector | Out-Null
  $new = Get-RecoveryProtector $MountPoint | Where-Object { $existing.KeyProtectorId -notcontains $_.KeyProtectorId } | Select-Object -First 1
  Write-Host "New protector: $($new.KeyProtectorId)"
  if (-not (Save-Protector $MountPoint $new $To)) {
    Write-Warning "New protector was added but not backed up. Run -Backup before removing anything."
    return
  }
  $ok = Read-Host "Have you verified the NEW key ($($new.KeyProtectorId.Trim('{}').Substring(0,8))…) at the backup location? (y/N)"
  if ($ok -notmatch '^(y|yes)$') { Write-Host "Keeping the old protector(s). Re-run -Rotate cleanup later."; return }
  foreach ($old in $existing) {
    if (Confirm-Step "Remove OLD recovery protector $($old.KeyProtectorId) from $MountPoint?") {
      Remove-BitLockerKeyProtector -MountPoint $MountPoint -KeyProtectorId $old.KeyProtectorId | Out-Null
      Write-Host "Removed $($old.KeyProtectorId)."
    }
  }
}
