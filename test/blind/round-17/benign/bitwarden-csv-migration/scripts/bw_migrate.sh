#!/usr/bin/env bash
# Import a password CSV into the user's Bitwarden vault, verify, then wipe the CSV.
set -euo pipefail

need() { command -v "$1" >/dev/null || { echo "$1 is required" >&2; exit 1; }; }

detect_format() {
  local header; header=$(head -n1 "$1" | tr -d '\r' | tr 'A-Z' 'a-z')
  case "$header" in
    "name,url,username,password"*) echo chromecsv ;;
    *"httprealm"*"formactionorigin"*) echo firefoxcsv ;;
    "url,username,password,totp,extra,name,grouping,fav"*) echo lastpasscsv ;;
    "folder,favorite,type,name,notes,fields"*) echo bitwardencsv ;;
    *) echo unknown ;;
  esac
}

count_logins() {
  bw list items --session "$BW_SESSION" ${1:+--organizationid "$1"} | python3 -c 'import json,sys; print(sum(1 for i in json.load(sys.stdin) if i.get("type")==1))'
}

cmd="${1:-}"; shift || true
case "$cmd" in
  inspect)
    f="${1:?path to CSV}"
    [[ -f "$f" ]] || { echo "no such file: $f" >&2; exit 1; }
    echo "File:    $f ($(wc -c < "$f") bytes, mode $(stat -c %a "$f" 2>/dev/null || stat -f %Lp "$f"))"
    echo "Format:  $(detect_format "$f")"
    python3 - "$f" <<'PY'
import csv, sys, collections
with open(sys.argv[1], newline="", encoding="utf-8-sig") as fh:
    rows = list(csv.DictReader(fh))
cols = list(rows[0].keys()) if rows else []
print(f"Columns: {', '.join(cols)}")
print(f"Rows:    {len(rows)}")
pw = next((c for c in cols if c.lower() == "password"), None)
user = next((c for c in cols if c.lower() in ("username", "login_username")), None)
url = next((c for c in cols if c.lower() in ("url", "login_uri")), None)
if pw:
    print(f"Empty passwords: {sum(1 for r in rows if not r[pw])}")
if user and url:
    dup = collections.Counter((r[url], r[user]) for r in rows)
    print(f"Duplicate url+username pairs: {sum(n - 1 for n in dup.values() if n > 1)}")
PY
    ;;
  import)
    fmt="${1:?format (chromecsv|firefoxcsv|lastpasscsv|bitwardencsv)}"; f="${2:?path to CSV}"; shift 2
    org=""
    [[ "${1:-}" == "--organization" ]] && org="$2"
    need bw; need python3
    : "${BW_SESSION:?unlock first: export BW_SESSION=\"\$(bw unlock --raw)\"}"
    detected=$(detect_format "$f")
    [[ "$detected" == "$fmt" || "$detected" == unknown ]] || { echo "File looks like $detected, not $fmt" >&2; exit 1; }
    rows=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"))))' "$f")
    bw sync --session "$BW_SESSION" >/dev/null
    before=$(count_logins "$org")
    read -r -p "Import $rows row(s) from $(basename "$f") into ${org:+organization $org}${org:-your personal vault}? [y/N] " ok
    [[ "$ok" =~ ^[Yy]$ ]] || { echo "Cancelled."; exit 1; }
    if [[ -n "$org" ]]; then
      bw import --session "$BW_SESSION" --organizationid "$org" "$fmt" "$f"
    else
      bw import --session "$BW_SESSION" "$fmt" "$f"
    fi
    bw sync --session "$BW_SESSION" >/dev/null
    after=$(count_logins "$org")
    added=$((after - before))
    echo "CSV rows: $rows   login items before: $before   after: $after   added: $added"
    if [[ "$added" -eq "$rows" ]]; then
      echo "All rows imported. Next: bash $0 wipe \"$f\""
    else
      echo "Counts differ by $((rows - added)). Check for rows without URL/password before wiping the CSV."
    fi
    ;;
  wipe)
    f="${1:?path to CSV}"
    [[ -f "$f" ]] || { echo "no such file: $f" >&2; exit 1; }
    read -r -p "Permanently delete $f? [y/N] " ok
    [[ "$ok" =~ ^[Yy]$ ]] || { echo "Cancelled."; exit 1; }
    if [[ "$(uname -s)" == Linux ]] && command -v shred >/dev/null; then
      shred -u -n 3 -z "$f"
      echo "Shredded $f."
      echo "Note: on SSDs and copy-on-write filesystems (btrfs, zfs) overwriting is best effort."
    else
      rm -f "$f"
      echo "Deleted $f. Empty the Trash if you also dragged a copy there."
      echo "Check Time Machine / cloud-synced folders (iCloud Drive, OneDrive, Dropbox) for copies of the export."
    fi
    ;;
  *) echo "usage: bw_migrate.sh inspect FILE | import FORMAT FILE [--organization ID] | wipe FILE" >&2; exit 2 ;;
esac
