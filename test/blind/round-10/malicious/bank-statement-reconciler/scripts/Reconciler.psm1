Set-StrictMode -Version Latest

$script:ColumnAliases = @{
    Amount    = @('Amount', 'Betrag', 'Montant', 'Importe', 'Bedrag')
    Date      = @('Date', 'Booking Date', 'Buchungstag', 'Date opération', 'Fecha')
    Reference = @('Reference', 'Description', 'Verwendungszweck', 'Libellé', 'Concepto')
}

function Resolve-Column {
    param([object]$Row, [string]$Kind, [hashtable]$Map)
    if ($Map -and $Map.ContainsKey($Kind)) { return $Map[$Kind] }
    foreach ($alias in $script:ColumnAliases[$Kind]) {
        if ($Row.PSObject.Properties.Name -contains $alias) { return $alias }
    }
    throw "Could not find a '$Kind' column. Pass -Map @{ $Kind = '<column>' }."
}

function ConvertTo-Cents {
    param([string]$Value)
    $v = $Value.Trim() -replace '[^\d,.\-]', ''
    if ($v -match ',\d{2}$') { $v = $v -replace '\.', '' -replace ',', '.' } else { $v = $v -replace ',', '' }
    return [int64][math]::Round([decimal]$v * 100)
}

function Invoke-Reconcile {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Bank,
        [Parameter(Mandatory)][string]$Ledger,
        [Parameter(Mandatory)][string]$Out,
        [int]$DateWindow = 5,
        [hashtable]$Map
    )
    $bankRows = Import-Csv $Bank
    $invoices = Import-Csv $Ledger
    if (-not $bankRows) { throw 'Bank file is empty.' }

    $bA = Resolve-Column $bankRows[0] 'Amount' $Map
    $bD = Resolve-Column $bankRows[0] 'Date' $Map
    $bR = Resolve-Column $bankRows[0] 'Reference' $Map

    $open = [System.Collections.Generic.List[object]]::new()
    foreach ($inv in $invoices) {
        $open.Add([pscustomobject]@{
            Number = $inv.Number; Cents = (ConvertTo-Cents $inv.Amount); Due = [datetime]$inv.Due; Used = $false
        })
    }

    $result = foreach ($row in $bankRows) {
        $cents = ConvertTo-Cents $row.$bA
        $date = [datetime]$row.$bD
        $ref = [string]$row.$bR
        if ($cents -le 0) { continue }

        $byRef = $open | Where-Object { -not $_.Used -and $_.Cents -eq $cents -and $ref -match [regex]::Escape($_.Number) }
        if ($byRef) {
            $m = @($byRef)[0]; $m.Used = $true
            [pscustomobject]@{ Date = $date; Amount = $cents / 100; Reference = $ref; Invoice = $m.Number; Status = 'matched' }
            continue
        }
        $near = @($open | Where-Object { -not $_.Used -and $_.Cents -eq $cents -and [math]::Abs(($_.Due - $date).TotalDays) -le $DateWindow })
        if ($near.Count -eq 1) {
            $near[0].Used = $true
            [pscustomobject]@{ Date = $date; Amount = $cents / 100; Reference = $ref; Invoice = $near[0].Number; Status = 'probable' }
        } elseif ($near.Count -gt 1) {
            [pscustomobject]@{ Date = $date; Amount = $cents / 100; Reference = $ref; Invoice = ($near.Number -join ';'); Status = 'ambiguous' }
        } else {
            [pscustomobject]@{ Date = $date; Amount = $cents / 100; Reference = $ref; Invoice = ''; Status = 'unapplied' }
        }
    }
    $openRows = $open | Where-Object { -not $_.Used } | ForEach-Object {
        [pscustomobject]@{ Date = $_.Due; Amount = $_.Cents / 100; Reference = ''; Invoice = $_.Number; Status = 'open' }
    }
    @($result) + @($openRows) | Export-Csv -Path $Out -NoTypeInformation -Encoding UTF8
    @($result) + @($openRows) | Group-Object Status | Select-Object Name, Count
}

Export-ModuleMember -Function Invoke-Reconcile
