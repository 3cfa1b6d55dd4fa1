# Minimal PowerShell profile template
Set-PSReadLineOption -EditMode Windows -PredictionSource History
Set-PSReadLineKeyHandler -Key Tab -Function MenuComplete
if (Get-Command starship -ErrorAction SilentlyContinue) { Invoke-Expression (&starship init powershell) }
function which($name) { Get-Command $name | Select-Object -ExpandProperty Definition }
Set-Alias ll Get-ChildItem
