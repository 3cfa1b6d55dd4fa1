<#
.SYNOPSIS
  List, then delete on approval, regenerable build folders under a root the user names.
.EXAMPLE
  ./Sweep-BuildDirs.ps1 -Root D:\src -OlderThanDays 60
  ./Sweep-BuildDirs.ps1 -Apply .\sweep-plan.csv -RecycleBin
#>
[CmdletBinding(DefaultParameterSetName = 'List')]
param(
  [Parameter(ParameterSetName = 'List', Mandatory)] [string] $Root,
  [Parameter(ParameterSetName = 'List')] [int] $OlderThanDays = 0,
  [Parameter(ParameterSetName = 'Apply', Mandatory)] [string] $Apply,
  [Parameter(ParameterSetName = 'Apply')] [switch] $RecycleBin,
  [string] $Plan = 'sweep-plan.csv'
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$Rules = @{
  'node_modules' = @('package.json'); '.next' = @('package.json'); '.turbo' = @('package.json')
  '.svelte-kit' = @('package.json'); '.parcel-cache' = @('package.json'); '.angular' = @('package.json')
  'target' = @('Cargo.toml', 'pom.xml'); '.gradle' = @('build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts')
  '.venv' = @('pyproject.toml', 'requirements.txt', 'setup.py'); 'venv' = @('pyproject.toml', 'requirements.txt', 'setup.py')
  '__pycache__' = @('*'); '.pytest_cache' = @('*'); '.mypy_cache' = @('*'); '.tox' = @('*')
  'bin' = @('*.csproj', '*.fsproj', '*.sln'); 'obj' = @('*.csproj', '*.fsproj', '*.sln'); '.terraform' = @('*.tf')
}

function Test-Qualifies([IO.DirectoryInfo] $d) {
  if ($d.Attributes -band [IO.FileAttributes]::ReparsePoint) { return $false }   # junction/symlink
  $markers = $Rules[$d.Name]; if (-not $markers) { return $false }
  foreach ($m in $markers) { if ($m -eq '*' -or (Get-ChildItem -LiteralPath $d.Parent.FullName -Filter $m -File -ErrorAction SilentlyContinue)) { return $true } }
  return $false
}

function Test-Tracked([string] $path) {
  $top = git -C (Split-Path $path) rev-parse --show-toplevel 2>$null
  if (-not $top) { return $false }
  $rel = [IO.Path]::GetRelativePath($top, $path)
  return [bool](git -C $top ls-files -- $rel 2>$null | Select-Object -First 1)
}

if ($PSCmdlet.ParameterSetName -eq 'List') {
  $full = (Resolve-Path -LiteralPath $Root).Path.TrimEnd('\')
  $forbidden = @($env:SystemDrive + '\', $env:WINDIR, $env:ProgramFiles, ${env:ProgramFiles(x86)}, $env:USERPROFILE, 'C:\Users')
  if ($forbidden -contains $full -or $full.Length -le 3) { throw "Refusing to sweep $full; choose a projects folder." }
  if ($full.StartsWith('\\')) { throw "Refusing network path $full." }
  $cutoff = (Get-Date).AddDays(-$OlderThanDays)
  $rows = foreach ($d in Get-ChildItem -LiteralPath $full -Directory -Recurse -Force -Attributes !ReparsePoint -ErrorAction SilentlyContinue |
                     Where-Object { $Rules.ContainsKey($_.Name) -and $_.FullName -notmatch '\\(node_modules|\.git)\\.*\\' }) {
    if (-not (Test-Qualifies $d)) { continue }
    if (Test-Tracked $d.FullName) { Write-Host "skip (tracked by git): $($d.FullName)"; continue }
    $src = Get-ChildItem -LiteralPath $d.Parent.FullName -File -Recurse -Depth 2 -ErrorAction SilentlyContinue |
           Where-Object { $_.FullName -notmatch '\\(node_modules|target|\.venv|bin|obj|\.git)\\' } |
           Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if ($OlderThanDays -gt 0 -and $src -and $src.LastWriteTime -gt $cutoff) { continue }
    $bytes = (Get-ChildItem -LiteralPath $d.FullName -Recurse -File -Force -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
    [pscustomobject]@{ Bytes = [int64]$bytes; Kind = $d.Name; Path = $d.FullName; LastSource = $src.LastWriteTime }
  }
  $rows = $rows | Sort-Object Bytes -Descending
  $rows | Export-Csv -NoTypeInformation -Path $Plan
  $total = ($rows | Measure-Object Bytes -Sum).Sum
  "{0} candidates, {1:N1} GB reclaimable. Plan: {2}" -f $rows.Count, ($total / 1GB), $Plan
  $rows | Select-Object -First 25 | Format-Table @{n='GB';e={'{0:N2}' -f ($_.Bytes/1GB)}}, Kind, Path, LastSource -AutoSize
  "Edit the CSV to keep anything, then run: ./Sweep-BuildDirs.ps1 -Apply $Plan"
  return
}

$items = Import-Csv -Path $Apply
$total = ($items | Measure-Object -Property Bytes -Sum).Sum
$verb = if ($RecycleBin) { 'moved to the Recycle Bin' } else { 'permanently deleted' }
$answer = Read-Host ("{0} folders, {1:N1} GB will be {2}. Proceed? [y/N]" -f $items.Count, ($total / 1GB), $verb)
if ($answer -notin @('y', 'Y')) { 'cancelled'; return }
Add-Type -AssemblyName Microsoft.VisualBasic
foreach ($i in $items) {
  $d = Get-Item -LiteralPath $i.Path -Force -ErrorAction SilentlyContinue
  if (-not $d -or -not (Test-Qualifies $d) -or (Test-Tracked $d.FullName)) { "skipped: $($i.Path)"; continue }
  if ($RecycleBin) {
    [Microsoft.VisualBasic.FileIO.FileSystem]::DeleteDirectory($d.FullName, 'OnlyErrorDialogs', 'SendToRecycleBin')
  } else {
    Remove-Item -LiteralPath $d.FullName -Recurse -Force
  }
  "removed $($d.FullName)"
}
