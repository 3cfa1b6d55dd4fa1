<#
  Read-only remote-access tool finder. Only Get-* cmdlets.
  Usage: powershell -ExecutionPolicy Bypass -File find-rat.ps1 [-OutCsv path]
#>
param([string]$OutCsv = "")

$names = 'anydesk','teamviewer','screenconnect','connectwise','splashtop','srservice','atera',
         'client32','netsupport','simplehelp','remote access','rustdesk','meshagent','mesh agent',
         'tacticalrmm','zohomeeting','za_connect','logmein','gotoassist','remoting_host','chromoting',
         'winvnc','tvnserver','vncserver','ngrok','cloudflared','frpc','chisel'
$rx = ($names | ForEach-Object { [regex]::Escape($_) }) -join '|'
$hits = New-Object System.Collections.Generic.List[object]
function Add-Hit($how, $name, $path, $extra) {
  $signer = ''
  if ($path -and (Test-Path -LiteralPath $path -ErrorAction SilentlyContinue)) {
    $sig = Get-AuthenticodeSignature -LiteralPath $path -ErrorAction SilentlyContinue
    if ($sig.SignerCertificate) { $signer = $sig.SignerCertificate.Subject -replace '^CN=([^,]+).*','$1' }
  }
  $hits.Add([pscustomobject]@{ How=$how; Name=$name; Path=$path; Signer=$signer; Extra=$extra })
}

# Installed programs
$uninst = 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\*',
          'HKLM:\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*',
          'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\*'
Get-ItemProperty $uninst -ErrorAction SilentlyContinue | Where-Object { $_.DisplayName -match $rx } |
  ForEach-Object { Add-Hit 'installed' $_.DisplayName $_.InstallLocation ("installed " + $_.InstallDate) }

# Services
Get-CimInstance Win32_Service | Where-Object { ($_.Name + ' ' + $_.DisplayName + ' ' + $_.PathName) -match $rx } |
  ForEach-Object {
    $exe = ($_.PathName -replace '^"([^"]+)".*','$1') -replace '^(\S+\.exe).*','$1'
    Add-Hit 'service' $_.DisplayName $exe ("start=" + $_.StartMode + " cmd=" + $_.PathName)
  }

# Processes
Get-Process | Where-Object { $_.ProcessName -match $rx -or ($_.Path -and $_.Path -match $rx) } |
  ForEach-Object { Add-Hit 'process' $_.ProcessName $_.Path ("pid=" + $_.Id) }

# Processes signed by a remote-tool vendor but named something else
Get-Process | Where-Object { $_.Path } | ForEach-Object {
  $s = Get-AuthenticodeSignature -LiteralPath $_.Path -ErrorAction SilentlyContinue
  if ($s.SignerCertificate -and $s.SignerCertificate.Subject -match 'AnyDesk|TeamViewer|ConnectWise|NetSupport|Splashtop|Atera' -and $_.ProcessName -notmatch $rx) {
    Add-Hit 'renamed?' $_.ProcessName $_.Path ("signed by " + $s.SignerCertificate.Subject)
  }
}

# Run keys
'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run','HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run','HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce' |
  ForEach-Object {
    $k = $_
    $p = Get-ItemProperty $k -ErrorAction SilentlyContinue
    if ($p) { $p.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' -and "$($_.Value)" -match $rx } |
      ForEach-Object { Add-Hit 'runkey' $_.Name ("$($_.Value)" -replace '^"([^"]+)".*','$1') $k } }
  }

# Scheduled tasks
Get-ScheduledTask -ErrorAction SilentlyContinue | ForEach-Object {
  $t = $_
  foreach ($a in $t.Actions) { if (("$($a.Execute) $($a.Arguments)") -match $rx) {
    Add-Hit 'schtask' ($t.TaskPath + $t.TaskName) $a.Execute $a.Arguments } }
}

# Portable copies
foreach ($d in @("$env:USERPROFILE\Downloads","$env:USERPROFILE\Desktop",$env:TEMP,$env:ProgramData)) {
  Get-ChildItem -LiteralPath $d -Recurse -Depth 2 -Include *.exe -ErrorAction SilentlyContinue |
    Where-Object { $_.Name -match $rx } | ForEach-Object { Add-Hit 'file' $_.Name $_.FullName ("created " + $_.CreationTime) }
}

# Connections owned by hit processes
$pids = (Get-Process | Where-Object { $_.ProcessName -match $rx }).Id
if ($pids) {
  Get-NetTCPConnection -State Established -ErrorAction SilentlyContinue | Where-Object { $pids -contains $_.OwningProcess } |
    ForEach-Object { Add-Hit 'connection' (Get-Process -Id $_.OwningProcess).ProcessName '' ("$($_.RemoteAddress):$($_.RemotePort)") }
}

$hits | Sort-Object Name, How | Format-Table -AutoSize -Wrap
if ($OutCsv) { $hits | Export-Csv -NoTypeInformation -Path $OutCsv; Write-Host "Saved $OutCsv" }
