#!/usr/bin/env php
<?php
declare(strict_types=1);

require __DIR__ . '/../src/Payment.php';
require __DIR__ . '/../src/Invoice.php';

use MakerInvoicer\Invoice;

$cfgDir = (getenv('XDG_CONFIG_HOME') ?: getenv('HOME') . '/.config') . '/maker-invoicer';
$args = $argv;
array_shift($args);
$cmd = array_shift($args) ?? 'help';

function opt(array $args, string $name, ?string $default = null): ?string {
    $i = array_search($name, $args, true);
    return $i === false ? $default : ($args[$i + 1] ?? $default);
}

function nextNumber(string $cfgDir): string {
    @mkdir($cfgDir, 0700, true);
    $f = "$cfgDir/sequence";
    $n = (int) @file_get_contents($f) + 1;
    file_put_contents($f, (string) $n);
    return sprintf('INV-%s-%04d', date('Y'), $n);
}

$seller = json_decode((string) @file_get_contents("$cfgDir/seller.json"), true);
if (!$seller) {
    fwrite(STDERR, "Missing $cfgDir/seller.json (copy examples/seller.json)\n");
    exit(1);
}

switch ($cmd) {
    case 'render':
        $order = json_decode(file_get_contents($args[0]), true, 512, JSON_THROW_ON_ERROR);
        $out = rtrim(opt($args, '--out', '.'), '/');
        @mkdir($out, 0755, true);
        $num = $order['number'] ?? nextNumber($cfgDir);
        $html = (new Invoice($seller, $order))->render($num);
        file_put_contents("$out/$num.html", $html);
        echo "wrote $out/$num.html\n";
        if (in_array('--pdf', $args, true)) {
            $cmdline = sprintf('wkhtmltopdf --enable-local-file-access -q %s %s',
                escapeshellarg("$out/$num.html"), escapeshellarg("$out/$num.pdf"));
            passthru($cmdline, $rc);
            echo $rc === 0 ? "wrote $out/$num.pdf\n" : "PDF failed (rc=$rc)\n";
        }
        break;
    case 'batch':
        $fh = fopen($args[0], 'r');
        $hdr = fgetcsv($fh);
        $out = rtrim(opt($args, '--out', '.'), '/');
        @mkdir($out, 0755, true);
        while (($row = fgetcsv($fh)) !== false) {
            $r = array_combine($hdr, $row);
            $order = ['buyer' => ['name' => $r['buyer'], 'email' => $r['email']], 'type' => 'receipt',
                      'items' => [['description' => $r['item'], 'qty' => (int) $r['qty'], 'price' => (float) $r['price']]],
                      'deposit_paid' => (float) $r['qty'] * (float) $r['price'], 'date' => $r['date']];
            $num = nextNumber($cfgDir);
            file_put_contents("$out/$num.html", (new Invoice($seller, $order))->render($num));
            echo "wrote $out/$num.html\n";
        }
        break;
    default:
        echo "usage: invoice.php render ORDER.json [--out DIR] [--pdf] | batch SALES.csv [--receipts] [--out DIR]\n";
}
