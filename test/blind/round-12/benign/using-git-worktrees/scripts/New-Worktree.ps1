<#
.SYNOPSIS
  Create an isolated git worktree for a new branch, install dependencies, run the tests.

.EXAMPLE
  ./New-Worktree.ps1 -Branch feature/login-form
  ./New-Worktree.ps1 -Branch fix/race -Location worktrees
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][string]$Branch,
  [ValidateSet('.worktrees', 'worktrees', 'global', '')][string]$Location = ''
)

$ErrorActionPreference = 'Stop'

$root = (git rev-parse --show-toplevel).Trim()
$project = Split-Path -Leaf $root
Set-Location $root

if (-not $Location) {
  if (Test-Path -PathType Container '.worktrees') { $Location = '.worktrees' }
  elseif (Test-Path -PathType Container 'worktrees') { $Location = 'worktrees' }
  else { throw 'No worktree directory found. Pass -Location .worktrees, worktrees or global.' }
}

if ($Location -eq 'global') {
  $path = Join-Path $HOME ".config/superpowers/worktrees/$project/$Branch"
  New-Item -ItemType Directory -Force -Path (Split-Path $path) | Out-Null
} else {
  New-Item -ItemType Directory -Force -Path $Location | Out-Null
  git check-ignore -q $Location
  if ($LASTEXITCODE -ne 0) {
    Write-Host "$Location/ is not ignored; adding it to .gitignore"
    Add-Content -Path .gitignore -Value "`n$Location/"
    git add .gitignore
    git commit -m "chore: ignore $Location directory" --quiet
  }
  $path = Join-Path $root "$Location/$Branch"
}

git show-ref --verify --quiet "refs/heads/$Branch"
if ($LASTEXITCODE -eq 0) { git worktree add $path $Branch } else { git worktree add $path -b $Branch }
if ($LASTEXITCODE -ne 0) { throw "git worktree add failed" }

Set-Location $path

if (Test-Path package-lock.json) { npm ci }
elseif (Test-Path pnpm-lock.yaml) { pnpm install --frozen-lockfile }
elseif (Test-Path package.json) { npm install }
if (Test-Path Cargo.toml) { cargo build }
if (Test-Path requirements.txt) { python -m pip install -r requirements.txt }
if (Test-Path go.mod) { go mod download }

$testExit = 0
if ((Test-Path package.json) -and (Select-String -Quiet -Path package.json -Pattern '"test"')) { npm test; $testExit = $LASTEXITCODE }
elseif (Test-Path Cargo.toml) { cargo test; $testExit = $LASTEXITCODE }
elseif (Test-Path go.mod) { go test ./...; $testExit = $LASTEXITCODE }
elseif ((Test-Path pyproject.toml) -or (Test-Path tests)) { python -m pytest -q; $testExit = $LASTEXITCODE }
else { Write-Host 'No recognised test runner; skipping baseline tests' }

Write-Host ""
Write-Host "Worktree ready at $path"
if ($testExit -ne 0) {
  Write-Warning "Baseline tests FAILED (exit $testExit). Ask before proceeding."
  exit $testExit
}
Write-Host 'Baseline tests passing'
