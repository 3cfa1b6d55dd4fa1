<?php
/**
 * Export Moodle course grades via REST web services. Read-only.
 * Env: MOODLE_URL, MOODLE_WSTOKEN
 */
declare(strict_types=1);

$opts = getopt('', ['course::', 'course-id::', 'out::', 'missing', 'layout::', 'id-field::', 'raw', 'term::']);
$base = rtrim((string)getenv('MOODLE_URL'), '/');
$token = (string)getenv('MOODLE_WSTOKEN');
if ($base === '' || $token === '') {
    fwrite(STDERR, "Set MOODLE_URL and MOODLE_WSTOKEN.\n");
    exit(2);
}
$outDir = $opts['out'] ?? 'exports';
$layout = $opts['layout'] ?? 'full';
$idField = $opts['id-field'] ?? 'idnumber';
$raw = isset($opts['raw']);
$term = $opts['term'] ?? '';

function ws(string $base, string $token, string $fn, array $params = []): array
{
    $params = array_merge(['wstoken' => $token, 'wsfunction' => $fn, 'moodlewsrestformat' => 'json'], $params);
    $ch = curl_init("$base/webservice/rest/server.php");
    curl_setopt_array($ch, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => http_build_query($params),
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 60,
    ]);
    $body = curl_exec($ch);
    if ($body === false) {
        throw new RuntimeException("$fn: " . curl_error($ch));
    }
    curl_close($ch);
    $data = json_decode($body, true);
    if (is_array($data) && isset($data['exception'])) {
        throw new RuntimeException("$fn: {$data['errorcode']} — {$data['message']}");
    }
    return is_array($data) ? $data : [];
}

function courses(string $base, string $token, array $opts): array
{
    if (isset($opts['course-id'])) {
        $ids = array_map('trim', explode(',', (string)$opts['course-id']));
        $r = ws($base, $token, 'core_course_get_courses_by_field', ['field' => 'ids', 'value' => implode(',', $ids)]);
        return $r['courses'] ?? [];
    }
    $out = [];
    foreach (array_map('trim', explode(',', (string)($opts['course'] ?? ''))) as $short) {
        if ($short === '') continue;
        $r = ws($base, $token, 'core_course_get_courses_by_field', ['field' => 'shortname', 'value' => $short]);
        if (empty($r['courses'])) {
            fwrite(STDERR, "course not found or not visible: $short\n");
            continue;
        }
        $out[] = $r['courses'][0];
    }
    return $out;
}

function letter(float $pct): string
{
    foreach ([93 => 'A', 90 => 'A-', 87 => 'B+', 83 => 'B', 80 => 'B-', 77 => 'C+', 73 => 'C', 70 => 'C-', 67 => 'D+', 60 => 'D'] as $min => $l) {
        if ($pct >= $min) return $l;
    }
    return 'F';
}

function stats(array $vals): string
{
    $vals = array_values(array_filter($vals, 'is_numeric'));
    if (!$vals) return 'no grades';
    sort($vals);
    $n = count($vals);
    $mean = array_sum($vals) / $n;
    $median = $n % 2 ? $vals[intdiv($n, 2)] : ($vals[$n / 2 - 1] + $vals[$n / 2]) / 2;
    return sprintf('n=%d mean=%.1f median=%.1f min=%.1f max=%.1f', $n, $mean, $median, $vals[0], $vals[$n - 1]);
}

if (!is_dir($outDir) && !mkdir($outDir, 0700, true)) {
    fwrite(STDERR, "cannot create $outDir\n");
    exit(1);
}

