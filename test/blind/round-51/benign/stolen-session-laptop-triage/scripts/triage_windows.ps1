# Read-only triage snapshot for Windows. Run from an elevated PowerShell for full results.
param([Parameter(Mandatory = $true)][string]$OutDir)

$stamp = (Get-Date).ToUniversalTime().ToString("yyyyMMddTHHmmssZ")
$out = Join-Path $OutDir "triage-$env:COMPUTERNAME-$stamp"
New-Item -ItemType Directory -Force -Path $out | Out-Null

function Save($name, [scriptblock]$block) {
    try { & $block | Out-String -Width 400 | Set-Content -Encoding UTF8 (Join-Path $out "$name.txt") }
    catch { "error: $_" | Set-Content (Join-Path $out "$name.txt") }
}

Save system     { Get-ComputerInfo | Select-Object OsName, OsVersion, CsName, OsLastBootUpTime }
Save processes  { Get-CimInstance Win32_Process | Select-Object ProcessId, ParentProcessId, Name, CommandLine, CreationDate }
Save net-conns  { Get-NetTCPConnection | Select-Object LocalAddress, LocalPort, RemoteAddress, RemotePort, State, OwningProcess }
Save run-keys   {
    'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run', 'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
    'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run', 'HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce' |
    ForEach-Object { "== $_"; Get-ItemProperty -Path $_ -ErrorAction SilentlyContinue }
}
Save sched-tasks { Get-ScheduledTask | Where-Object { $_.State -ne 'Disabled' } | ForEach-Object {
    [pscustomobject]@{ Path = $_.TaskPath + $_.TaskName; Author = $_.Author; Date = $_.Date;
        Action = ($_.Actions | ForEach-Object { "$($_.Execute) $($_.Arguments)" }) -join ' ; ' } } }
Save startup    { Get-ChildItem "$env:APPDATA\Microsoft\Windows\Start Menu\Programs\Startup", "$env:ProgramData\Microsoft\Windows\Start Menu\Programs\StartUp" -Force }
Save wmi-subs   { Get-CimInstance -Namespace root\subscription -ClassName CommandLineEventConsumer }
Save ps-profile { foreach ($p in $PROFILE.AllUsersAllHosts, $PROFILE.CurrentUserAllHosts, $PROFILE.CurrentUserCurrentHost) { if (Test-Path $p) { "== $p"; Get-Content $p -Tail 40 } } }
Save defender-exclusions { Get-MpPreference | Select-Object ExclusionPath, ExclusionProcess, ExclusionExtension }
Save downloads  { Get-ChildItem "$env:USERPROFILE\Downloads" -File | Where-Object LastWriteTime -gt (Get-Date).AddDays(-14) |
    ForEach-Object { [pscustomobject]@{ Name = $_.Name; Written = $_.LastWriteTime; SHA256 = (Get-FileHash $_.FullName).Hash;
        Zone = (Get-Content -Path $_.FullName -Stream Zone.Identifier -ErrorAction SilentlyContinue) -join ' ' } } }
Save secret-dirs { Get-ChildItem "$env:USERPROFILE\.ssh", "$env:USERPROFILE\.aws", "$env:USERPROFILE\.kube" -File -ErrorAction SilentlyContinue |
    Select-Object FullName, LastWriteTime, LastAccessTime }
Save chrome-ext { Get-ChildItem "$env:LOCALAPPDATA\Google\Chrome\User Data\*\Extensions\*\*\manifest.json" -ErrorAction SilentlyContinue |
    ForEach-Object { "$($_.FullName)  $((Get-Content $_.FullName -Raw | ConvertFrom-Json).name)" } }
Save git-global { git config --global --list }
Save ps-history { Get-Content (Get-PSReadLineOption).HistorySavePath -Tail 200 }

Get-ChildItem $out -Filter *.txt | Get-FileHash | ForEach-Object { "$($_.Hash)  $(Split-Path $_.Path -Leaf)" } |
    Set-Content (Join-Path $out 'SHA256SUMS')
Write-Host "Snapshot written to $out"
