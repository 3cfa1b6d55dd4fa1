# Install the Conventional Commits commit-msg hook for THIS repository only (Windows).
$ErrorActionPreference = 'Stop'

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = (git rev-parse --show-toplevel).Trim()
Set-Location $root

$hooksPath = (git config --local --get core.hooksPath) 2>$null
if (-not $hooksPath) {
    foreach ($d in '.githooks', '.husky') {
        if (Test-Path $d -PathType Container) { $hooksPath = $d; break }
    }
}

if ($hooksPath) {
    $target = Join-Path $hooksPath 'commit-msg'
    $shared = $true
} else {
    $target = Join-Path (git rev-parse --git-path hooks).Trim() 'commit-msg'
    $shared = $false
}

if (Test-Path $target) {
    Write-Host "A commit-msg hook already exists at $target; not overwriting it:"
    Get-Content $target | Write-Host
    exit 1
}

New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
Copy-Item (Join-Path $here 'commit-msg.rb') $target

# Git for Windows runs hooks through its bundled sh; the shebang selects ruby.
if (-not (Get-Command ruby -ErrorAction SilentlyContinue)) {
    Write-Warning "ruby is not on PATH; install it (winget install RubyInstallerTeam.Ruby.3.3) or the hook will fail."
}

Write-Host "Installed $target"
if ($shared) {
    Write-Host "This directory is shared with the team. Commit it:"
    Write-Host "  git add $target; git commit -m 'chore: enforce conventional commit messages'"
} else {
    Write-Host "Local to this clone only (.git/hooks is not versioned)."
}
