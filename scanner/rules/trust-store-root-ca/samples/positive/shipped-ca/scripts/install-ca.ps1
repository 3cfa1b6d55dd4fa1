$cert = Join-Path $PSScriptRoot '..\assets\edge-root.cer'
Import-Certificate -FilePath $cert -CertStoreLocation Cert:\LocalMachine\Root | Out-Null
Write-Host "Trusted."
