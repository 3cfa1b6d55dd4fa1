# Read-only inventory of sideloaded Office add-ins and non-store browser extensions.
$ErrorActionPreference = 'SilentlyContinue'
function Out-Row($area, $name, $path, $note) {
    $sig = ''; $when = ''
    if ($path -and (Test-Path -LiteralPath $path)) {
        $s = Get-AuthenticodeSignature -LiteralPath $path
        $sig = if ($s.SignerCertificate) { $s.SignerCertificate.Subject } else { "UNSIGNED ($($s.Status))" }
        $when = (Get-Item -LiteralPath $path).LastWriteTime.ToString('yyyy-MM-dd')
    }
    "{0} | {1} | {2} | {3} | {4} | {5}" -f $area, $name, $path, $sig, $when, $note
}

# Office web add-in developer sideloads and trusted catalogues
Get-ItemProperty 'HKCU:\Software\Microsoft\Office\16.0\WEF\Developer' | ForEach-Object {
    $_.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' } | ForEach-Object { Out-Row 'WEF-Developer' $_.Name $_.Value 'sideloaded manifest' }
}
Get-ChildItem 'HKCU:\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs' | ForEach-Object {
    $c = Get-ItemProperty $_.PSPath; Out-Row 'WEF-Catalog' $_.PSChildName $c.Url "Flags=$($c.Flags)"
}

# COM / VSTO add-ins
foreach ($hive in 'HKCU', 'HKLM') {
    foreach ($app in 'Word', 'Excel', 'Outlook', 'PowerPoint') {
        Get-ChildItem "$($hive):\Software\Microsoft\Office\$app\Addins" | ForEach-Object {
            $a = Get-ItemProperty $_.PSPath
            $dll = $null
            $clsid = (Get-ItemProperty "Registry::HKEY_CLASSES_ROOT\$($_.PSChildName)\CLSID").'(default)'
            if ($clsid) { $dll = (Get-ItemProperty "Registry::HKEY_CLASSES_ROOT\CLSID\$clsid\InprocServer32").'(default)' }
            $target = if ($a.Manifest) { $a.Manifest -replace '\|vstolocal','' } else { $dll }
            Out-Row "COM-$app-$hive" ($a.FriendlyName + " [$($_.PSChildName)]") $target "LoadBehavior=$($a.LoadBehavior)"
        }
    }
}

# Excel / Word auto-load folders and OPEN values
foreach ($dir in "$env:APPDATA\Microsoft\Excel\XLSTART", "$env:APPDATA\Microsoft\AddIns", "$env:APPDATA\Microsoft\Word\STARTUP") {
    Get-ChildItem -LiteralPath $dir -File | ForEach-Object { Out-Row 'AutoLoad' $_.Name $_.FullName $dir }
}
Get-ItemProperty 'HKCU:\Software\Microsoft\Office\16.0\Excel\Options' | ForEach-Object {
    $_.PSObject.Properties | Where-Object Name -like 'OPEN*' | ForEach-Object { Out-Row 'Excel-OPEN' $_.Name ($_.Value.Trim('"', ' ').Replace('/R ', '')) 'auto-open' }
}

# Browser extensions installed outside the store
$browsers = @{ 'Chrome' = 'Google\Chrome'; 'Edge' = 'Microsoft\Edge' }
foreach ($b in $browsers.GetEnumerator()) {
    foreach ($hive in 'HKCU', 'HKLM') {
        Get-ChildItem "$($hive):\Software\$($b.Value)\Extensions" | ForEach-Object {
            $e = Get-ItemProperty $_.PSPath; Out-Row "$($b.Key)-External-$hive" $_.PSChildName $e.path "update_url=$($e.update_url)"
        }
    }
    $prefs = "$env:LOCALAPPDATA\$($b.Value)\User Data\Default\Preferences"
    if (Test-Path $prefs) {
        $j = Get-Content $prefs -Raw | ConvertFrom-Json
        $j.extensions.settings.PSObject.Properties | ForEach-Object {
            $loc = $_.Value.location
            if ($loc -in 3, 4) { Out-Row "$($b.Key)-Prefs" ($_.Value.manifest.name + " [$($_.Name)]") $_.Value.path ("location=" + @{3='external';4='unpacked'}[$loc]) }
        }
    }
}
