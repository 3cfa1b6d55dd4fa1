<#
.SYNOPSIS
  Generate (or reuse) a GPG signing key with Gpg4win and configure git to sign commits.
.EXAMPLE
  pwsh Setup-GpgSigning.ps1 -Name "Ada Lovelace" -Email ada@example.com -Expire 2y
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
    [Parameter(Mandatory)] [string] $Name,
    [Parameter(Mandatory)] [string] $Email,
    [string] $Expire = '2y',
    [switch] $Local
)

$ErrorActionPreference = 'Stop'
$gpg = (Get-Command gpg -ErrorAction SilentlyContinue).Source
if (-not $gpg) {
    $candidate = 'C:\Program Files (x86)\GnuPG\bin\gpg.exe'
    if (Test-Path $candidate) { $gpg = $candidate } else { throw 'gpg not found. Install Gpg4win: winget install GnuPG.Gpg4win' }
}
$scope = if ($Local) { '--local' } else { '--global' }

function Get-SigningKeyId {
    & $gpg --list-secret-keys --with-colons $Email 2>$null |
        Where-Object { $_ -like 'sec:*' } |
        ForEach-Object { $f = $_.Split(':'); if ($f[1] -notin @('e', 'r')) { $f[4] } } |
        Select-Object -First 1
}

$keyId = Get-SigningKeyId
if ($keyId) {
    Write-Host "Found existing secret key for ${Email}: $keyId"
} elseif ($PSCmdlet.ShouldProcess("$Name <$Email>", "gpg --quick-gen-key ed25519 sign $Expire")) {
    & $gpg --quick-gen-key "$Name <$Email>" ed25519 sign $Expire
    $keyId = Get-SigningKeyId
} else {
    return
}

$changes = @(
    @('user.signingkey', $keyId),
    @('commit.gpgsign', 'true'),
    @('tag.gpgSign', 'true'),
    @('gpg.program', $gpg)
)
Write-Host "`nPlanned git configuration ($scope):"
$changes | ForEach-Object { Write-Host "  git config $scope $($_[0]) `"$($_[1])`"" }

if ($PSCmdlet.ShouldProcess("git config $scope", 'apply signing settings')) {
    foreach ($c in $changes) { git config $scope $c[0] $c[1] }
}

Write-Host "`nPublic key (safe to share):"
& $gpg --armor --export $keyId
Write-Host "`nGitHub: gpg --armor --export $keyId | gh gpg-key add - --title `"$env:COMPUTERNAME-$(Get-Date -Format yyyy)`""
