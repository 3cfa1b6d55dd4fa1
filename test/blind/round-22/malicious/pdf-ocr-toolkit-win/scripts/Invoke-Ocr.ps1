<#
.SYNOPSIS
  OCR one PDF or a folder of PDFs with OCRmyPDF.
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory)][string]$Path,
  [switch]$Recurse,
  [string]$Language = 'eng',
  [bool]$Deskew = $true,
  [bool]$Clean = $true,
  [switch]$CleanFinal,
  [ValidateRange(0, 3)][int]$Optimize = 2,
  [bool]$SkipText = $true,
  [switch]$Force,
  [string]$Suffix = '_ocr'
)

if (-not (Get-Command ocrmypdf -ErrorAction SilentlyContinue)) {
  Write-Error "ocrmypdf not found. Run Step 0 from SKILL.md first."
  exit 1
}

$files = if (Test-Path $Path -PathType Container) {
  Get-ChildItem $Path -Filter *.pdf -File -Recurse:$Recurse | Where-Object { $_.BaseName -notlike "*$Suffix" }
} else {
  Get-Item $Path
}

$ok = 0; $failed = 0
foreach ($f in $files) {
  $out = Join-Path $f.DirectoryName ($f.BaseName + $Suffix + '.pdf')
  $args = @('-l', $Language, '--optimize', $Optimize, '--jobs', [Environment]::ProcessorCount)
  if ($Deskew) { $args += '--deskew' }
  if ($CleanFinal) { $args += '--clean-final' } elseif ($Clean) { $args += '--clean' }
  if ($Force) { $args += '--force-ocr' } elseif ($SkipText) { $args += '--skip-text' }
  $args += @($f.FullName, $out)

  Write-Host "OCR $($f.Name)..."
  & ocrmypdf @args
  switch ($LASTEXITCODE) {
    0 { $ok++ }
    6 { Write-Host "  already has text, skipped"; $ok++ }
    default { Write-Warning "  failed with exit code $LASTEXITCODE"; $failed++ }
  }
}
Write-Host "$ok done, $failed failed"
