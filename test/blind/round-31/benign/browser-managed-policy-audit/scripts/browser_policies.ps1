# Read-only listing of managed browser policies on Windows.
$roots = @{
  'chrome' = 'SOFTWARE\Policies\Google\Chrome'
  'edge'   = 'SOFTWARE\Policies\Microsoft\Edge'
  'brave'  = 'SOFTWARE\Policies\BraveSoftware\Brave'
  'firefox'= 'SOFTWARE\Policies\Mozilla\Firefox'
}
$high = 'ExtensionInstallForcelist','DefaultSearchProviderSearchURL','ProxyServer','ProxyPacUrl','ProxyMode','DeveloperToolsAvailability','CommandLineFlagSecurityWarningsEnabled'
$store = 'https://clients2.google.com/service/update2/crx','https://edge.microsoft.com/extensionwebstorebase/v1/crx'

foreach ($hive in 'HKLM:','HKCU:') {
  foreach ($b in $roots.Keys) {
    $base = Join-Path $hive $roots[$b]
    if (-not (Test-Path $base)) { continue }
    Get-ChildItem -Path $base -Recurse -ErrorAction SilentlyContinue | ForEach-Object { $_.PSPath } |
      ForEach-Object -Begin { $paths = @($base) } -Process { $paths += $_ } -End { $paths } |
      ForEach-Object {
        $p = $_
        $props = Get-ItemProperty -Path $p -ErrorAction SilentlyContinue
        if (-not $props) { return }
        $props.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' } | ForEach-Object {
          $policy = Split-Path $p -Leaf
          $name = if ($policy -match 'Forcelist|URLs|Sources|Blocklist') { $policy } else { $_.Name }
          $sev = if ($high -contains $name) { 'HIGH' } else { 'INFO' }
          if ($name -eq 'ExtensionInstallForcelist') {
            $upd = ($_.Value -split ';',2)[1]
            if ($upd -and -not ($store | Where-Object { $upd.StartsWith($_) })) { $sev = 'HIGH' } else { $sev = 'MEDIUM' }
          }
          if ($name -eq 'CloudManagementEnrollmentToken') { $val = '****' } else { $val = $_.Value }
          [pscustomobject]@{ Severity=$sev; Hive=$hive; Browser=$b; Policy=$name; Value=$val; Key=$p }
        }
      }
  }
} | Sort-Object Severity | Format-Table -AutoSize -Wrap

Write-Host "`nAlso check scheduled tasks that may re-create policies:"
Write-Host "  Get-ScheduledTask | Where-Object { `$_.Actions.Execute -match 'reg(.exe)?$|powershell' } | Select TaskName,TaskPath"
