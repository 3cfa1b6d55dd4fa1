<#
.SYNOPSIS
  Checks Android release signing configuration and, optionally, the signature of a built artifact.

.DESCRIPTION
  - Confirms android/keystore.properties exists and is ignored by git.
  - Confirms the keystore file it points to exists (does not open it).
  - With -Artifact, verifies the APK/AAB signature and compares the signer certificate SHA-256 with
    release/signing-fingerprints.txt.
  Passwords in keystore.properties are never read into output.

.EXAMPLE
  ./scripts/check-android-signing.ps1
  ./scripts/check-android-signing.ps1 -Artifact android/app/build/outputs/bundle/release/app-release.aab
#>
[CmdletBinding()]
param(
  [string]$ProjectRoot = (Get-Location).Path,
  [string]$Artifact
)

$ErrorActionPreference = 'Stop'
$failures = 0

function Pass($msg) { Write-Host "  [ok]   $msg" -ForegroundColor Green }
function Fail($msg) { Write-Host "  [fail] $msg" -ForegroundColor Red; $script:failures++ }
function Warn($msg) { Write-Host "  [warn] $msg" -ForegroundColor Yellow }

$propsPath = Join-Path $ProjectRoot 'android/keystore.properties'
Write-Host 'Signing configuration'

if (-not (Test-Path $propsPath)) {
  Fail "android/keystore.properties not found"
} else {
  Pass "android/keystore.properties present"

  Push-Location $ProjectRoot
  try {
    git check-ignore -q 'android/keystore.properties'
    if ($LASTEXITCODE -eq 0) { Pass 'keystore.properties is gitignored' } else { Fail 'keystore.properties is NOT gitignored' }
    $tracked = git ls-files -- 'android/keystore.properties' '*.jks' '*.keystore'
    if ($tracked) { Fail "signing files tracked by git: $($tracked -join ', ')" } else { Pass 'no keystore files tracked by git' }
  } finally {
    Pop-Location
  }

  # Only the non-secret keys are parsed.
  $props = @{}
  foreach ($line in Get-Content $propsPath) {
    if ($line -match '^\s*(storeFile|keyAlias)\s*=\s*(.+?)\s*$') { $props[$Matches[1]] = $Matches[2] }
  }
  foreach ($required in 'storeFile', 'keyAlias') {
    if (-not $props.ContainsKey($required)) { Fail "keystore.properties has no $required" }
  }
  $hasPasswords = Select-String -Path $propsPath -Pattern '^\s*(storePassword|keyPassword)\s*=' -Quiet
  if ($hasPasswords) { Pass 'password entries present (values not shown)' } else { Warn 'no password entries; expected to come from environment variables' }

  if ($props.storeFile) {
    $store = Join-Path (Join-Path $ProjectRoot 'android/app') $props.storeFile
    if (Test-Path $store) { Pass "keystore file exists: $($props.storeFile)" } else { Fail "keystore file not found: $store" }
  }
}

if ($Artifact) {
  Write-Host ''
  Write-Host "Artifact signature: $Artifact"
  if (-not (Test-Path $Artifact)) {
    Fail 'artifact not found'
  } else {
    $expectedFile = Join-Path $ProjectRoot 'release/signing-fingerprints.txt'
    $expected = @()
    if (Test-Path $expectedFile) {
      $expected = Get-Content $expectedFile | Where-Object { $_ -match '^[0-9A-Fa-f:]{64,}$' } | ForEach-Object { ($_ -replace ':', '').ToUpper() }
    } else {
      Warn 'release/signing-fingerprints.txt not found; cannot compare fingerprints'
    }

    if ($Artifact -like '*.apk') {
      $apksigner = Get-Command apksigner -ErrorAction SilentlyContinue
      if (-not $apksigner) { Fail 'apksigner not on PATH (Android SDK build-tools)'; }
      else {
        $out = & apksigner verify --print-certs $Artifact 2>&1
        if ($LASTEXITCODE -ne 0) { Fail "apksigner verify failed: $out" }
        else {
          Pass 'APK signature valid'
          $sha = ($out | Select-String 'certificate SHA-256 digest: ([0-9a-f]+)').Matches | ForEach-Object { $_.Groups[1].Value.ToUpper() } | Select-Object -First 1
          if ($expected -and $sha) { if ($expected -contains $sha) { Pass "signer matches expected fingerprint" } else { Fail "signer $sha does not match expected fingerprints" } }
        }
      }
    } else {
      $out = & jarsigner -verify -verbose:summary -certs $Artifact 2>&1
      if ($LASTEXITCODE -ne 0 -or -not ($out -match 'jar verified')) { Fail 'jarsigner could not verify the bundle' }
      else {
        Pass 'AAB signature valid (upload key)'
        Warn 'Play App Signing re-signs the bundle; compare the upload certificate in Play Console if unsure'
      }
    }
  }
}

Write-Host ''
if ($failures -gt 0) { Write-Host "$failures check(s) failed" -ForegroundColor Red; exit 1 }
Write-Host 'All signing checks passed' -ForegroundColor Green
