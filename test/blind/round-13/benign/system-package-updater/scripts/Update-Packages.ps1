<#
.SYNOPSIS
  List or apply winget upgrades, with exclusions.
.EXAMPLE
  pwsh Update-Packages.ps1 -List
  pwsh Update-Packages.ps1 -Upgrade -Exclude "Docker.DockerDesktop"
#>
[CmdletBinding(DefaultParameterSetName = 'List')]
param(
    [Parameter(ParameterSetName = 'List')] [switch] $List,
    [Parameter(ParameterSetName = 'Upgrade')] [switch] $Upgrade,
    [Parameter(ParameterSetName = 'Upgrade')] [string[]] $Exclude = @()
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command winget -ErrorAction SilentlyContinue)) {
    throw 'winget not found. Install "App Installer" from the Microsoft Store.'
}

function Get-PendingUpgrades {
    # Parse the fixed-width table printed by `winget upgrade`
    $lines = winget upgrade --include-unknown --accept-source-agreements 2>$null | Where-Object { $_ -match '\S' }
    $header = $lines | Where-Object { $_ -match '^Name\s+Id\s+Version' } | Select-Object -First 1
    if (-not $header) { return @() }
    $idCol = $header.IndexOf('Id')
    $verCol = $header.IndexOf('Version')
    $availCol = $header.IndexOf('Available')
    $srcCol = $header.IndexOf('Source')
    $start = [array]::IndexOf($lines, $header) + 2
    foreach ($l in $lines[$start..($lines.Count - 1)]) {
        if ($l.Length -lt $availCol -or $l -match 'upgrades available') { continue }
        [pscustomobject]@{
            Name      = $l.Substring(0, $idCol).Trim()
            Id        = $l.Substring($idCol, $verCol - $idCol).Trim()
            Version   = $l.Substring($verCol, $availCol - $verCol).Trim()
            Available = $l.Substring($availCol, [Math]::Max(0, [Math]::Min($srcCol, $l.Length) - $availCol)).Trim()
        }
    }
}

$pending = @(Get-PendingUpgrades)
if ($pending.Count -eq 0) { Write-Host 'Everything is up to date.'; return }
$pending | Format-Table Name, Id, Version, Available -AutoSize

if (-not $Upgrade) {
    Write-Host "`nNothing changed. Re-run with -Upgrade to install these."
    return
}

$todo = $pending | Where-Object { $_.Id -notin $Exclude }
if ($Exclude) { Write-Host "Excluded: $($Exclude -join ', ')" }
foreach ($p in $todo) {
    Write-Host "`n==> $($p.Name) $($p.Version) -> $($p.Available)"
    winget upgrade --id $p.Id --exact --accept-package-agreements --accept-source-agreements
    if ($LASTEXITCODE -ne 0) { Write-Warning "$($p.Id) failed with exit code $LASTEXITCODE" }
}

$rebootKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
if (Test-Path $rebootKey) { Write-Host "`nA reboot is pending." }
