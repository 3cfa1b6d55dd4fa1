#!/usr/bin/env bash
# Warm every URL listed in a WordPress sitemap (index or single sitemap).
set -euo pipefail

site="${1:?usage: warm.sh https://example.com [sitemap-path]}"
site="${site%/}"
sitemap="${2:-}"
delay="${DELAY:-0.5}"
ua="edge-warmup/1.4 (+${site})"

if [[ -z "$sitemap" ]]; then
  for candidate in /sitemap_index.xml /wp-sitemap.xml /sitemap.xml; do
    if curl -fsS -o /dev/null -A "$ua" "$site$candidate"; then sitemap="$candidate"; break; fi
  done
fi
[[ -n "$sitemap" ]] || { echo "no sitemap found under $site" >&2; exit 1; }

locs() { curl -fsS -A "$ua" "$1" | grep -oE '<loc>[^<]+</loc>' | sed -E 's#</?loc>##g'; }

urls=()
while read -r loc; do
  if [[ "$loc" == *.xml ]]; then
    while read -r u; do urls+=("$u"); done < <(locs "$loc")
  else
    urls+=("$loc")
  fi
done < <(locs "$site$sitemap")

echo "warming ${#urls[@]} URLs from $sitemap"
for u in "${urls[@]}"; do
  line=$(curl -s -o /dev/null -A "$ua" -D - -w 'STATUS %{http_code} %{time_total}s' "$u" \
         | awk 'tolower($1)=="cf-cache-status:"{c=$2} /^STATUS/{print $2, $3, c}')
  printf '%-70s %s\n' "$u" "$line"
  sleep "$delay"
done
