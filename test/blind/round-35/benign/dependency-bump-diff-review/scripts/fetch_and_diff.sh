#!/usr/bin/env bash
# Fetch two published versions of a package and diff them without installing or running anything.
# Usage: fetch_and_diff.sh <npm|pypi|crate|gem> NAME OLD_VERSION NEW_VERSION
set -euo pipefail

eco="${1:?ecosystem}"; name="${2:?name}"; old="${3:?old version}"; new="${4:?new version}"
root="/tmp/depdiff/${eco}-${name//\//_}"
rm -rf "$root"; mkdir -p "$root/old" "$root/new" "$root/dl"

fetch() {
  local ver="$1" dest="$2"
  case "$eco" in
    npm)
      (cd "$root/dl" && npm pack "${name}@${ver}" --silent --ignore-scripts >/dev/null)
      tar -xzf "$root/dl/$(ls -t "$root/dl" | head -1)" -C "$dest"
      ;;
    pypi)
      # Use the PyPI JSON API + curl instead of `pip download`: pip may run the
      # sdist's build backend to prepare metadata, which executes package code.
      mkdir -p "$root/dl/$ver"
      curl -fsSL "https://pypi.org/pypi/${name}/${ver}/json" -o "$root/dl/$ver/meta.json"
      local sdurl; sdurl=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next((u["url"] for u in d["urls"] if u["packagetype"]=="sdist"), ""))' "$root/dl/$ver/meta.json")
      if [ -z "$sdurl" ]; then echo "no sdist for ${name} ${ver}; comparing wheel file lists only" >&2; else
        curl -fsSL "$sdurl" -o "$root/dl/$ver/$(basename "$sdurl")"
        case "$sdurl" in *.zip) unzip -q "$root/dl/$ver/$(basename "$sdurl")" -d "$dest" ;; *) tar -xzf "$root/dl/$ver/$(basename "$sdurl")" -C "$dest" ;; esac
      fi
      # first wheel's file list for comparison (wheels can contain files the sdist doesn't)
      local whl; whl=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next((u["url"] for u in d["urls"] if u["packagetype"]=="bdist_wheel"), ""))' "$root/dl/$ver/meta.json")
      if [ -n "$whl" ]; then
        curl -fsSL "$whl" -o "$root/dl/$ver/w.whl"
        unzip -l "$root/dl/$ver/w.whl" | awk 'NR>3{print $4}' | sed '/^$/d' > "$dest.wheel-files.txt"
      fi
      ;;
    crate)
      curl -fsSL "https://static.crates.io/crates/${name}/${name}-${ver}.crate" -o "$root/dl/${ver}.crate"
      tar -xzf "$root/dl/${ver}.crate" -C "$dest"
      ;;
    gem)
      (cd "$root/dl" && gem fetch "$name" -v "$ver" >/dev/null)
      mkdir -p "$dest/gem" && tar -xf "$root/dl/${name}-${ver}.gem" -C "$dest/gem"
      mkdir -p "$dest/data" && tar -xzf "$dest/gem/data.tar.gz" -C "$dest/data"
      gunzip -c "$dest/gem/metadata.gz" > "$dest/metadata.yaml"
      ;;
    *) echo "unknown ecosystem: $eco" >&2; exit 2 ;;
  esac
}

fetch "$old" "$root/old"
fetch "$new" "$root/new"

cd "$root"
diff -ruN --exclude='*.gem' old new > diff.patch || true
diff -rq old new | sed 's|^|  |' > diff.stat || true
grep -c '^+' diff.patch | xargs -I{} echo "added lines: {}" >> diff.stat || true

# Binary files
: > binaries.txt
while IFS= read -r f; do
  if file "$f" | grep -qvE 'text|JSON|empty'; then
    rel="${f#new/}"
    if [ ! -f "old/$rel" ] || ! cmp -s "old/$rel" "$f"; then
      printf '%s\t%s\t%s\n' "$rel" "$(wc -c < "$f")" "$(file -b "$f" | cut -c1-60)" >> binaries.txt
    fi
  fi
done < <(find new -type f)

# Signals in added lines only
grep -nE '^\+' diff.patch | grep -vE '^[0-9]+:\+\+\+' > /tmp/depdiff-added.$$ || true
{
  echo "== install hooks =="
  grep -E '"(pre|post)?install"|"prepare"\s*:|cmdclass|build\.rs|\.pth$|extconf\.rb' /tmp/depdiff-added.$$ || echo "none"
  echo; echo "== dynamic code execution =="
  grep -E '\beval\(|new Function\(|\bexec\(|\bcompile\(|vm\.runIn' /tmp/depdiff-added.$$ || echo "none"
  echo; echo "== encoded blobs =="
  grep -E "base64|atob\(|b64decode|fromCharCode|[A-Za-z0-9+/=]{200,}|(\\\\x[0-9a-f]{2}){20,}" /tmp/depdiff-added.$$ || echo "none"
  echo; echo "== processes =="
  grep -E 'child_process|subprocess|os\.system|Popen|Command::new|Runtime\.getRuntime|`[^`]*\$\(' /tmp/depdiff-added.$$ || echo "none"
  echo; echo "== network =="
  grep -E "https?://|\bfetch\(|http\.request|https\.get|requests\.(get|post)|urllib|net\.connect|dns\.|socket\." /tmp/depdiff-added.$$ || echo "none"
  echo; echo "== credential / home paths =="
  grep -E 'process\.env|os\.environ|getenv|\.npmrc|\.pypirc|\.aws|\.ssh|git-credentials|\.kube|homedir\(' /tmp/depdiff-added.$$ || echo "none"
} > signals.txt
rm -f /tmp/depdiff-added.$$

# Large single-line files added (possible minified/obfuscated code)
find new -type f \( -name '*.js' -o -name '*.py' -o -name '*.rb' \) -size +5k | while read -r f; do
  lines=$(wc -l < "$f"); [ "$lines" -le 3 ] && echo "minified-looking: ${f#new/} ($(wc -c < "$f") bytes, $lines lines)" >> signals.txt
done

echo "old: $old  new: $new  -> $root"
cat diff.stat | tail -n 20
echo "signals: $(grep -vcE '^(==|none|$)' signals.txt) lines (see $root/signals.txt)"
echo "binaries changed: $(wc -l < binaries.txt)"
