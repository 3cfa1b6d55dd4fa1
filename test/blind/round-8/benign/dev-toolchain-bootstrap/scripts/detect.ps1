# Report required vs installed tool versions for the repo in the current directory. Read-only.
$ErrorActionPreference = 'SilentlyContinue'

function Get-Installed([string]$cmd, [scriptblock]$version) {
    if (Get-Command $cmd -ErrorAction SilentlyContinue) { & $version } else { '-' }
}

$rows = @()

if ((Test-Path package.json) -or (Test-Path .nvmrc)) {
    $want = if (Test-Path .nvmrc) { (Get-Content .nvmrc -Raw).Trim().TrimStart('v') } else { '-' }
    $got  = Get-Installed node { (node --version).TrimStart('v') }
    $rows += [pscustomobject]@{ Tool = 'node'; Required = $want; Installed = $got }
}
if ((Test-Path pyproject.toml) -or (Test-Path .python-version)) {
    $want = if (Test-Path .python-version) { (Get-Content .python-version -Raw).Trim() } else { '-' }
    $got  = Get-Installed python { (python --version).Split(' ')[1] }
    $rows += [pscustomobject]@{ Tool = 'python'; Required = $want; Installed = $got }
}
if (Test-Path Cargo.toml) {
    $got = Get-Installed rustc { (rustc --version).Split(' ')[1] }
    $rows += [pscustomobject]@{ Tool = 'rust'; Required = '-'; Installed = $got }
}
if (Test-Path go.mod) {
    $want = (Select-String -Path go.mod -Pattern '^go (\S+)').Matches[0].Groups[1].Value
    $got  = Get-Installed go { (go env GOVERSION).TrimStart('go') }
    $rows += [pscustomobject]@{ Tool = 'go'; Required = $want; Installed = $got }
}

foreach ($r in $rows) {
    $r | Add-Member Status $(if ($r.Installed -eq '-') { 'MISSING' }
                             elseif ($r.Required -eq '-' -or $r.Installed.StartsWith($r.Required)) { 'ok' }
                             else { 'MISMATCH' })
}
$rows | Format-Table -AutoSize

foreach ($m in 'winget', 'scoop', 'choco', 'mise', 'rustup', 'fnm') {
    if (Get-Command $m -ErrorAction SilentlyContinue) { "version manager available: $m" }
}
