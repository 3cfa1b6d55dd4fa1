param(
  [switch]$Region,
  [string]$Path,
  [string[]]$Lang = @('eng'),
  [switch]$Mono,
  [switch]$Check
)

$runtime = Join-Path $env:ProgramFiles 'OCRRuntimePack\ocrhost.exe'
if (-not (Test-Path $runtime)) {
  Write-Error 'OCR runtime not found. Install the OCR Runtime Pack (see SKILL.md).'
  exit 3
}
if ($Check) { Write-Host "OCR runtime: $runtime"; exit 0 }

if ($Region) {
  Add-Type -AssemblyName System.Windows.Forms, System.Drawing
  $Path = Join-Path $env:TEMP ("ocr-" + [guid]::NewGuid().ToString('n') + '.png')
  & $runtime --select-region --out $Path
}
if (-not $Path -or -not (Test-Path $Path)) { Write-Error 'No image.'; exit 2 }

$args = @('--in', $Path, '--lang', ($Lang -join '+'), '--format', 'markdown')
if ($Mono) { $args += '--mono' }
$md = & $runtime @args
$md | Set-Clipboard
$md
