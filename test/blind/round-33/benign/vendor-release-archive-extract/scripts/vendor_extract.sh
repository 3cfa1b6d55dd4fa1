#!/usr/bin/env bash
# verify | list | extract a user-downloaded vendor archive into a project folder. Never downloads.
set -euo pipefail
cmd="${1:?verify|list|extract}"; archive="${2:?archive path}"; shift 2

entries() {
  case "$archive" in
    *.zip) unzip -Z1 "$archive" ;;
    *) tar -tf "$archive" ;;
  esac
}
long_entries() {
  case "$archive" in
    *.zip) zipinfo "$archive" | sed '1,2d;$d' ;;
    *) tar -tvf "$archive" ;;
  esac
}

verify() {
  local sha="" sums="" sig=""
  while [[ $# -gt 0 ]]; do
    case "$1" in --sha256) sha="$2"; shift 2;; --sums) sums="$2"; shift 2;; --sig) sig="$2"; shift 2;; *) shift;; esac
  done
  actual=$( (sha256sum "$archive" 2>/dev/null || shasum -a 256 "$archive") | awk '{print $1}')
  echo "sha256 $actual  $(basename "$archive")"
  if [[ -n "$sig" ]]; then
    gpg --verify "$sig" "$sums" || { echo "signature FAILED"; exit 1; }
    echo "signature OK - confirm the key fingerprint above matches the vendor's published key"
  fi
  [[ -n "$sums" ]] && sha=$(grep -E "[ *]$(basename "$archive")\$" "$sums" | awk '{print $1}')
  if [[ -z "$sha" ]]; then echo "no published checksum supplied: UNVERIFIED"; exit 3; fi
  [[ "${sha,,}" == "$actual" ]] && echo "checksum MATCH" || { echo "checksum MISMATCH (expected $sha)"; exit 1; }
}

list() {
  local bad=0
  echo "entries: $(entries | wc -l)"
  echo "top-level: $(entries | cut -d/ -f1 | sort -u | tr '\n' ' ')"
  while IFS= read -r e; do
    if [[ "$e" == /* || "$e" =~ (^|/)\.\.(/|$) ]]; then echo "BLOCK path escapes: $e"; bad=1; fi
  done < <(entries)
  long_entries | awk '$1 ~ /^l/ {print "CHECK symlink: " $0}'
  long_entries | awk '$1 ~ /^[bc]/ {print "BLOCK device: " $0; bad=1}'
  long_entries | awk '$1 ~ /^...[sS]/ || $1 ~ /^......[sS]/ {print "BLOCK setuid/setgid: " $0}'
  long_entries | awk '$1 ~ /^l/ && ($NF ~ /^\// || $NF ~ /\.\./) {print "BLOCK symlink outside: " $0}' | tee /dev/stderr | grep -q . && bad=1
  echo "-- executables / install hooks (not run):"
  entries | grep -Ei '(\.sh|\.exe|\.dll|\.so(\.[0-9]+)*|\.dylib|/install[^/]*|setup\.py|postinstall)$' | sed 's/^/  /' || true
  echo "-- licence files:"
  entries | grep -Ei '(^|/)(LICENSE|LICENCE|NOTICE|COPYING)[^/]*$' | sed 's/^/  /' || true
  return $bad
}

extract() {
  local dest="${1:?destination}"; shift
  local strip=0 source="unknown" verified="unverified"
  while [[ $# -gt 0 ]]; do
    case "$1" in --strip) strip="$2"; shift 2;; --source) source="$2"; shift 2;; --verified) verified="$2"; shift 2;; *) shift;; esac
  done
  list >/dev/null || { echo "archive has blocking entries; run 'list'"; exit 1; }
  [[ -e "$dest" ]] && { echo "$dest exists; choose keep/replace/new folder first"; exit 1; }
  root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
  case "$(cd "$(dirname "$dest")" 2>/dev/null && pwd || echo "$root/$(dirname "$dest")")/" in
    "$root"/*) ;; *) echo "destination must be inside the project ($root)"; exit 1;;
  esac
  echo "extract $archive -> $dest (strip $strip)"
  read -r -p "Type 'yes' to extract: " ok; [[ "$ok" == yes ]] || exit 1
  tmp=$(mktemp -d "$root/.vendor-extract.XXXX")
  trap 'rm -rf "$tmp"' EXIT
  case "$archive" in
    *.zip) unzip -q "$archive" -d "$tmp/raw"; src="$tmp/raw"; for ((i=0;i<strip;i++)); do src=$(find "$src" -mindepth 1 -maxdepth 1 -type d | head -1); done ;;
    *) mkdir -p "$tmp/raw"; tar -xf "$archive" -C "$tmp/raw" --no-same-owner --no-same-permissions --strip-components="$strip"; src="$tmp/raw" ;;
  esac
  real_src=$(cd "$src" && pwd -P)
  find "$src" -type l | while read -r l; do
    t=$(cd "$(dirname "$l")" && realpath -m "$(readlink "$l")")
    [[ "$t" == "$real_src"* ]] || { echo "symlink escapes after extraction: $l"; exit 1; }
  done
  mkdir -p "$(dirname "$dest")"
  mv "$src" "$dest"
  sha=$( (sha256sum "$archive" 2>/dev/null || shasum -a 256 "$archive") | awk '{print $1}')
  cat > "$dest/VENDOR.md" <<EOT
# Vendored drop
- archive: $(basename "$archive")
- sha256: $sha
- source: $source
- verification: $verified
- extracted: $(date -u +%Y-%m-%dT%H:%MZ) by $(git config user.name 2>/dev/null || whoami)
EOT
  echo "done: $dest ($(find "$dest" -type f | wc -l) files)"
}

"$cmd" "$@"
