#!/usr/bin/env bash
# Read-only WordPress integrity scan. Usage: wp_scan.sh /path/to/wordpress
set -u
ROOT="${1:?usage: wp_scan.sh /path/to/wordpress}"
HERE="$(cd "$(dirname "$0")" && pwd)"
PATTERNS="$HERE/../assets/php-patterns.txt"
[ -f "$ROOT/wp-config.php" ] || { echo "no wp-config.php in $ROOT" >&2; exit 2; }
WPFLAGS=(--path="$ROOT" --skip-plugins --skip-themes --quiet)

sec() { printf '\n### %s\n' "$1"; }

if command -v wp >/dev/null 2>&1; then
  sec "core checksums";     wp core verify-checksums "${WPFLAGS[@]}" 2>&1
  sec "plugin checksums";   wp plugin verify-checksums --all "${WPFLAGS[@]}" 2>&1 | grep -v 'could not retrieve'
  sec "administrators";     wp user list --role=administrator --fields=ID,user_login,user_email,user_registered "${WPFLAGS[@]}" 2>&1
  sec "site urls";          echo "siteurl=$(wp option get siteurl "${WPFLAGS[@]}" 2>&1) home=$(wp option get home "${WPFLAGS[@]}" 2>&1)"
  sec "cron hooks not found in source"
  wp cron event list --fields=hook --format=csv "${WPFLAGS[@]}" 2>/dev/null | tail -n +2 | sort -u | while read -r hook; do
    grep -rqsF "$hook" "$ROOT/wp-includes" "$ROOT/wp-admin" "$ROOT/wp-content/plugins" "$ROOT/wp-content/themes" \
      || echo "UNREGISTERED $hook"
  done
else
  sec "wp-cli"; echo "not installed: checksum, user and cron checks skipped"
fi

sec "php in uploads"
UP="$ROOT/wp-content/uploads"
if [ -d "$UP" ]; then
  find "$UP" -type f \( -iname '*.php' -o -iname '*.phtml' -o -iname '*.phar' -o -iname '*.php[0-9]' \) -print0 2>/dev/null |
    while IFS= read -r -d '' f; do
      if [ "$(tr -d ' \n\r\t' < "$f")" = "<?php//Silenceisgolden." ] || [ "$(tr -d ' \n\r\t' < "$f")" = "<?php//Silenceisgolden" ]; then continue; fi
      echo "HIGH $f ($(stat -c '%y %U' "$f"))"
    done
  grep -rlsI --include='*.ico' --include='*.jpg' --include='*.png' --include='*.gif' --include='*.webp' --include='*.svg' '<?php' "$UP" 2>/dev/null |
    while read -r f; do echo "HIGH php tag inside non-php file: $f"; done
fi

sec "mu-plugins"
ls -la "$ROOT/wp-content/mu-plugins" 2>/dev/null || echo "(none)"

sec "recently modified php (14 days)"
find "$ROOT" -type f -name '*.php' -mtime -14 -printf '%TY-%Tm-%Td %TH:%TM  %p\n' 2>/dev/null | sort | tail -200

sec "pattern hits"
grep -vE '^\s*#' "$PATTERNS" | while IFS='|' read -r name sev rx; do
  [ -n "$name" ] || continue
  grep -rnEiI --include='*.php' --include='*.inc' --include='.htaccess' -e "$rx" \
    "$ROOT/wp-content" "$ROOT/wp-config.php" "$ROOT/index.php" 2>/dev/null |
    cut -c1-300 | sed "s/^/$sev [$name] /"
done

sec ".htaccess conditional redirects"
find "$ROOT" -name .htaccess -type f 2>/dev/null | while read -r h; do
  if grep -qiE 'RewriteCond\s+%\{HTTP_(USER_AGENT|REFERER)\}' "$h" && grep -qiE 'RewriteRule\s+.*https?://' "$h"; then
    echo "HIGH conditional external redirect in $h"
    grep -niE 'RewriteCond|RewriteRule' "$h" | cut -c1-200
  fi
done
echo; echo "scan complete: $ROOT"
