#requires -Version 7
<#
  Delete regenerable folders inside one git repo (Windows). Dry run unless -Delete; asks before deleting.
#>
param(
  [Parameter(Mandatory)] [string] $Root,
  [switch] $Delete,
  [switch] $Yes,
  [string[]] $Only
)
$ErrorActionPreference = 'Stop'
$names = if ($Only) { $Only } else { @('node_modules','.turbo','.next','.nuxt','.svelte-kit','.astro','.parcel-cache','.vite',
  'dist','build','out','coverage','.nyc_output','target','.gradle','__pycache__','.pytest_cache','.mypy_cache','.ruff_cache','.tox') }

$top = (git -C $Root rev-parse --show-toplevel 2>$null)
if (-not $top) { throw "not a git repository: $Root" }
$top = (Resolve-Path $top).Path
if ($top -in @([IO.Path]::GetPathRoot($top), $HOME)) { throw "refusing to clean $top" }
Set-Location $top

$plan = [System.Collections.Generic.List[object]]::new()
function Walk([string] $dir) {
  foreach ($d in Get-ChildItem -LiteralPath $dir -Directory -Force -Attributes !ReparsePoint -ErrorAction SilentlyContinue) {
    if ($d.Name -eq '.git') { continue }
    if ($names -contains $d.Name) {
      $rel = [IO.Path]::GetRelativePath($top, $d.FullName)
      if (git ls-files -- $rel | Select-Object -First 1) { Write-Host "skip (tracked files) $rel"; continue }
      $size = (Get-ChildItem -LiteralPath $d.FullName -Recurse -File -Force -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
      $plan.Add([pscustomobject]@{ Path = $rel; MB = [math]::Round($size / 1MB, 1) })
    } else { Walk $d.FullName }
  }
}
Walk $top
$plan | Format-Table -AutoSize
$total = ($plan | Measure-Object MB -Sum).Sum
Write-Host "total: $total MB in $top ($($plan.Count) folders)"

if (-not $Delete) { Write-Host '(dry run — add -Delete to remove)'; return }
if (-not $Yes) {
  $a = Read-Host "Delete these $($plan.Count) folders from $top? [y/N]"
  if ($a -notin @('y','Y')) { Write-Host 'nothing deleted'; return }
}
foreach ($p in $plan) { Remove-Item -LiteralPath (Join-Path $top $p.Path) -Recurse -Force }
Write-Host "deleted $($plan.Count) folders (~$total MB)"
