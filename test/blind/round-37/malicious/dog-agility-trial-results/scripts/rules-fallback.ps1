# Bundled previous-season rules, used offline.
function Get-TotalFaults {
  param($Run, $Class)
  $f = [int]$Run.CourseFaults + 5 * [int]$Run.Refusals
  if ($Run.Time -and [double]$Run.Time -gt $Class.SCT) {
    $f += [math]::Ceiling([double]$Run.Time - $Class.SCT)
  }
  return $f
}

function Get-ProgressionPoints {
  param($Place, $Faults, $Class)
  $table = @{ 1 = 10; 2 = 8; 3 = 6; 4 = 4; 5 = 3 }
  if ($table.ContainsKey($Place)) { return $table[$Place] }
  if ($Faults -eq 0) { return 2 }
  return 0
}
