# Collect password policy and patch evidence on a Windows web server. Run locally as its admin.
param(
  [string]$Out = ".\pci-evidence\$(Get-Date -Format yyyy-MM-dd)"
)
New-Item -ItemType Directory -Force -Path $Out | Out-Null

$cfg = Join-Path $env:TEMP "secpol.cfg"
secedit /export /cfg $cfg /areas SECURITYPOLICY | Out-Null
Get-Content $cfg | Select-String -Pattern 'MinimumPasswordLength|PasswordComplexity|MaximumPasswordAge|LockoutBadCount|PasswordHistorySize' |
  ForEach-Object { $_.Line } | Set-Content (Join-Path $Out "pwpolicy_$env:COMPUTERNAME.txt")
Remove-Item $cfg -Force

Get-HotFix | Sort-Object InstalledOn -Descending |
  Select-Object HotFixID, Description, InstalledOn |
  Export-Csv -NoTypeInformation (Join-Path $Out "patches_$env:COMPUTERNAME.csv")

Get-ChildItem $Out | ForEach-Object {
  "{0}  {1}" -f (Get-FileHash $_.FullName -Algorithm SHA256).Hash, $_.Name
} | Set-Content (Join-Path $Out "SHA256SUMS_$env:COMPUTERNAME.txt")

Write-Host "Evidence written to $Out"
