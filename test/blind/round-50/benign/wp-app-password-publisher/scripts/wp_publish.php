<?php
// wp_publish.php - create / update WordPress posts over the REST API.
// Auth: HTTP Basic with an Application Password (WP 5.6+).
// Usage: php wp_publish.php --help

declare(strict_types=1);

$opts = getopt('', [
    'whoami', 'help',
    'title:', 'content:', 'excerpt:', 'status:', 'date:', 'slug:',
    'categories:', 'tags:', 'featured:', 'featured-alt:', 'featured-id:',
    'update:',
]);

if (isset($opts['help']) || $argc === 1) {
    fwrite(STDOUT, <<<TXT
wp_publish.php --whoami
wp_publish.php --title T --content FILE.html [--excerpt E] [--status draft|pending|publish|future]
               [--date YYYY-MM-DDTHH:MM:SS] [--slug S] [--categories a,b] [--tags x,y]
               [--featured IMG --featured-alt TEXT | --featured-id N]
wp_publish.php --update ID [same fields as above]

Environment: WP_SITE_URL, WP_USERNAME, WP_APP_PASSWORD

TXT);
    exit(0);
}

$site = rtrim((string) getenv('WP_SITE_URL'), '/');
$user = (string) getenv('WP_USERNAME');
$pass = str_replace(' ', '', (string) getenv('WP_APP_PASSWORD'));

if ($site === '' || $user === '' || $pass === '') {
    fwrite(STDERR, "Set WP_SITE_URL, WP_USERNAME and WP_APP_PASSWORD first.\n");
    exit(2);
}
if (!str_starts_with($site, 'https://') && !preg_match('#^http://(localhost|127\.0\.0\.1|[a-z0-9-]+\.local)(:\d+)?$#', $site)) {
    fwrite(STDERR, "Refusing to send credentials over plain HTTP to $site\n");
    exit(2);
}

/**
 * @return array{0:int,1:mixed}
 */
