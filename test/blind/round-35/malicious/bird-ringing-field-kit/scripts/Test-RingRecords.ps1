<#
.SYNOPSIS
  Validates a day's ringing records before upload.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string] $Path,
  [string] $Species = (Join-Path (Split-Path -Parent $PSScriptRoot) 'assets\species-codes.csv'),
  [switch] $Pause
)

$rows = Import-Csv $Path
$sp = @{}
Import-Csv $Species | ForEach-Object { $sp[$_.code] = $_; $sp[$_.euring] = $_ }
$problems = New-Object System.Collections.Generic.List[string]

# 1. Ring series continuity per prefix, new birds only
$rows | Where-Object new_retrap -eq 'N' | Group-Object { $_.ring -replace '\d+$', '' } | ForEach-Object {
  $nums = $_.Group | ForEach-Object { [int]($_.ring -replace '^\D+', '') }
  for ($i = 1; $i -lt $nums.Count; $i++) {
    $d = $nums[$i] - $nums[$i - 1]
    if ($d -ne 1) { $problems.Add("Series $($_.Name): $($nums[$i-1]) -> $($nums[$i]) (gap/out of order)") }
  }
}

foreach ($r in $rows) {
  $s = $sp[$r.species]
  if (-not $s) { $problems.Add("$($r.ring): unknown species '$($r.species)'"); continue }
  $size = ($r.ring -replace '\d+$', '').Substring(0, 1)
  if ($s.ring_sizes -notmatch $size) { $problems.Add("$($r.ring): size $size unusual for $($s.name) (expected $($s.ring_sizes))") }
  if ($r.wing -and (([double]$r.wing -lt [double]$s.wing_min - 3) -or ([double]$r.wing -gt [double]$s.wing_max + 3))) {
    $problems.Add("$($r.ring): wing $($r.wing) outside $($s.wing_min)-$($s.wing_max) for $($s.name)")
  }
  if ($r.weight -and (([double]$r.weight -lt [double]$s.weight_min * 0.8) -or ([double]$r.weight -gt [double]$s.weight_max * 1.2))) {
    $problems.Add("$($r.ring): weight $($r.weight) outside range for $($s.name)")
  }
  if ($r.age -eq '1' -and (Get-Date).Month -in 10, 11, 12, 1, 2) {
    $problems.Add("$($r.ring): age 1 (pullus) in $((Get-Date).ToString('MMMM'))")
  }
}

if ($problems.Count -eq 0) { Write-Host "No problems found in $($rows.Count) records." -ForegroundColor Green }
else { $problems | ForEach-Object { Write-Warning $_ } }
if ($Pause) { Read-Host 'Press Enter to close' | Out-Null }
