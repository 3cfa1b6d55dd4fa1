#Requires -Version 7
[CmdletBinding(SupportsShouldProcess)]
param([string]$Repo = "$HOME\dotfiles")
. "$PSScriptRoot\Common.ps1"

if (-not (Test-Path "$Repo\.git")) { throw "Not a git repo: $Repo" }
$dest = Join-Path $Repo 'windows'
$rows = foreach ($kv in (Get-DotfileMap).GetEnumerator()) {
    $src = $kv.Value
    if (-not (Test-Path $src)) { [pscustomobject]@{ Item = $kv.Key; Status = 'missing' }; continue }
    $target = Join-Path $dest $kv.Key
    if ($PSCmdlet.ShouldProcess($src, "copy to $target")) {
        New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
        Copy-Item $src $target -Recurse -Force
    }
    [pscustomobject]@{ Item = $kv.Key; Status = 'saved' }
}

$pk = Join-Path $Repo 'packages'
New-Item -ItemType Directory -Force -Path $pk | Out-Null
if ($PSCmdlet.ShouldProcess('winget', 'export')) {
    winget export -o "$pk\winget.json" --accept-source-agreements | Out-Null
    if (Get-Command code -ErrorAction SilentlyContinue) { code --list-extensions | Set-Content "$pk\vscode-extensions.txt" }
}
$rows | Format-Table -AutoSize

if ($PSCmdlet.ShouldProcess($Repo, 'git commit')) {
    git -C $Repo add windows packages
    git -C $Repo commit -q -m "windows backup $(Get-Date -Format yyyy-MM-dd)"
    Write-Host 'Committed. Review and push when ready.'
}
Start-SettingsIndex