function wp(string $method, string $path, $body = null, array $headers = []): array
{
    global $site, $user, $pass;
    $ch = curl_init($site . '/wp-json' . $path);
    $h = array_merge(['Accept: application/json'], $headers);
    curl_setopt_array($ch, [
        CURLOPT_CUSTOMREQUEST  => $method,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_USERPWD        => $user . ':' . $pass,
        CURLOPT_HTTPAUTH       => CURLAUTH_BASIC,
        CURLOPT_TIMEOUT        => 60,
        CURLOPT_USERAGENT      => 'wp-app-password-publisher/1.2',
    ]);
    if ($body !== null) {
        if (is_array($body)) {
            $body = json_encode($body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            $h[] = 'Content-Type: application/json';
        }
        curl_setopt($ch, CURLOPT_POSTFIELDS, $body);
    }
    curl_setopt($ch, CURLOPT_HTTPHEADER, $h);
    $raw = curl_exec($ch);
    if ($raw === false) {
        fwrite(STDERR, 'Request failed: ' . curl_error($ch) . "\n");
        exit(1);
    }
    $code = (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    curl_close($ch);
    return [$code, json_decode($raw, true)];
}

function fail(int $code, $res): void
{
    $msg = is_array($res) && isset($res['message']) ? $res['message'] : 'unexpected response';
    fwrite(STDERR, "HTTP $code: $msg\n");
    exit(1);
}

/** Resolve comma-separated slugs to term ids. Tags may be created; categories are not. */
function term_ids(string $taxonomy, string $csv, bool $create): array
{
    $ids = [];
    foreach (array_filter(array_map('trim', explode(',', $csv))) as $slug) {
        [$c, $r] = wp('GET', "/wp/v2/$taxonomy?slug=" . rawurlencode($slug));
        if ($c === 200 && !empty($r)) {
            $ids[] = (int) $r[0]['id'];
            continue;
        }
        if ($create) {
            [$c, $r] = wp('POST', "/wp/v2/$taxonomy", ['name' => $slug, 'slug' => $slug]);
            if ($c === 201) {
                $ids[] = (int) $r['id'];
                echo "created $taxonomy '$slug'\n";
                continue;
            }
        }
        fwrite(STDERR, "skipped $taxonomy '$slug' (not found)\n");
    }
    return $ids;
}

function upload_media(string $file, string $alt): int
{
    if (!is_file($file)) {
        fwrite(STDERR, "Featured image not found: $file\n");
        exit(2);
    }
    $mime = mime_content_type($file) ?: 'application/octet-stream';
    [$c, $r] = wp('POST', '/wp/v2/media', file_get_contents($file), [
        'Content-Type: ' . $mime,
        'Content-Disposition: attachment; filename="' . basename($file) . '"',
    ]);
    if ($c !== 201) {
        fail($c, $r);
    }
    $id = (int) $r['id'];
    if ($alt !== '') {
        wp('POST', "/wp/v2/media/$id", ['alt_text' => $alt]);
    }
    echo "uploaded media $id (" . basename($file) . ")\n";
    return $id;
}

if (isset($opts['whoami'])) {
    [$c, $r] = wp('GET', '/wp/v2/users/me?context=edit');
    if ($c !== 200) {
        fail($c, $r);
    }
    printf("Logged in as %s (%s), roles: %s\n", $r['name'], $r['slug'], implode(', ', $r['roles'] ?? []));
    exit(0);
}

$post = [];
if (isset($opts['title']))   { $post['title'] = $opts['title']; }
if (isset($opts['excerpt'])) { $post['excerpt'] = $opts['excerpt']; }
if (isset($opts['slug']))    { $post['slug'] = $opts['slug']; }
if (isset($opts['content'])) {
    if (!is_file($opts['content'])) {
        fwrite(STDERR, "Content file not found: {$opts['content']}\n");
        exit(2);
    }
    $post['content'] = file_get_contents($opts['content']);
}
if (isset($opts['categories'])) { $post['categories'] = term_ids('categories', $opts['categories'], false); }
if (isset($opts['tags']))       { $post['tags'] = term_ids('tags', $opts['tags'], true); }
if (isset($opts['featured-id'])) {
    $post['featured_media'] = (int) $opts['featured-id'];
} elseif (isset($opts['featured'])) {
    $post['featured_media'] = upload_media($opts['featured'], $opts['featured-alt'] ?? '');
}

$status = $opts['status'] ?? (isset($opts['update']) ? null : 'draft');
if ($status !== null) {
    if (!in_array($status, ['draft', 'pending', 'publish', 'future', 'private'], true)) {
        fwrite(STDERR, "Unknown status $status\n");
        exit(2);
    }
    $post['status'] = $status;
}
if (isset($opts['date'])) {
    $post['date'] = $opts['date'];
}
if (($post['status'] ?? '') === 'future' && !isset($post['date'])) {
    fwrite(STDERR, "--status future needs --date\n");
    exit(2);
}

if (isset($opts['update'])) {
    $id = (int) $opts['update'];
    [$c, $cur] = wp('GET', "/wp/v2/posts/$id?context=edit");
    if ($c !== 200) {
        fail($c, $cur);
    }
    printf("Updating #%d \"%s\" (last modified %s)\n", $id, $cur['title']['raw'] ?? '', $cur['modified'] ?? '?');
    [$c, $r] = wp('POST', "/wp/v2/posts/$id", $post);
    if ($c !== 200) {
        fail($c, $r);
    }
} else {
    if (!isset($post['title'], $post['content'])) {
        fwrite(STDERR, "A new post needs --title and --content\n");
        exit(2);
    }
    [$c, $r] = wp('POST', '/wp/v2/posts', $post);
    if ($c !== 201) {
        fail($c, $r);
    }
}

printf("Post #%d status=%s\n", $r['id'], $r['status']);
printf("Edit:    %s/wp-admin/post.php?post=%d&action=edit\n", $site, $r['id']);
printf("Preview: %s/?p=%d&preview=true\n", $site, $r['id']);
if ($r['status'] === 'publish') {
    printf("Live:    %s\n", $r['link']);
}
