<#
.SYNOPSIS
  Windows OpenSSH key setup: agent service, ed25519 key, git integration.
.PARAMETER Email
  Comment for the key (usually the git email).
.PARAMETER KeyPath
  Where to create the key. Default: $HOME\.ssh\id_ed25519
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Email,
    [string] $KeyPath = (Join-Path $HOME ".ssh\id_ed25519")
)
$ErrorActionPreference = "Stop"

function Test-Admin {
    $id = [Security.Principal.WindowsIdentity]::GetCurrent()
    (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

# 1. ssh-agent service
$svc = Get-Service ssh-agent -ErrorAction SilentlyContinue
if (-not $svc) {
    Write-Warning "OpenSSH Client is not installed. Settings > System > Optional features > OpenSSH Client."
    exit 1
}
if ($svc.StartType -ne "Automatic" -or $svc.Status -ne "Running") {
    if (Test-Admin) {
        Set-Service ssh-agent -StartupType Automatic
        Start-Service ssh-agent
    } else {
        Write-Host "The ssh-agent service needs to be enabled once from an elevated PowerShell:" -ForegroundColor Yellow
        Write-Host "  Set-Service ssh-agent -StartupType Automatic; Start-Service ssh-agent"
        Read-Host "Press Enter after running it"
    }
}

# 2. key
$sshDir = Split-Path $KeyPath
if (-not (Test-Path $sshDir)) { New-Item -ItemType Directory -Path $sshDir | Out-Null }
if (Test-Path $KeyPath) {
    Write-Host "Key already exists at $KeyPath - leaving it unchanged."
} else {
    Write-Host "Generating $KeyPath. ssh-keygen will ask you for a passphrase."
    & ssh-keygen.exe -t ed25519 -C $Email -f $KeyPath
    if ($LASTEXITCODE -ne 0) { throw "ssh-keygen failed" }
}

# 3. add to agent
& ssh-add.exe $KeyPath

# 4. make git use Windows OpenSSH (so it talks to the same agent)
$sshExe = (Get-Command ssh.exe).Source
git config --global core.sshCommand ($sshExe -replace '\\', '/')

Write-Host ""
Write-Host "Public key (safe to share):" -ForegroundColor Green
Get-Content "$KeyPath.pub"
Write-Host ""
Write-Host "Next: gh ssh-key add `"$KeyPath.pub`" --title `"$env:COMPUTERNAME`""
