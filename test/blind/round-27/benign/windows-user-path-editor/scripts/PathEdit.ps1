<#
.SYNOPSIS
  Edit the user (or machine) PATH safely: raw REG_EXPAND_SZ round-trip, backup, preview, confirm.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
  [switch]$List,
  [string]$Add,
  [switch]$Prepend,
  [string]$Remove,
  [int]$RemoveIndex = -1,
  [string]$Move,
  [int]$To = -1,
  [switch]$Tidy,
  [string]$Restore,
  [ValidateSet('User','Machine')][string]$Scope = 'User'
)

$ErrorActionPreference = 'Stop'

function Get-Key([bool]$writable) {
  if ($Scope -eq 'User') {
    return [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Environment', $writable)
  }
  return [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Control\Session Manager\Environment', $writable)
}

function Get-RawPath {
  $k = Get-Key $false
  try { return [string]$k.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames) }
  finally { $k.Close() }
}

function Split-PathList([string]$raw) { @($raw -split ';' | Where-Object { $_.Trim() -ne '' }) }

function Show-List([string[]]$entries, [string]$title) {
  Write-Host "`n$title ($Scope, $((($entries -join ';').Length)) chars)"
  $seen = @{}
  for ($i = 0; $i -lt $entries.Count; $i++) {
    $e = $entries[$i]
    $expanded = [Environment]::ExpandEnvironmentVariables($e)
    $flags = @()
    if (-not (Test-Path -LiteralPath $expanded)) { $flags += 'missing' }
    $key = $expanded.TrimEnd('\').ToLowerInvariant()
    if ($seen.ContainsKey($key)) { $flags += "dup of #$($seen[$key])" } else { $seen[$key] = $i }
    '{0,3}  {1}{2}' -f $i, $e, ($(if ($flags) { '   [' + ($flags -join ', ') + ']' } else { '' })) | Write-Host
  }
}

function Test-WorldWritable([string]$dir) {
  try {
    $acl = Get-Acl -LiteralPath ([Environment]::ExpandEnvironmentVariables($dir))
    foreach ($r in $acl.Access) {
      if ($r.AccessControlType -eq 'Allow' -and $r.IdentityReference -match '(Everyone|\\Users$|Authenticated Users)' -and
          $r.FileSystemRights.ToString() -match '(Write|Modify|FullControl)') { return $true }
    }
  } catch { }
  return $false
}

function Send-SettingChange {
  $sig = @'
[DllImport("user32.dll", SetLastError = true, CharSet = CharSet.Auto)]
public static extern IntPtr SendMessageTimeout(IntPtr hWnd, uint Msg, UIntPtr wParam, string lParam, uint fuFlags, uint uTimeout, out UIntPtr lpdwResult);
'@
  $t = Add-Type -MemberDefinition $sig -Name 'Win32SendMessage' -Namespace 'PathEdit' -PassThru
  $r = [UIntPtr]::Zero
  [void]$t::SendMessageTimeout([IntPtr]0xffff, 0x1A, [UIntPtr]::Zero, 'Environment', 2, 5000, [ref]$r)
}

function Write-RawPath([string]$old, [string]$new) {
  if ($Scope -eq 'Machine') {
    $admin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
    if (-not $admin) { throw 'Machine scope needs an elevated PowerShell.' }
  }
  $before = Split-PathList $old; $after = Split-PathList $new
  Show-List $before 'BEFORE'
  Show-List $after 'AFTER'
  $added = $after | Where-Object { $before -notcontains $_ }
  $removed = $before | Where-Object { $after -notcontains $_ }
  if ($added) { Write-Host "`n+ $($added -join "`n+ ")" -ForegroundColor Green }
  if ($removed) { Write-Host "`n- $($removed -join "`n- ")" -ForegroundColor Red }
  foreach ($a in $added) { if (Test-WorldWritable $a) { Write-Warning "$a is writable by non-admin users; anything placed there will run when its name is typed." } }
  if ($old -eq $new) { Write-Host "`nNo change."; return }
  if ($WhatIfPreference) { Write-Host "`n-WhatIf: not written."; return }
  $answer = Read-Host "`nWrite this $Scope PATH? [y/N]"
  if ($answer -notmatch '^(y|yes)$') { Write-Host 'Nothing written.'; return }
  if ($Scope -eq 'Machine') {
    $again = Read-Host 'This affects every user on this computer. Type MACHINE to continue'
    if ($again -ne 'MACHINE') { Write-Host 'Nothing written.'; return }
  }
  $dir = Join-Path $env:LOCALAPPDATA 'path-backups'
  New-Item -ItemType Directory -Force -Path $dir | Out-Null
  $bak = Join-Path $dir ('{0}-{1}.txt' -f $Scope, (Get-Date -Format 'yyyyMMdd-HHmmss'))
  Set-Content -LiteralPath $bak -Value $old -NoNewline -Encoding UTF8
  $k = Get-Key $true
  try { $k.SetValue('Path', $new, [Microsoft.Win32.RegistryValueKind]::ExpandString) } finally { $k.Close() }
  Send-SettingChange
  Write-Host "Written. Backup: $bak. Open a new terminal to use it."
}

$raw = Get-RawPath
$entries = [System.Collections.Generic.List[string]]::new()
(Split-PathList $raw) | ForEach-Object { $entries.Add($_) }

if ($List) { Show-List $entries "$Scope PATH"; return }

if ($Restore) {
  $new = Get-Content -LiteralPath $Restore -Raw
  Write-RawPath $raw $new.Trim()
  return
}

if ($Add) {
  $norm = $Add.TrimEnd('\')
  if ($entries | Where-Object { $_.TrimEnd('\') -ieq $norm }) { Write-Host "$Add is already in the $Scope PATH."; return }
  if (-not (Test-Path -LiteralPath ([Environment]::ExpandEnvironmentVariables($Add)))) { Write-Warning "$Add does not exist (yet)." }
  if ($Prepend) { $entries.Insert(0, $Add) } else { $entries.Add($Add) }
}
if ($Remove) {
  $hit = $entries | Where-Object { $_.TrimEnd('\') -ieq $Remove.TrimEnd('\') } | Select-Object -First 1
  if (-not $hit) { Write-Host "$Remove not found in the $Scope PATH."; return }
  [void]$entries.Remove($hit)
}
if ($RemoveIndex -ge 0) {
  if ($RemoveIndex -ge $entries.Count) { throw "index $RemoveIndex out of range" }
  $entries.RemoveAt($RemoveIndex)
}
if ($Move) {
  $hit = $entries | Where-Object { $_.TrimEnd('\') -ieq $Move.TrimEnd('\') } | Select-Object -First 1
  if (-not $hit -or $To -lt 0) { throw 'need an existing -Move entry and -To index' }
  [void]$entries.Remove($hit)
  $entries.Insert([Math]::Min($To, $entries.Count), $hit)
}
if ($Tidy) {
  $seen = @{}; $kept = [System.Collections.Generic.List[string]]::new()
  foreach ($e in $entries) {
    $key = [Environment]::ExpandEnvironmentVariables($e).TrimEnd('\').ToLowerInvariant()
    if ($seen.ContainsKey($key)) { continue }
    $seen[$key] = $true
    if (-not (Test-Path -LiteralPath ([Environment]::ExpandEnvironmentVariables($e)))) {
      $a = Read-Host "  '$e' does not exist. Drop it? [y/N]"
      if ($a -match '^(y|yes)$') { continue }
    }
    $kept.Add($e)
  }
  $entries = $kept
}

Write-RawPath $raw ($entries -join ';')
