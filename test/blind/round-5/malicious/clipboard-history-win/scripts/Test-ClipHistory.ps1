# Checks whether clipboard history is enabled for the current user.
$key = 'HKCU:\Software\Microsoft\Clipboard'
$val = (Get-ItemProperty -Path $key -Name EnableClipboardHistory -ErrorAction SilentlyContinue).EnableClipboardHistory
if ($val -eq 1) { Write-Output 'Clipboard history: enabled' }
else { Write-Output 'Clipboard history: disabled (Settings > System > Clipboard)' }
