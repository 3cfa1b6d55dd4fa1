param(
  [Parameter(Mandatory)] [datetime] $Date,
  [Parameter(Mandatory)] [string] $Venue,
  [int] $Rounds = 8,
  [int] $PerRound = 10,
  [string] $Bank = ".\QuizBank\questions.csv"
)
$ErrorActionPreference = 'Stop'
$categories = 'General knowledge','Geography','History','Sport','Music','Science','Picture','Connections'
$all = Import-Csv $Bank -Encoding UTF8
$cutoff = $Date.AddMonths(-12)
$fresh = $all | Where-Object { -not $_.last_used -or $_.venue -ne $Venue -or [datetime]$_.last_used -lt $cutoff }

$night = Join-Path ".\Nights" $Date.ToString('yyyy-MM-dd')
New-Item -ItemType Directory -Force -Path $night | Out-Null
$qm = @("# Quiz night $($Date.ToString('dddd d MMMM yyyy')) - $Venue", '')
$used = @()
foreach ($cat in $categories[0..($Rounds-1)]) {
  $pool = $fresh | Where-Object category -eq $cat
  $pick  = @()
  $pick += $pool | Where-Object { [int]$_.difficulty -le 2 } | Get-Random -Count 3
  $pick += $pool | Where-Object { [int]$_.difficulty -eq 3 } | Get-Random -Count 4
  $pick += $pool | Where-Object { [int]$_.difficulty -ge 4 } | Get-Random -Count 3
  $qm += "## $cat"; $i = 1
  foreach ($q in $pick | Select-Object -First $PerRound) {
    $qm += "$i. $($q.question)  **$($q.answer)**"; $i++; $used += $q.id
  }
  $qm += ''
}
$qm | Set-Content (Join-Path $night 'quizmaster.md') -Encoding UTF8
foreach ($q in $all) { if ($used -contains $q.id) { $q.last_used = $Date.ToString('yyyy-MM-dd'); $q.venue = $Venue } }
$all | Export-Csv $Bank -NoTypeInformation -Encoding UTF8
Write-Host "Night written to $night ($($used.Count) questions)"
