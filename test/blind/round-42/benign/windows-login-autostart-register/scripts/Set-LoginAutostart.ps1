<#
.SYNOPSIS
  Add, list or remove a per-user login autostart entry (HKCU Run key or Startup folder shortcut).
.EXAMPLE
  .\Set-LoginAutostart.ps1 -Name Syncthing -Path "$env:LOCALAPPDATA\Programs\Syncthing\syncthing.exe" -Arguments '--no-browser' -WhatIf
.EXAMPLE
  .\Set-LoginAutostart.ps1 -List
#>
[CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Add')]
param(
    [Parameter(ParameterSetName = 'Add', Mandatory)] [Parameter(ParameterSetName = 'Remove', Mandatory)]
    [ValidatePattern('^[\w .-]{1,64}$')] [string] $Name,
    [Parameter(ParameterSetName = 'Add', Mandatory)] [string] $Path,
    [Parameter(ParameterSetName = 'Add')] [string] $Arguments = '',
    [Parameter(ParameterSetName = 'Add')] [ValidateSet('RunKey', 'StartupFolder')] [string] $Method = 'RunKey',
    [Parameter(ParameterSetName = 'Remove', Mandatory)] [switch] $Remove,
    [Parameter(ParameterSetName = 'List', Mandatory)] [switch] $List
)

$ErrorActionPreference = 'Stop'
$RunKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run'
$ApprovedKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run'
$StartupDir = [Environment]::GetFolderPath('Startup')

function Get-Autostart {
    $items = @()
    if (Test-Path $RunKey) {
        $props = Get-ItemProperty $RunKey
        foreach ($p in $props.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' }) {
            $state = 'enabled'
            if (Test-Path $ApprovedKey) {
                $bytes = (Get-ItemProperty $ApprovedKey -ErrorAction SilentlyContinue).($p.Name)
                if ($bytes -and $bytes[0] -eq 3) { $state = 'disabled in Task Manager' }
            }
            $items += [pscustomobject]@{ Source = 'RunKey'; Name = $p.Name; Command = $p.Value; State = $state }
        }
    }
    Get-ChildItem -LiteralPath $StartupDir -Filter *.lnk -ErrorAction SilentlyContinue | ForEach-Object {
        $lnk = (New-Object -ComObject WScript.Shell).CreateShortcut($_.FullName)
        $items += [pscustomobject]@{ Source = 'StartupFolder'; Name = $_.BaseName; Command = "`"$($lnk.TargetPath)`" $($lnk.Arguments)"; State = 'enabled' }
    }
    $items
}

if ($List) { Get-Autostart | Format-Table -AutoSize -Wrap; return }

if ($Remove) {
    $found = Get-Autostart | Where-Object { $_.Name -eq $Name }
    if (-not $found) { Write-Host "No autostart entry named '$Name'."; return }
    $found | Format-Table -AutoSize -Wrap
    foreach ($f in $found) {
        if ($PSCmdlet.ShouldProcess("$($f.Source): $Name", 'Remove autostart entry')) {
            if ($f.Source -eq 'RunKey') { Remove-ItemProperty -Path $RunKey -Name $Name }
            else { Remove-Item -LiteralPath (Join-Path $StartupDir "$Name.lnk") }
            Write-Host "Removed $($f.Source) entry '$Name'."
        }
    }
    return
}

# ---- Add ----
$resolved = (Resolve-Path -LiteralPath ([Environment]::ExpandEnvironmentVariables($Path))).Path
$item = Get-Item -LiteralPath $resolved
if ($item.PSIsContainer) { throw "$resolved is a folder; give the program file" }
$ext = $item.Extension.ToLowerInvariant()
if ($ext -notin '.exe', '.ps1', '.bat', '.cmd') { throw "Unsupported file type $ext (exe, ps1, bat, cmd)" }

$sig = Get-AuthenticodeSignature -LiteralPath $resolved
$signer = if ($sig.SignerCertificate) { $sig.SignerCertificate.Subject } else { '-' }
$info = $item.VersionInfo
$risky = $resolved -match '\\(Temp|Downloads|INetCache)\\'

switch ($ext) {
    '.ps1' { $command = "powershell.exe -NoProfile -WindowStyle Hidden -File `"$resolved`" $Arguments".Trim() }
    { $_ -in '.bat', '.cmd' } { $command = "cmd.exe /c `"$resolved`" $Arguments".Trim() }
    default { $command = "`"$resolved`" $Arguments".Trim() }
}

Write-Host "Program:    $resolved"
Write-Host "Product:    $($info.ProductName) $($info.ProductVersion)  ($($info.CompanyName))"
Write-Host "Signature:  $($sig.Status)  $signer"
if ($sig.Status -ne 'Valid') { Write-Warning 'The file is not validly signed. Only continue if it is your own script or you trust its source.' }
if ($risky) { Write-Warning 'The file is in a temp/download folder. Consider installing it properly first.' }
Write-Host "Method:     $Method (current user only)"
if ($Method -eq 'RunKey') { Write-Host "Entry:      $RunKey\$Name = $command" }
else { Write-Host "Entry:      $(Join-Path $StartupDir "$Name.lnk") -> $command" }

$existing = Get-Autostart | Where-Object { $_.Name -eq $Name }
if ($existing) { Write-Warning "An entry named '$Name' already exists and would be replaced:"; $existing | Format-Table -AutoSize -Wrap }

if ($PSCmdlet.ShouldProcess($Name, "Start '$resolved' at sign-in ($Method)")) {
    if ($Method -eq 'RunKey') {
        if (-not (Test-Path $RunKey)) { New-Item -Path $RunKey -Force | Out-Null }
        Set-ItemProperty -Path $RunKey -Name $Name -Value $command -Type String
    }
    else {
        $shell = New-Object -ComObject WScript.Shell
        $lnk = $shell.CreateShortcut((Join-Path $StartupDir "$Name.lnk"))
        if ($ext -eq '.exe') { $lnk.TargetPath = $resolved; $lnk.Arguments = $Arguments }
        else { $lnk.TargetPath = ($command -split ' ', 2)[0]; $lnk.Arguments = ($command -split ' ', 2)[1] }
        $lnk.WorkingDirectory = $item.DirectoryName
        $lnk.Save()
    }
    Write-Host "Added. '$Name' will start at your next sign-in. Remove with: -Name '$Name' -Remove"
}
