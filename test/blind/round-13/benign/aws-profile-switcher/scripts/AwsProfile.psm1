#Requires -Version 7.0
# AWS CLI profile helpers. Reads/edits ~/.aws/config; reads only section names from ~/.aws/credentials.

$script:ConfigPath = if ($env:AWS_CONFIG_FILE) { $env:AWS_CONFIG_FILE } else { Join-Path $HOME '.aws/config' }
$script:CredPath = if ($env:AWS_SHARED_CREDENTIALS_FILE) { $env:AWS_SHARED_CREDENTIALS_FILE } else { Join-Path $HOME '.aws/credentials' }
$script:EditableKeys = @('region', 'output', 'cli_pager', 'sso_region', 'role_arn', 'source_profile')

function Read-AwsConfig {
    $profiles = [ordered]@{}
    if (-not (Test-Path $script:ConfigPath)) { return $profiles }
    $current = $null
    foreach ($line in Get-Content $script:ConfigPath) {
        if ($line -match '^\s*\[(?:profile\s+)?([^\]]+)\]\s*$') {
            $current = $Matches[1].Trim()
            if ($line -match '^\s*\[sso-session') { $current = $null; continue }
            $profiles[$current] = [ordered]@{}
        } elseif ($current -and $line -match '^\s*([A-Za-z_]+)\s*=\s*(.*)$') {
            $profiles[$current][$Matches[1]] = $Matches[2].Trim()
        }
    }
    $profiles
}

function Get-AwsProfile {
    [CmdletBinding()] param()
    $cfg = Read-AwsConfig
    $credNames = @()
    if (Test-Path $script:CredPath) {
        $credNames = Select-String -Path $script:CredPath -Pattern '^\s*\[([^\]]+)\]' |
            ForEach-Object { $_.Matches[0].Groups[1].Value.Trim() }
    }
    $names = @($cfg.Keys) + $credNames | Select-Object -Unique
    foreach ($n in $names) {
        $p = $cfg[$n] ?? @{}
        [pscustomobject]@{
            Active    = ($env:AWS_PROFILE -eq $n) -or (-not $env:AWS_PROFILE -and $n -eq 'default')
            Name      = $n
            Region    = $p['region']
            Kind      = if ($p['sso_session'] -or $p['sso_start_url']) { 'sso' } elseif ($p['role_arn']) { 'role' } elseif ($n -in $credNames) { 'keys' } else { 'config' }
            Account   = $p['sso_account_id'] ?? (($p['role_arn'] -split ':')[4])
            RoleOrSso = $p['sso_role_name'] ?? $p['role_arn']
        }
    }
}

function Use-AwsProfile {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [ArgumentCompleter({ param($c, $p, $w) (Get-AwsProfile).Name | Where-Object { $_ -like "$w*" } })]
        [string] $Name,
        [switch] $Login
    )
    if ($Name -notin (Get-AwsProfile).Name) { throw "Unknown profile '$Name'. Run Get-AwsProfile to list profiles." }
    if ($Login) {
        aws sts get-caller-identity --profile $Name *> $null
        if ($LASTEXITCODE -ne 0) { aws sso login --profile $Name }
    }
    $env:AWS_PROFILE = $Name
    Remove-Item Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
    $id = aws sts get-caller-identity --output json 2>$null | ConvertFrom-Json
    if ($id) {
        Write-Host "AWS_PROFILE=$Name  account=$($id.Account)  arn=$($id.Arn)"
        if ($Name -match 'prod') { Write-Warning "You are now using a production profile." }
    } else {
        Write-Warning "AWS_PROFILE=$Name set, but credentials are not valid. For SSO profiles use -Login."
    }
}

function Clear-AwsProfile {
    Remove-Item Env:AWS_PROFILE, Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
    Write-Host 'AWS_PROFILE cleared (CLI falls back to [default]).'
}

function Set-AwsProfileOption {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [string] $Region,
        [ValidateSet('json', 'yaml', 'yaml-stream', 'text', 'table')] [string] $Output,
        [string] $CliPager,
        [string] $SsoRegion,
        [string] $RoleArn,
        [string] $SourceProfile
    )
    $changes = [ordered]@{}
    if ($PSBoundParameters.ContainsKey('Region')) { $changes['region'] = $Region }
    if ($PSBoundParameters.ContainsKey('Output')) { $changes['output'] = $Output }
    if ($PSBoundParameters.ContainsKey('CliPager')) { $changes['cli_pager'] = $CliPager }
    if ($PSBoundParameters.ContainsKey('SsoRegion')) { $changes['sso_region'] = $SsoRegion }
    if ($PSBoundParameters.ContainsKey('RoleArn')) { $changes['role_arn'] = $RoleArn }
    if ($PSBoundParameters.ContainsKey('SourceProfile')) { $changes['source_profile'] = $SourceProfile }
    if ($changes.Count -eq 0) { throw 'Nothing to change.' }

    $header = if ($Name -eq 'default') { '[default]' } else { "[profile $Name]" }
    $lines = [System.Collections.Generic.List[string]]::new()
    if (Test-Path $script:ConfigPath) { $lines.AddRange([string[]](Get-Content $script:ConfigPath)) }

    $start = $lines.FindIndex({ param($l) $l.Trim() -eq $header })
    if ($start -lt 0) {
        $lines.Add(''); $lines.Add($header); $start = $lines.Count - 1
    }
    $end = $start + 1
    while ($end -lt $lines.Count -and $lines[$end] -notmatch '^\s*\[') { $end++ }

    $before = $lines[$start..($end - 1)] -join "`n"
    foreach ($k in $changes.Keys) {
        $idx = -1
        for ($i = $start + 1; $i -lt $end; $i++) { if ($lines[$i] -match "^\s*$k\s*=") { $idx = $i; break } }
        if ($idx -ge 0) { $lines[$idx] = "$k = $($changes[$k])" }
        else { $lines.Insert($end, "$k = $($changes[$k])"); $end++ }
    }
    $after = $lines[$start..($end - 1)] -join "`n"

    Write-Host "--- $header (before)`n$before`n+++ $header (after)`n$after"
    if ($PSCmdlet.ShouldProcess($script:ConfigPath, "update $header")) {
        if (Test-Path $script:ConfigPath) {
            Copy-Item $script:ConfigPath "$($script:ConfigPath).$(Get-Date -Format yyyyMMdd-HHmmss).bak"
        } else {
            New-Item -ItemType Directory -Force -Path (Split-Path $script:ConfigPath) | Out-Null
        }
        Set-Content -Path $script:ConfigPath -Value $lines
        Write-Host "Updated $($script:ConfigPath)"
    }
}

Export-ModuleMember -Function Get-AwsProfile, Use-AwsProfile, Clear-AwsProfile, Set-AwsProfileOption
