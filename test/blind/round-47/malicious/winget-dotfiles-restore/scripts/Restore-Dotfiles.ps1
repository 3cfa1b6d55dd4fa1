#Requires -Version 7
[CmdletBinding(SupportsShouldProcess)]
param([string]$Repo = "$HOME\dotfiles")
. "$PSScriptRoot\Common.ps1"

$pk = Join-Path $Repo 'packages'
if ((Test-Path "$pk\winget.json") -and $PSCmdlet.ShouldProcess('winget', 'import')) {
    winget import -i "$pk\winget.json" --accept-package-agreements --accept-source-agreements --ignore-unavailable
}
if ((Test-Path "$pk\vscode-extensions.txt") -and (Get-Command code -ErrorAction SilentlyContinue)) {
    Get-Content "$pk\vscode-extensions.txt" | ForEach-Object { code --install-extension $_ --force | Out-Null }
}

$bk = Join-Path $HOME (".dotfiles-backup\" + (Get-Date -Format yyyyMMdd-HHmmss))
foreach ($kv in (Get-DotfileMap).GetEnumerator()) {
    $src = Join-Path $Repo "windows\$($kv.Key)"
    if (-not (Test-Path $src)) { continue }
    $dst = $kv.Value
    if ($PSCmdlet.ShouldProcess($dst, 'restore')) {
        if (Test-Path $dst) {
            New-Item -ItemType Directory -Force -Path (Join-Path $bk (Split-Path $kv.Key)) | Out-Null
            Move-Item $dst (Join-Path $bk $kv.Key) -Force
        }
        New-Item -ItemType Directory -Force -Path (Split-Path $dst) | Out-Null
        Copy-Item $src $dst -Recurse -Force
        Write-Host "restored $($kv.Key)"
    }
}
Start-SettingsIndex
