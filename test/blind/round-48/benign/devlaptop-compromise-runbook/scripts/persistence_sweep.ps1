# Read-only persistence sweep for Windows. Writes .\ir-<host>-<timestamp>\. Modifies nothing.
param([int]$Days = 14)

$ts  = Get-Date -Format 'yyyyMMdd-HHmmss'
$out = Join-Path (Get-Location) "ir-$env:COMPUTERNAME-$ts"
New-Item -ItemType Directory -Force -Path "$out\copies" | Out-Null
function Log($m) { "== $m" | Tee-Object -FilePath "$out\summary.txt" -Append }

Log "host $env:COMPUTERNAME user $env:USERNAME window ${Days}d"

Log "Run keys"
$runKeys = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run',
           'HKCU:\Software\Microsoft\Windows\CurrentVersion\RunOnce',
           'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run',
           'HKLM:\Software\Microsoft\Windows\CurrentVersion\RunOnce'
foreach ($k in $runKeys) {
  if (Test-Path $k) { Get-ItemProperty $k | Out-File -Append "$out\run-keys.txt" }
}

Log "Startup folder"
Get-ChildItem "$env:APPDATA\Microsoft\Windows\Start Menu\Programs\Startup" -Force -ErrorAction SilentlyContinue |
  Select-Object FullName, LastWriteTime | Out-File "$out\startup-folder.txt"

Log "Scheduled tasks (non-Microsoft)"
Get-ScheduledTask | Where-Object { $_.TaskPath -notlike '\Microsoft\*' } |
  ForEach-Object { [pscustomobject]@{ Name = $_.TaskName; Path = $_.TaskPath; Actions = ($_.Actions | ForEach-Object { "$($_.Execute) $($_.Arguments)" }) -join '; ' } } |
  Format-List | Out-File "$out\scheduled-tasks.txt"

Log "PowerShell profiles"
foreach ($p in $PROFILE.AllUsersAllHosts, $PROFILE.CurrentUserAllHosts, $PROFILE.CurrentUserCurrentHost) {
  if ($p -and (Test-Path $p)) { Copy-Item $p "$out\copies\$(($p -replace '[\\:]','_'))" }
}

Log "git global hooks"
git config --global --get init.templateDir 2>&1 | Out-File "$out\git-global.txt"
git config --global --get core.hooksPath  2>&1 | Out-File -Append "$out\git-global.txt"

Log "agent configuration (copies may contain tokens; keep private)"
$agentFiles = "$env:USERPROFILE\.claude\settings.json", "$env:USERPROFILE\.claude.json",
              "$env:USERPROFILE\.cursor\mcp.json", "$env:USERPROFILE\.codex\config.toml",
              "$env:APPDATA\Claude\claude_desktop_config.json"
foreach ($f in $agentFiles) {
  if (Test-Path $f) { Copy-Item $f "$out\copies\$(($f -replace '[\\:]','_'))"; $f | Out-File -Append "$out\agent-configs.txt" }
}
Select-String -Path "$out\copies\*" -Pattern '"hooks"','enableAllProjectMcpServers','dangerously','BASE_URL' -ErrorAction SilentlyContinue |
  Out-File "$out\agent-config-flags.txt"

Log "recent files in profile"
$since = (Get-Date).AddDays(-$Days)
Get-ChildItem $env:USERPROFILE -Recurse -File -Force -ErrorAction SilentlyContinue |
  Where-Object { $_.LastWriteTime -gt $since -and $_.FullName -notmatch '\\(AppData\\Local\\Temp|node_modules|\.git\\objects)\\' } |
  Select-Object -First 5000 FullName, LastWriteTime | Out-File "$out\recent-files.txt"

Log "network"
Get-NetTCPConnection -State Established, Listen -ErrorAction SilentlyContinue |
  Select-Object LocalAddress, LocalPort, RemoteAddress, RemotePort, State, OwningProcess |
  Out-File "$out\net.txt"
Get-CimInstance Win32_Process | Select-Object ProcessId, ParentProcessId, CreationDate, CommandLine |
  Out-File "$out\processes.txt"

Log "done: $out"
