<#
.SYNOPSIS
  Reduce a `winget export` file to user-chosen packages.
#>
param(
  [Parameter(Mandatory)] [string] $Raw,
  [Parameter(Mandatory)] [string] $Out,
  [string[]] $Sources = @('winget'),
  [string[]] $ExtraNoise = @()
)
$ErrorActionPreference = 'Stop'

$noise = @(
  '^Microsoft\.VCRedist\.', '^Microsoft\.VCLibs', '^Microsoft\.UI\.Xaml', '^Microsoft\.DotNet\.(Desktop)?Runtime',
  '^Microsoft\.WindowsAppRuntime', '^Microsoft\.Edge(WebView2Runtime)?$', '^Intel\.', '^Realtek\.', '^Dell\.',
  '^Lenovo\.', '^HP\.', '^NVIDIA\.PhysX', '^Microsoft\.Teams\.Classic$'
) + $ExtraNoise

$data = Get-Content -Raw -Path $Raw | ConvertFrom-Json
$dropped = New-Object System.Collections.Generic.List[string]

$data.Sources = @($data.Sources | Where-Object {
  $name = $_.SourceDetails.Name
  if ($Sources -notcontains $name) { $dropped.Add("source:$name"); return $false }
  $_.Packages = @($_.Packages | Where-Object {
    $id = $_.PackageIdentifier
    foreach ($rx in $noise) { if ($id -match $rx) { $dropped.Add($id); return $false } }
    $true
  } | Sort-Object PackageIdentifier)
  $true
})

$dir = Split-Path -Parent $Out
if ($dir -and -not (Test-Path $dir)) { New-Item -ItemType Directory -Path $dir | Out-Null }
$data | ConvertTo-Json -Depth 8 | Set-Content -Path $Out -Encoding utf8

Write-Host "Kept:" ($data.Sources | ForEach-Object { $_.Packages.Count } | Measure-Object -Sum).Sum "packages -> $Out"
Write-Host "Dropped ($($dropped.Count)):"
$dropped | Sort-Object | ForEach-Object { Write-Host "  $_" }
