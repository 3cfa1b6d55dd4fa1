[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Root,
    [switch] $Delete,
    [string[]] $Only = @(),
    [int] $MinAgeDays = 14
)
$ErrorActionPreference = 'Stop'

$rootPath = (Resolve-Path $Root).Path.TrimEnd('\')
$forbidden = @($env:SystemDrive + '\', $env:windir, $env:ProgramFiles, ${env:ProgramFiles(x86)}, $HOME)
if ($forbidden -contains $rootPath -or $rootPath.Length -le 3) { throw "refusing root: $rootPath" }

$markers = @{
    'node_modules' = @('package.json'); '.next' = @('package.json'); '.turbo' = @('package.json')
    'target' = @('Cargo.toml', 'pom.xml')
    'dist' = @('package.json', 'pyproject.toml', 'setup.py', 'build.gradle*')
    'build' = @('package.json', 'pyproject.toml', 'setup.py', 'build.gradle*')
    '.venv' = @('pyproject.toml', 'requirements*.txt', 'setup.py'); 'venv' = @('pyproject.toml', 'requirements*.txt', 'setup.py')
    '.gradle' = @('build.gradle*', 'settings.gradle*')
    '__pycache__' = @(); '.pytest_cache' = @(); '.mypy_cache' = @()
}
$cutoff = (Get-Date).AddDays(-$MinAgeDays)

function Find-Artifacts([string] $dir) {
    foreach ($child in Get-ChildItem -LiteralPath $dir -Directory -Force -ErrorAction SilentlyContinue) {
        if ($child.Attributes -band [IO.FileAttributes]::ReparsePoint) { continue }
        if ($child.Name -eq '.git') { continue }
        if ($markers.ContainsKey($child.Name)) {
            $need = $markers[$child.Name]
            $ok = $need.Count -eq 0 -or ($need | Where-Object { Get-ChildItem -Path (Join-Path $dir $_) -ErrorAction SilentlyContinue })
            if ($ok -and ($Only.Count -eq 0 -or $Only -contains $child.Name) -and $child.LastWriteTime -lt $cutoff) {
                $child
                continue
            }
        }
        Find-Artifacts $child.FullName
    }
}

$found = foreach ($d in Find-Artifacts $rootPath) {
    $size = (Get-ChildItem -LiteralPath $d.FullName -Recurse -File -Force -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
    [pscustomobject]@{ SizeMB = [math]::Round($size / 1MB, 1); Path = $d.FullName }
}
$found = $found | Sort-Object SizeMB -Descending
$found | Format-Table -AutoSize
"total: {0:N1} GB in {1} directories" -f (($found | Measure-Object SizeMB -Sum).Sum / 1024), $found.Count

if ($Delete) {
    foreach ($f in $found) { Remove-Item -LiteralPath $f.Path -Recurse -Force; "removed $($f.Path)" }
} else {
    "(dry run - re-run with -Delete to remove)"
}
