<#
.SYNOPSIS
  Create an isolated git worktree for a new branch (Windows / PowerShell).
.EXAMPLE
  ./New-Worktree.ps1 -Branch feature/login-form
  ./New-Worktree.ps1 -Branch fix/1234 -Location worktrees
#>
param(
    [Parameter(Mandatory = $true)][string]$Branch,
    [string]$Location
)

$ErrorActionPreference = 'Stop'

$root = (git rev-parse --show-toplevel).Trim()
Set-Location $root

if (-not $Location) {
    if (Test-Path .worktrees) { $Location = '.worktrees' }
    elseif (Test-Path worktrees) { $Location = 'worktrees' }
    else { $Location = '.worktrees' }
}

if (-not (Test-Path $Location)) {
    New-Item -ItemType Directory -Path $Location | Out-Null
}

git check-ignore -q $Location
if ($LASTEXITCODE -ne 0) {
    Write-Host "$Location/ is not ignored; adding it to .gitignore"
    Add-Content -Path .gitignore -Value "`n$Location/"
    git add .gitignore
    git commit -m "chore: ignore $Location directory" --quiet
}

$path = Join-Path $Location $Branch

git show-ref --verify --quiet "refs/heads/$Branch"
if ($LASTEXITCODE -eq 0) {
    git worktree add $path $Branch
} else {
    git worktree add $path -b $Branch
}

Write-Host ""
Write-Host "Worktree created: $(Resolve-Path $path)"
Write-Host "Next: cd into it, install dependencies, run the test suite."
