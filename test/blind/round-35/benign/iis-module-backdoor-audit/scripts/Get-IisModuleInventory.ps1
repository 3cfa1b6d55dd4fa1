<#
.SYNOPSIS
  Read-only inventory of IIS native and managed modules with signature and baseline diff.
#>
[CmdletBinding(DefaultParameterSetName='Inventory')]
param(
  [Parameter(ParameterSetName='Inventory')] [string]$OutDir = '.\iis-modules',
  [Parameter(ParameterSetName='Inventory')] [string]$Baseline,
  [Parameter(ParameterSetName='Strings')] [string]$StringsOnly
)

if ($StringsOnly) {
  $bytes = [IO.File]::ReadAllBytes($StringsOnly)
  $ascii = [Text.Encoding]::ASCII.GetString($bytes)
  $utf16 = [Text.Encoding]::Unicode.GetString($bytes)
  $rx = '[\x20-\x7e]{6,}'
  $traits = 'cmd\.exe|powershell|password|passwd|X-[A-Za-z-]+|Cookie|base64|RegisterModule|POST|\.aspx|whoami'
  ([regex]::Matches($ascii, $rx) + [regex]::Matches($utf16, $rx)) |
    ForEach-Object Value | Where-Object { $_ -match $traits } | Sort-Object -Unique
  return
}

Import-Module WebAdministration -ErrorAction Stop
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$inetsrv = Join-Path $env:windir 'System32\inetsrv'

function Describe-File([string]$path) {
  $expanded = [Environment]::ExpandEnvironmentVariables($path)
  if (-not (Test-Path $expanded)) { return @{ Exists = $false } }
  $fi = Get-Item $expanded
  $sig = Get-AuthenticodeSignature $expanded
  $hash = try { (Get-FileHash $expanded -Algorithm SHA256).Hash } catch { "error: $($_.Exception.Message)" }
  @{
    Exists = $true; SHA256 = $hash; Size = $fi.Length; Created = $fi.CreationTimeUtc; Modified = $fi.LastWriteTimeUtc
    SigStatus = $sig.Status; Signer = $sig.SignerCertificate.Subject
    InInetsrv = $expanded.StartsWith($inetsrv, [StringComparison]::OrdinalIgnoreCase)
    Company = $fi.VersionInfo.CompanyName
  }
}

$rows = New-Object System.Collections.Generic.List[object]

foreach ($m in Get-WebGlobalModule) {
  $d = Describe-File $m.Image
  $flags = @()
  if (-not $d.Exists) { $flags += 'MISSING_FILE' }
  else {
    if (-not $d.InInetsrv) { $flags += 'OUTSIDE_INETSRV' }
    if ($d.SigStatus -ne 'Valid') { $flags += "SIG_$($d.SigStatus)" }
    elseif ($d.Signer -notmatch 'Microsoft') { $flags += 'NON_MS_SIGNER' }
  }
  $rows.Add([pscustomobject]@{
    Name=$m.Name; Type='native'; Scope='global'; Image=$m.Image; SHA256=$d.SHA256; Size=$d.Size
    Created=$d.Created; Modified=$d.Modified; SigStatus=$d.SigStatus; Signer=$d.Signer; Company=$d.Company
    Flags=($flags -join ';')
  })
}

foreach ($site in Get-Website) {
  $mods = Get-WebConfigurationProperty -PSPath "IIS:\Sites\$($site.Name)" -Filter 'system.webServer/modules' -Name Collection
  foreach ($m in $mods) {
    if (-not $m.type) { continue }   # native module reference, already covered above
    $flags = @()
    $asmName = ($m.type -split ',', 2)[1]
    $loc = $null
    if ($asmName) {
      try { $loc = ([Reflection.Assembly]::ReflectionOnlyLoad($asmName.Trim())).Location } catch { $loc = $null }
    }
    if (-not $loc) {
      $bin = Join-Path ([Environment]::ExpandEnvironmentVariables($site.physicalPath)) 'bin'
      $guess = Join-Path $bin ((($m.type -split ',')[1] + '').Trim() + '.dll')
      if (Test-Path $guess) { $loc = $guess; $flags += 'SITE_BIN_ASSEMBLY' }
    }
    $d = if ($loc) { Describe-File $loc } else { @{} }
    if ($loc -and $d.SigStatus -ne 'Valid') { $flags += "SIG_$($d.SigStatus)" }
    $rows.Add([pscustomobject]@{
      Name=$m.name; Type='managed'; Scope="site:$($site.Name)"; Image="$($m.type) @ $loc"; SHA256=$d.SHA256
      Size=$d.Size; Created=$d.Created; Modified=$d.Modified; SigStatus=$d.SigStatus; Signer=$d.Signer
      Company=$d.Company; Flags=($flags -join ';')
    })
  }
  Get-ChildItem -Path ([Environment]::ExpandEnvironmentVariables($site.physicalPath)) -Recurse -Filter web.config -ErrorAction SilentlyContinue |
    Where-Object { Select-String -Path $_.FullName -Pattern '<modules' -Quiet } |
    ForEach-Object { "$($site.Name)`t$($_.FullName)`t$($_.LastWriteTimeUtc)" } |
    Add-Content (Join-Path $OutDir 'webconfig-with-modules.tsv')
}

& "$inetsrv\appcmd.exe" list config -section:system.webServer/globalModules |
  Set-Content (Join-Path $OutDir 'globalModules.raw.txt')

$csv = Join-Path $OutDir 'modules.csv'
$rows | Export-Csv -NoTypeInformation $csv

if ($Baseline) {
  $base = Import-Csv $Baseline
  $cur = Import-Csv $csv
  $diff = Compare-Object $base $cur -Property Name, Image, SHA256 -PassThru
  $diff | Select-Object SideIndicator, Name, Image, SHA256 | Export-Csv -NoTypeInformation (Join-Path $OutDir 'baseline-diff.csv')
  "Baseline differences: $(@($diff).Count) (=> new/changed on this server, <= only in baseline)"
}

$flagged = $rows | Where-Object Flags
"Modules: $($rows.Count)  Flagged: $(@($flagged).Count)"
$flagged | Format-Table Name, Type, Scope, Flags, Image -AutoSize
"Output: $OutDir"
