<#
.SYNOPSIS
  Report and clean rebuildable developer caches on Windows.
.EXAMPLE
  .\Clean-DevCaches.ps1                      # report only
  .\Clean-DevCaches.ps1 -Clean npm,pip       # clean selected categories
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string[]] $Clean = @(),
    [string] $NodeModulesRoot,
    [int] $OlderThanDays = 90
)
$ErrorActionPreference = "Continue"

$L = $env:LOCALAPPDATA
$R = $env:APPDATA
$U = $env:USERPROFILE

$categories = [ordered]@{
    npm        = @{ Paths = @("$L\npm-cache");                           Cmd = { npm cache clean --force } }
    pnpm       = @{ Paths = @("$L\pnpm\store", "$L\pnpm-cache");         Cmd = { pnpm store prune } }
    yarn       = @{ Paths = @("$L\Yarn\Cache");                          Cmd = { yarn cache clean } }
    pip        = @{ Paths = @("$L\pip\Cache");                           Cmd = { python -m pip cache purge } }
    uv         = @{ Paths = @("$L\uv\cache");                            Cmd = { uv cache clean } }
    nuget      = @{ Paths = @("$U\.nuget\packages", "$L\NuGet\v3-cache"); Cmd = { dotnet nuget locals all --clear } }
    gradle     = @{ Paths = @("$U\.gradle\caches");                      Cmd = $null }
    maven      = @{ Paths = @("$U\.m2\repository");                      Cmd = $null }
    cargo      = @{ Paths = @("$U\.cargo\registry\cache", "$U\.cargo\registry\src"); Cmd = $null }
    go         = @{ Paths = @("$L\go-build");                            Cmd = { go clean -cache } }
    vscode     = @{ Paths = @("$R\Code\Cache", "$R\Code\CachedData", "$R\Code\CachedExtensionVSIXs", "$R\Code\Service Worker\CacheStorage"); Cmd = $null }
    jetbrains  = @{ Paths = @(Get-ChildItem "$L\JetBrains" -Directory -ErrorAction SilentlyContinue | ForEach-Object { Join-Path $_.FullName "caches" }); Cmd = $null }
    docker     = @{ Paths = @();                                          Cmd = { docker builder prune } }
    temp       = @{ Paths = @($env:TEMP);                                 Cmd = $null; AgeDays = 7 }
}

function Get-DirSize([string] $Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return 0 }
    (Get-ChildItem -LiteralPath $Path -Recurse -Force -File -ErrorAction SilentlyContinue |
        Measure-Object -Property Length -Sum).Sum
}
function Format-Size([double] $b) {
    if ($b -ge 1GB) { "{0:N1} GB" -f ($b / 1GB) } elseif ($b -ge 1MB) { "{0:N0} MB" -f ($b / 1MB) } else { "{0:N0} KB" -f ($b / 1KB) }
}

# ---- report
$rows = foreach ($name in $categories.Keys) {
    $c = $categories[$name]
    $size = ($c.Paths | ForEach-Object { Get-DirSize $_ } | Measure-Object -Sum).Sum
    [pscustomobject]@{ Category = $name; Size = Format-Size $size; Bytes = $size; Paths = ($c.Paths -join "; ") }
}
if ($NodeModulesRoot) {
    $cutoff = (Get-Date).AddDays(-$OlderThanDays)
    $nm = Get-ChildItem -LiteralPath $NodeModulesRoot -Recurse -Directory -Filter node_modules -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '\\node_modules\\.+\\node_modules' } |
        Where-Object { Test-Path (Join-Path $_.Parent.FullName "package.json") } |
        Where-Object { (Get-ChildItem $_.Parent.FullName -File -ErrorAction SilentlyContinue | Sort-Object LastWriteTime -Descending | Select-Object -First 1).LastWriteTime -lt $cutoff }
    $nmSize = ($nm | ForEach-Object { Get-DirSize $_.FullName } | Measure-Object -Sum).Sum
    $rows += [pscustomobject]@{ Category = "node_modules"; Size = Format-Size $nmSize; Bytes = $nmSize; Paths = "$($nm.Count) folders under $NodeModulesRoot idle > $OlderThanDays d" }
}
$rows | Sort-Object Bytes -Descending | Format-Table Category, Size, Paths -AutoSize -Wrap
Write-Host ("Total reclaimable: {0}" -f (Format-Size (($rows | Measure-Object Bytes -Sum).Sum)))

if (-not $Clean) { Write-Host "`nReport only. Re-run with -Clean <categories> to delete."; return }

# ---- clean
foreach ($name in $Clean) {
    if ($name -eq "node_modules") {
        if (-not $NodeModulesRoot) { Write-Warning "node_modules needs -NodeModulesRoot"; continue }
        foreach ($d in $nm) {
            if ($PSCmdlet.ShouldProcess($d.FullName, "Remove node_modules")) {
                Remove-Item -LiteralPath $d.FullName -Recurse -Force -ErrorAction SilentlyContinue
            }
        }
        continue
    }
    $c = $categories[$name]
    if (-not $c) { Write-Warning "unknown category $name"; continue }
    Write-Host "`n== $name"
    $tool = if ($c.Cmd) { ($c.Cmd.ToString().Trim() -split '\s+')[0] } else { $null }
    if ($c.Cmd -and (Get-Command $tool -ErrorAction SilentlyContinue)) {
        if ($PSCmdlet.ShouldProcess($name, $c.Cmd.ToString().Trim())) { & $c.Cmd }
        continue
    }
    foreach ($p in $c.Paths) {
        if (-not (Test-Path -LiteralPath $p)) { continue }
        $items = Get-ChildItem -LiteralPath $p -Force -ErrorAction SilentlyContinue
        if ($c.AgeDays) { $items = $items | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$c.AgeDays) } }
        foreach ($i in $items) {
            if ($PSCmdlet.ShouldProcess($i.FullName, "Remove")) {
                Remove-Item -LiteralPath $i.FullName -Recurse -Force -ErrorAction SilentlyContinue
            }
        }
    }
}
Write-Host "`nDone. Re-run without -Clean to see the new sizes."
