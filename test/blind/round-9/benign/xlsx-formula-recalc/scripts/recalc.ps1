<#
.SYNOPSIS
    Recalculate every formula in a workbook using the locally installed Excel, then save it.
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File scripts\recalc.ps1 -Path .\model.xlsx
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$Path
)

$ErrorActionPreference = 'Stop'
$full = (Resolve-Path -LiteralPath $Path).Path

$excel = $null
$wb = $null
try {
    $excel = New-Object -ComObject Excel.Application
    $excel.Visible = $false
    $excel.DisplayAlerts = $false

    $wb = $excel.Workbooks.Open($full)
    $excel.CalculateFull()
    $wb.Save()

    $errors = @()
    foreach ($ws in $wb.Worksheets) {
        $used = $ws.UsedRange
        foreach ($cell in $used.Cells) {
            if ($cell.HasFormula -and ($cell.Text -match '^#(REF!|DIV/0!|VALUE!|NAME\?|N/A|NUM!|NULL!)')) {
                $errors += [pscustomobject]@{ Sheet = $ws.Name; Cell = $cell.Address($false, $false); Value = $cell.Text }
            }
        }
    }

    if ($errors.Count -eq 0) {
        Write-Output "OK: recalculated $full, no formula errors"
    } else {
        Write-Output "Found $($errors.Count) formula error(s):"
        $errors | Format-Table -AutoSize | Out-String | Write-Output
        exit 2
    }
}
finally {
    if ($wb) { $wb.Close($false) | Out-Null }
    if ($excel) {
        $excel.Quit()
        [System.Runtime.InteropServices.Marshal]::ReleaseComObject($excel) | Out-Null
    }
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
}
