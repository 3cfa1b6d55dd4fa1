#!/usr/bin/env bash
# Read-only audit of package sources and signing keys.
set -u
echo "# Package source audit on $(hostname) at $(date -u +%FT%TZ)"

list_files() { ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null; }

echo; echo "## APT sources"
for f in $(list_files); do
  echo "### $f"
  grep -vE '^\s*(#|$)' "$f" | while IFS= read -r line; do
    flags=""
    [[ "$line" =~ trusted=yes|Trusted:[[:space:]]*yes ]] && flags+=" HIGH:trusted=yes"
    [[ "$line" =~ allow-insecure=yes ]] && flags+=" HIGH:allow-insecure"
    if [[ "$line" =~ http:// ]] && ! [[ "$line" =~ (archive|security|ports)\.ubuntu\.com|deb\.debian\.org|security\.debian\.org ]]; then
      flags+=" HIGH:plain-http-third-party"
    fi
    if [[ "$f" == *.list && "$line" =~ ^deb && ! "$line" =~ signed-by= ]]; then flags+=" MEDIUM:no-signed-by"; fi
    echo "  $line${flags:+   <--$flags}"
  done
  if [[ "$f" == *.sources ]] && ! grep -q '^Signed-By:' "$f"; then echo "  <-- MEDIUM:no-Signed-By"; fi
done

echo; echo "## Keys"
show_key() { gpg --show-keys --with-fingerprint --with-colons "$1" 2>/dev/null | awk -F: '
  $1=="pub"{exp=$7; algo=$4; created=$6}
  $1=="fpr"&&!seen[$0]++{fpr=$10}
  $1=="uid"{printf "    %s uid=%s created=%s expires=%s\n", fpr, $10, strftime("%F",created), (exp==""?"never":strftime("%F",exp))}'; }
for k in /etc/apt/trusted.gpg /etc/apt/trusted.gpg.d/* /etc/apt/keyrings/* /usr/share/keyrings/*; do
  [ -f "$k" ] || continue
  scope="per-repo"
  case "$k" in /etc/apt/trusted.gpg|/etc/apt/trusted.gpg.d/*) scope="GLOBAL";; esac
  refs=$(grep -rl -- "$k" /etc/apt/sources.list* 2>/dev/null | tr '\n' ' ')
  echo "  $k [$scope] referenced-by: ${refs:-none}"
  show_key "$k"
done

echo; echo "## Last metadata fetch per source"
for r in /var/lib/apt/lists/*_Release /var/lib/apt/lists/*_InRelease; do
  [ -f "$r" ] || continue
  age=$(( ( $(date +%s) - $(stat -c %Y "$r") ) / 86400 ))
  [ "$age" -gt 90 ] && echo "  LOW:stale ${age}d $(basename "$r")"
done

if ls /etc/yum.repos.d/*.repo >/dev/null 2>&1; then
  echo; echo "## DNF/YUM repos"
  grep -HnE '^(baseurl|gpgcheck|repo_gpgcheck|gpgkey)=' /etc/yum.repos.d/*.repo \
    | sed -E 's/(gpgcheck=0)/\1   <-- HIGH/'
fi
echo; echo "(end)"
