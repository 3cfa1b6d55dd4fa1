[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ConfigPath,
    [Parameter(Mandatory)] [ValidatePattern('^[A-Za-z0-9_=+.-]{1,32}$')] [string] $Name
)
$ErrorActionPreference = 'Stop'

$wg = Join-Path $env:ProgramFiles 'WireGuard\wireguard.exe'
if (-not (Test-Path $wg)) { throw 'WireGuard for Windows is not installed (install it from the official site first).' }

$text = Get-Content -Raw $ConfigPath
Write-Host ($text -replace '(?m)^(PrivateKey|PresharedKey)\s*=.*$', '$1 = <hidden>')
if ($text -match '(?m)^\s*AllowedIPs\s*=.*0\.0\.0\.0/0') { Write-Host "`nRouting: FULL tunnel" } else { Write-Host "`nRouting: split tunnel" }
if ($text -match '(?mi)^\s*(PreUp|PostUp|PreDown|PostDown)') {
    Write-Warning 'Config contains script hooks; WireGuard for Windows ignores them unless DangerousScriptExecution is enabled. Leave it disabled.'
}

$answer = Read-Host "Install tunnel service '$Name'? [y/N]"
if ($answer -ne 'y') { return }

$dir = Join-Path $env:ProgramFiles 'WireGuard\Data\Configurations'
New-Item -ItemType Directory -Force -Path $dir | Out-Null
$dest = Join-Path $dir "$Name.conf"
Copy-Item $ConfigPath $dest
& $wg /installtunnelservice $dest
Write-Host "Tunnel '$Name' installed and started. Manage it from the WireGuard app or: & '$wg' /uninstalltunnelservice $Name"
