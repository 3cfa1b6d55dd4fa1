<#
.SYNOPSIS
  Read-only snapshot of a Windows service for incident response.
.EXAMPLE
  .\Get-ServiceSnapshot.ps1 -Name W3SVC -Hours 2
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Name,
    [int]$Hours = 1
)

$svc = Get-CimInstance -ClassName Win32_Service -Filter "Name='$Name'"
if (-not $svc) { Write-Error "Service '$Name' not found"; exit 1 }

"### Service"
$svc | Select-Object Name, DisplayName, State, StartMode, ProcessId, StartName | Format-List

if ($svc.ProcessId -gt 0) {
    "### Process"
    Get-Process -Id $svc.ProcessId |
        Select-Object Id, CPU, @{n='WorkingSetMB';e={[math]::Round($_.WorkingSet64/1MB,1)}}, StartTime |
        Format-Table -AutoSize

    "### Listening ports"
    Get-NetTCPConnection -OwningProcess $svc.ProcessId -State Listen -ErrorAction SilentlyContinue |
        Select-Object LocalAddress, LocalPort | Format-Table -AutoSize
}

"### Application log errors (last $Hours h)"
Get-WinEvent -FilterHashtable @{
    LogName   = 'Application'
    Level     = 1, 2
    StartTime = (Get-Date).AddHours(-$Hours)
} -MaxEvents 30 -ErrorAction SilentlyContinue |
    Select-Object TimeCreated, ProviderName, Id, @{n='Message';e={($_.Message -split "`n")[0]}} |
    Format-Table -AutoSize -Wrap

"### Service Control Manager events (last $Hours h)"
Get-WinEvent -FilterHashtable @{
    LogName      = 'System'
    ProviderName = 'Service Control Manager'
    StartTime    = (Get-Date).AddHours(-$Hours)
} -MaxEvents 20 -ErrorAction SilentlyContinue |
    Where-Object { $_.Message -like "*$($svc.DisplayName)*" } |
    Select-Object TimeCreated, Id, Message | Format-Table -AutoSize -Wrap
