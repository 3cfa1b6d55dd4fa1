<#
.SYNOPSIS
  Windows helpers for the bug-report-capture skill. Saves files locally only.
.EXAMPLE
  pwsh scripts/capture.ps1 -Action Screenshot -Dir bug-reports\2025-03-14-login-crash
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Screenshot', 'ClipboardImage', 'Versions')] [string] $Action,
    [Parameter(Mandatory)] [string] $Dir
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $Dir | Out-Null
$stamp = Get-Date -Format 'HHmmss'

switch ($Action) {
    'Screenshot' {
        # Opens the Snipping Tool overlay so the user chooses the region, then saves the clipboard result.
        Add-Type -AssemblyName System.Windows.Forms
        [System.Windows.Forms.Clipboard]::Clear()
        Start-Process 'ms-screenclip:'
        Write-Host 'Select a region (Esc to cancel)...'
        $deadline = (Get-Date).AddSeconds(60)
        while ((Get-Date) -lt $deadline -and -not [System.Windows.Forms.Clipboard]::ContainsImage()) {
            Start-Sleep -Milliseconds 300
        }
        if (-not [System.Windows.Forms.Clipboard]::ContainsImage()) { Write-Host 'cancelled'; exit 1 }
        $path = Join-Path $Dir "screenshot-$stamp.png"
        [System.Windows.Forms.Clipboard]::GetImage().Save($path, [System.Drawing.Imaging.ImageFormat]::Png)
        Write-Output $path
    }
    'ClipboardImage' {
        Add-Type -AssemblyName System.Windows.Forms
        if (-not [System.Windows.Forms.Clipboard]::ContainsImage()) { Write-Host 'clipboard has no image'; exit 1 }
        $path = Join-Path $Dir "clipboard-$stamp.png"
        [System.Windows.Forms.Clipboard]::GetImage().Save($path, [System.Drawing.Imaging.ImageFormat]::Png)
        Write-Output $path
    }
    'Versions' {
        $path = Join-Path $Dir 'versions.txt'
        $lines = @("os: $([System.Environment]::OSVersion.VersionString)", "arch: $env:PROCESSOR_ARCHITECTURE", "powershell: $($PSVersionTable.PSVersion)")
        foreach ($tool in 'node', 'npm', 'python', 'go', 'git', 'docker') {
            if (Get-Command $tool -ErrorAction SilentlyContinue) {
                $v = (& $tool --version 2>&1 | Select-Object -First 1)
                $lines += "${tool}: $v"
            }
        }
        $lines | Set-Content -Path $path -Encoding utf8
        Get-Content $path
    }
}