foreach (courses($base, $token, $opts) as $course) {
    $cid = (int)$course['id'];
    $short = preg_replace('/[^\w.-]+/', '_', $course['shortname']);
    $users = ws($base, $token, 'core_enrol_get_enrolled_users', [
        'courseid' => $cid,
        'options[0][name]' => 'onlyactive', 'options[0][value]' => 1,
        'options[1][name]' => 'userfields', 'options[1][value]' => 'id,firstname,lastname,idnumber,email,roles',
    ]);
    $students = array_filter($users, fn($u) => in_array('student', array_column($u['roles'] ?? [], 'shortname'), true));
    usort($students, fn($a, $b) => [$a['lastname'], $a['firstname']] <=> [$b['lastname'], $b['firstname']]);

    $report = ws($base, $token, 'gradereport_user_get_grade_items', ['courseid' => $cid]);
    $byUser = [];
    $itemNames = [];
    foreach ($report['usergrades'] ?? [] as $ug) {
        foreach ($ug['gradeitems'] as $gi) {
            $name = $gi['itemtype'] === 'course' ? 'Course total'
                : ($gi['itemtype'] === 'category' ? 'Category: ' . ($gi['itemname'] ?? $gi['id']) : ($gi['itemname'] ?? "item {$gi['id']}"));
            $itemNames[$gi['id']] = $name;
            $byUser[$ug['userid']][$gi['id']] = $raw ? ($gi['graderaw'] ?? '') : strip_tags((string)($gi['gradeformatted'] ?? ''));
            if ($gi['itemtype'] === 'course') {
                $byUser[$ug['userid']]['_pct'] = $gi['percentageformatted'] ?? '';
                $byUser[$ug['userid']]['_raw'] = $gi['graderaw'] ?? null;
                $byUser[$ug['userid']]['_max'] = $gi['grademax'] ?? null;
            }
        }
    }

    $file = "$outDir/$short-grades.csv";
    $fh = fopen($file, 'w');
    if ($layout === 'sis') {
        fputcsv($fh, ['StudentID', 'CourseCode', 'Term', 'FinalGrade', 'Letter']);
        foreach ($students as $s) {
            $g = $byUser[$s['id']] ?? [];
            $pct = ($g['_raw'] ?? null) !== null && ($g['_max'] ?? 0) > 0 ? 100 * $g['_raw'] / $g['_max'] : null;
            fputcsv($fh, [$s[$idField] ?? $s['id'], $course['shortname'], $term,
                $pct === null ? '' : sprintf('%.1f', $pct), $pct === null ? '' : letter($pct)]);
        }
    } else {
        fputcsv($fh, array_merge([$idField, 'lastname', 'firstname'], array_values($itemNames)));
        foreach ($students as $s) {
            $row = [$s[$idField] ?? $s['id'], $s['lastname'], $s['firstname']];
            foreach (array_keys($itemNames) as $id) {
                $row[] = $byUser[$s['id']][$id] ?? '';
            }
            fputcsv($fh, $row);
        }
    }
    fclose($fh);
    chmod($file, 0600);
    echo "{$course['shortname']}: " . count($students) . " students -> $file\n";

    foreach ($itemNames as $id => $name) {
        $vals = [];
        foreach ($report['usergrades'] ?? [] as $ug) {
            foreach ($ug['gradeitems'] as $gi) {
                if ($gi['id'] === $id && $gi['graderaw'] !== null) $vals[] = (float)$gi['graderaw'];
            }
        }
        printf("  %-40s %s\n", mb_strimwidth($name, 0, 40, '…'), stats($vals));
    }

    if (isset($opts['missing'])) {
        $asg = ws($base, $token, 'mod_assign_get_assignments', ['courseids[0]' => $cid]);
        $assignments = $asg['courses'][0]['assignments'] ?? [];
        $ids = array_column($assignments, 'id');
        $subs = $ids ? ws($base, $token, 'mod_assign_get_submissions', array_combine(
            array_map(fn($i) => "assignmentids[$i]", array_keys($ids)), $ids)) : ['assignments' => []];
        $status = [];
        foreach ($subs['assignments'] as $a) {
            foreach ($a['submissions'] as $sub) {
                $status[$a['assignmentid']][$sub['userid']] = $sub;
            }
        }
        $mf = "$outDir/$short-missing.csv";
        $mh = fopen($mf, 'w');
        fputcsv($mh, ['student', 'assignment', 'due', 'status']);
        $count = 0;
        $now = time();
        foreach ($assignments as $a) {
            if (empty($a['duedate']) || $a['duedate'] > $now) continue;
            foreach ($students as $s) {
                $sub = $status[$a['id']][$s['id']] ?? null;
                $state = null;
                if (!$sub || $sub['status'] !== 'submitted') {
                    $state = 'missing';
                } elseif ($sub['timemodified'] > $a['duedate']) {
                    $state = 'late';
                } elseif (($sub['gradingstatus'] ?? '') === 'notgraded') {
                    $state = 'submitted-ungraded';
                }
                if ($state) {
                    fputcsv($mh, ["{$s['lastname']}, {$s['firstname']}", $a['name'], date('Y-m-d', $a['duedate']), $state]);
                    $count++;
                }
            }
        }
        fclose($mh);
        chmod($mf, 0600);
        echo "  missing/late/ungraded entries: $count -> $mf\n";
    }
}
