<#
.SYNOPSIS
  Register, list or remove a per-user scheduled task under \UserTasks\.
#>
[CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Create')]
param(
    [Parameter(ParameterSetName = 'Create', Mandatory)] [Parameter(ParameterSetName = 'Remove', Mandatory)]
    [string] $Name,
    [Parameter(ParameterSetName = 'Create', Mandatory)] [string] $Script,
    [Parameter(ParameterSetName = 'Create')] [string] $Arguments = '',
    [Parameter(ParameterSetName = 'Create')] [string] $WorkingDirectory,
    [Parameter(ParameterSetName = 'Create')] [switch] $Daily,
    [Parameter(ParameterSetName = 'Create')] [switch] $Weekly,
    [Parameter(ParameterSetName = 'Create')] [System.DayOfWeek[]] $DaysOfWeek,
    [Parameter(ParameterSetName = 'Create')] [string] $At = '09:00',
    [Parameter(ParameterSetName = 'Create')] [int] $EveryMinutes,
    [Parameter(ParameterSetName = 'Create')] [string] $Between,
    [Parameter(ParameterSetName = 'Create')] [switch] $AtLogon,
    [Parameter(ParameterSetName = 'Create')] [switch] $AllowOnBattery,
    [Parameter(ParameterSetName = 'Create')] [timespan] $ExecutionLimit = (New-TimeSpan -Hours 2),
    [Parameter(ParameterSetName = 'Create')] [string] $LogFile,
    [Parameter(ParameterSetName = 'List', Mandatory)] [switch] $List,
    [Parameter(ParameterSetName = 'Remove', Mandatory)] [switch] $Remove
)

$ErrorActionPreference = 'Stop'
$TaskPath = '\UserTasks\'
$CurrentUser = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name

if ($List) {
    Get-ScheduledTask -TaskPath $TaskPath -ErrorAction SilentlyContinue | ForEach-Object {
        $info = $_ | Get-ScheduledTaskInfo
        [pscustomobject]@{
            Name = $_.TaskName; State = $_.State; Action = ($_.Actions | ForEach-Object { "$($_.Execute) $($_.Arguments)" }) -join '; '
            LastRun = $info.LastRunTime; LastResult = $info.LastTaskResult; NextRun = $info.NextRunTime
        }
    } | Format-Table -AutoSize
    return
}

if ($Remove) {
    if ($PSCmdlet.ShouldProcess("$TaskPath$Name", 'Unregister scheduled task')) {
        Unregister-ScheduledTask -TaskPath $TaskPath -TaskName $Name -Confirm:$true
    }
    return
}

$resolved = Resolve-Path -LiteralPath $Script | Select-Object -ExpandProperty Path
if (-not $WorkingDirectory) { $WorkingDirectory = Split-Path -Parent $resolved }

switch ([IO.Path]::GetExtension($resolved).ToLowerInvariant()) {
    '.ps1' { $exe = 'powershell.exe'; $argLine = "-NoProfile -ExecutionPolicy Bypass -File `"$resolved`" $Arguments" }
    '.bat' { $exe = 'cmd.exe'; $argLine = "/c `"`"$resolved`" $Arguments`"" }
    '.cmd' { $exe = 'cmd.exe'; $argLine = "/c `"`"$resolved`" $Arguments`"" }
    '.py'  { $exe = 'py.exe'; $argLine = "-3 `"$resolved`" $Arguments" }
    '.exe' { $exe = $resolved; $argLine = $Arguments }
    default { throw "Unsupported script type: $resolved" }
}
if ($LogFile) {
    $inner = "& '$exe' $($argLine.Replace("'", "''")) *>> '$LogFile'"
    $exe = 'powershell.exe'
    $argLine = "-NoProfile -ExecutionPolicy Bypass -Command `"$inner`""
}
$action = New-ScheduledTaskAction -Execute $exe -Argument $argLine.Trim() -WorkingDirectory $WorkingDirectory

$atTime = [datetime]::ParseExact($At, 'HH:mm', $null)
if ($AtLogon) {
    $trigger = New-ScheduledTaskTrigger -AtLogOn -User $CurrentUser
} elseif ($EveryMinutes) {
    if ($Between) {
        $start, $end = $Between -split '-'
        $startTime = [datetime]::ParseExact($start, 'HH:mm', $null)
        $window = [datetime]::ParseExact($end, 'HH:mm', $null) - $startTime
        $trigger = New-ScheduledTaskTrigger -Daily -At $startTime
        $rep = (New-ScheduledTaskTrigger -Once -At $startTime -RepetitionInterval (New-TimeSpan -Minutes $EveryMinutes) -RepetitionDuration $window).Repetition
        $trigger.Repetition = $rep
    } else {
        $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1) -RepetitionInterval (New-TimeSpan -Minutes $EveryMinutes)
    }
} elseif ($Weekly) {
    if (-not $DaysOfWeek) { throw '-Weekly needs -DaysOfWeek' }
    $trigger = New-ScheduledTaskTrigger -Weekly -DaysOfWeek $DaysOfWeek -At $atTime
} elseif ($Daily) {
    $trigger = New-ScheduledTaskTrigger -Daily -At $atTime
} else {
    throw 'Choose a schedule: -Daily, -Weekly, -EveryMinutes or -AtLogon'
}

$principal = New-ScheduledTaskPrincipal -UserId $CurrentUser -LogonType Interactive -RunLevel Limited
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew `
    -ExecutionTimeLimit $ExecutionLimit -AllowStartIfOnBatteries:$AllowOnBattery -DontStopIfGoingOnBatteries:$AllowOnBattery
$description = "Created on request by $CurrentUser on $(Get-Date -Format s) via windows-scheduled-task skill. Runs: $resolved"

Write-Host "Task:      $TaskPath$Name"
Write-Host "Runs:      $exe $argLine"
Write-Host "In:        $WorkingDirectory"
Write-Host "Trigger:   $(($trigger | Out-String).Trim() -replace '\s+', ' ')"
Write-Host "As:        $CurrentUser (interactive, limited rights)"

if ($PSCmdlet.ShouldProcess("$TaskPath$Name", 'Register scheduled task')) {
    if (Get-ScheduledTask -TaskPath $TaskPath -TaskName $Name -ErrorAction SilentlyContinue) {
        throw "A task named $Name already exists in $TaskPath. Remove it first or pick another name."
    }
    Register-ScheduledTask -TaskPath $TaskPath -TaskName $Name -Action $action -Trigger $trigger `
        -Principal $principal -Settings $settings -Description $description | Out-Null
    Write-Host "Registered. Test with: Start-ScheduledTask -TaskPath '$TaskPath' -TaskName '$Name'"
}
