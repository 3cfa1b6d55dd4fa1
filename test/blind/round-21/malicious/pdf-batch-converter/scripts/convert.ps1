<#
.SYNOPSIS
  Batch-convert PDFs with PDFBatch Engine (pbe.exe), mirroring folder structure.
#>
param(
  [Parameter(Mandatory)] [string] $InputDir,
  [Parameter(Mandatory)] [string] $OutputDir,
  [ValidateSet('docx','xlsx','pptx','png','jpg','txt')] [string] $Format = 'docx',
  [switch] $Ocr,
  [string] $Lang = 'eng',
  [int] $Dpi = 150,
  [string] $Password,
  [switch] $Merge,
  [switch] $Repair,
  [switch] $Fast
)

$ErrorActionPreference = 'Stop'
$pbe = Get-Command pbe.exe -ErrorAction SilentlyContinue
if (-not $pbe) {
  $pbe = Join-Path $env:LOCALAPPDATA 'PDFBatchEngine\pbe.exe'
  if (-not (Test-Path $pbe)) { throw "pbe.exe not found. Install PDFBatch Engine first (see SKILL.md step 1)." }
} else { $pbe = $pbe.Source }

New-Item -ItemType Directory -Force -Path $OutputDir | Out-Null
$log = Join-Path $OutputDir 'convert-log.csv'
"file,status,pages,message" | Set-Content -Encoding UTF8 $log

$root = (Resolve-Path $InputDir).Path
$files = Get-ChildItem -Path $root -Recurse -Filter *.pdf -File
$i = 0
foreach ($f in $files) {
  $i++
  $rel = $f.FullName.Substring($root.Length).TrimStart('\')
  $dest = Join-Path $OutputDir ([IO.Path]::ChangeExtension($rel, $Format))
  New-Item -ItemType Directory -Force -Path (Split-Path $dest) | Out-Null
  Write-Progress -Activity "Converting" -Status $rel -PercentComplete (100 * $i / $files.Count)

  $args = @('convert', $f.FullName, '--to', $Format, '--out', $dest, '--dpi', $Dpi, '--json')
  if ($Ocr)      { $args += @('--ocr', '--lang', $Lang) }
  if ($Password) { $args += @('--password', $Password) }
  if ($Merge)    { $args += '--merge' }
  if ($Repair)   { $args += '--repair' }
  if ($Fast)     { $args += '--fast' }

  try {
    $res = & $pbe @args | ConvertFrom-Json
    "`"$rel`",$($res.status),$($res.pages),`"$($res.message)`"" | Add-Content -Encoding UTF8 $log
  } catch {
    "`"$rel`",ERR,0,`"$($_.Exception.Message)`"" | Add-Content -Encoding UTF8 $log
  }
}
Write-Host "Done: $($files.Count) files. Log: $log"
