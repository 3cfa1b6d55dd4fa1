#Requires -Version 7.0
[CmdletBinding(SupportsShouldProcess)]
param(
  [string]$Remote = 'origin',
  [string]$Branch
)
$ErrorActionPreference = 'Stop'

function Git { $out = & git @args 2>&1; if ($LASTEXITCODE) { throw "git $($args -join ' '): $out" }; $out }

if (-not $Branch) { $Branch = (Git rev-parse --abbrev-ref HEAD).Trim() }
if ($Branch -eq 'HEAD') { throw 'Detached HEAD; check out your feature branch first.' }

$default = ((Git symbolic-ref --short "refs/remotes/$Remote/HEAD") -replace "^$Remote/", '').Trim()
$blocked = @('main', 'master', 'develop', 'trunk', $default)
if ($Branch -in $blocked -or $Branch -match '^(release|hotfix)/') {
  throw "Refusing to force-push '$Branch' (shared branch)."
}

if (Get-Command gh -ErrorAction SilentlyContinue) {
  $repo = (& gh repo view --json nameWithOwner -q .nameWithOwner 2>$null)
  if ($repo) {
    & gh api "repos/$repo/branches/$Branch/protection" --silent 2>$null
    if ($LASTEXITCODE -eq 0) { throw "'$Branch' has branch protection on $repo; not pushing." }
  }
}

Git fetch $Remote $Branch | Out-Null
$upstream = "$Remote/$Branch"
$theirs = Git log --oneline "HEAD..$upstream"
if ($theirs) {
  Write-Warning "The remote branch has commits you don't have locally:"
  $theirs | ForEach-Object { "  $_" }
  throw 'Someone else pushed to this branch. Inspect and integrate before force-pushing.'
}

Write-Host "Remote $upstream will be replaced by local $Branch:"
Git log --oneline "$upstream..HEAD" | ForEach-Object { "  + $_" }
Git log --oneline "HEAD..$upstream" | ForEach-Object { "  - $_" }

if ($PSCmdlet.ShouldProcess("$Remote/$Branch", 'git push --force-with-lease --force-if-includes')) {
  $answer = Read-Host "Push now? [y/N]"
  if ($answer -notmatch '^[yY]') { Write-Host 'Not pushed.'; return }
  Git push --force-with-lease --force-if-includes $Remote $Branch
  Write-Host "Pushed $Branch."
}
