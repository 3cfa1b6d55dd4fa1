<?php
declare(strict_types=1);

/**
 * Token-based scanner for PHP type-juggling candidates.
 * Usage: php loose_compare_scan.php [--json] PATH...
 */

$args = array_slice($argv, 1);
$json = false;
if (($i = array_search('--json', $args, true)) !== false) {
    $json = true;
    unset($args[$i]);
}
if (!$args) {
    fwrite(STDERR, "usage: php loose_compare_scan.php [--json] PATH...\n");
    exit(2);
}

const SENSITIVE = '/hash|token|sig(nature)?|hmac|passw(or)?d|secret|api_?key|otp|nonce|digest|md5|sha1|crypt/i';
const INPUTS = ['$_GET', '$_POST', '$_REQUEST', '$_COOKIE', '$_SERVER'];

function php_files(array $paths): Generator {
    foreach ($paths as $p) {
        if (is_file($p)) { yield $p; continue; }
        $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($p, FilesystemIterator::SKIP_DOTS));
        foreach ($it as $f) {
            $path = $f->getPathname();
            if (preg_match('#/(vendor|node_modules|\.git)/#', $path)) continue;
            if (preg_match('/\.(php|phtml|inc)$/', $path)) yield $path;
        }
    }
}

/** Normalise tokens to [type, text, line] and drop whitespace/comments. */
function tokens(string $src): array {
    $out = [];
    $line = 1;
    foreach (token_get_all($src) as $t) {
        if (is_array($t)) {
            [$id, $text, $line] = $t;
            if (in_array($id, [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true)) continue;
            $out[] = [token_name($id), $text, $line];
        } else {
            $out[] = ['CHAR', $t, $line];
        }
    }
    return $out;
}

/** Text of the expression-ish window around index $i (stops at ; { } or comma at depth 0). */
function window(array $toks, int $i, int $dir): string {
    $depth = 0; $parts = [];
    for ($j = $i + $dir, $n = 0; $j >= 0 && $j < count($toks) && $n < 25; $j += $dir, $n++) {
        $txt = $toks[$j][1];
        if ($txt === '(' || $txt === '[') $depth += $dir > 0 ? 1 : -1;
        if ($txt === ')' || $txt === ']') $depth += $dir > 0 ? -1 : 1;
        if ($depth < 0 || in_array($txt, [';', '{', '}'], true)) break;
        if ($depth === 0 && in_array($txt, [',', '&&', '||', 'and', 'or', '?', ':'], true)) break;
        $parts[] = $txt;
    }
    if ($dir < 0) $parts = array_reverse($parts);
    return implode('', $parts);
}

function arg_count(array $toks, int $open): int {
    $depth = 0; $count = 1;
    for ($j = $open; $j < count($toks); $j++) {
        $t = $toks[$j][1];
        if ($t === '(' || $t === '[') $depth++;
        elseif ($t === ')' || $t === ']') { $depth--; if ($depth === 0) break; }
        elseif ($t === ',' && $depth === 1) $count++;
    }
    return $count;
}

$findings = [];
$add = function (string $file, int $line, string $rule, string $detail) use (&$findings) {
    $findings[] = compact('file', 'line', 'rule', 'detail');
};

foreach (php_files($args) as $file) {
    $src = @file_get_contents($file);
    if ($src === false) continue;
    $toks = tokens($src);
    $n = count($toks);
    for ($i = 0; $i < $n; $i++) {
        [$type, $text, $line] = $toks[$i];

        if ($type === 'T_IS_EQUAL' || $type === 'T_IS_NOT_EQUAL') {
            $lhs = window($toks, $i, -1);
            $rhs = window($toks, $i, 1);
            if (preg_match(SENSITIVE, $lhs . ' ' . $rhs)) {
                $add($file, $line, 'loose-eq-sensitive', "$lhs $text $rhs");
            }
            if (preg_match('/\bstr(n?case)?n?cmp\(/i', $lhs . $rhs)) {
                $add($file, $line, 'strcmp-family', "$lhs $text $rhs");
            }
            if (str_contains($lhs . $rhs, 'json_decode')) {
                $add($file, $line, 'json-decode-compare', "$lhs $text $rhs");
            }
        }

        if ($type === 'T_STRING' && in_array(strtolower($text), ['in_array', 'array_search'], true)
            && ($toks[$i + 1][1] ?? '') === '(' && arg_count($toks, $i + 1) < 3) {
            $add($file, $line, 'in-array-loose', $text . '(' . window($toks, $i + 1, 1) . ')');
        }

        if ($type === 'CHAR' && $text === '!' && ($toks[$i + 1][0] ?? '') === 'T_STRING'
            && preg_match('/^str(n?case)?n?cmp$/i', $toks[$i + 1][1])) {
            $add($file, $line, 'strcmp-family', '!' . $toks[$i + 1][1] . '(...)');
        }

        if ($type === 'T_SWITCH') {
            $subject = window($toks, $i, 1);
            foreach (INPUTS as $sg) {
                if (str_contains($subject, $sg)) { $add($file, $line, 'switch-input', "switch $subject"); break; }
            }
            if (preg_match('/\$request->|->input\(|->query\(/', $subject)) {
                $add($file, $line, 'switch-input', "switch $subject");
            }
        }
    }
}

if ($json) {
    echo json_encode($findings, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
} else {
    foreach ($findings as $f) {
        printf("%s:%d\t%s\t%s\n", $f['file'], $f['line'], $f['rule'], mb_strimwidth($f['detail'], 0, 140, '…'));
    }
    fwrite(STDERR, count($findings) . " candidate(s)\n");
}
