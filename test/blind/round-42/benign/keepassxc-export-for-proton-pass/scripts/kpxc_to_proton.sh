#!/usr/bin/env bash
# KeePassXC -> Proton Pass: inventory, export to RAM-backed temp, cleanup.
set -euo pipefail
umask 077

STATE="${XDG_RUNTIME_DIR:-$HOME/.cache}/kpxc-proton.state"

die() { echo "error: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || die "$1 not found"; }

ram_dir() {
  if [[ -d /dev/shm && -w /dev/shm ]]; then
    mktemp -d /dev/shm/kpxc-export.XXXXXX
  elif [[ "$(uname)" == "Darwin" ]]; then
    # 64 MiB RAM disk (131072 * 512-byte sectors)
    local dev; dev=$(hdiutil attach -nomount ram://131072 | awk '{print $1}')
    diskutil erasevolume APFS KPXCEXPORT "$dev" >/dev/null
    echo "$dev" > "$STATE.dev"
    echo "/Volumes/KPXCEXPORT"
  else
    mktemp -d "${TMPDIR:-/tmp}/kpxc-export.XXXXXX"
  fi
}

inventory() {
  local db="${1:?database path}"
  need keepassxc-cli
  echo "Unlock the database when prompted (input is not shown)."
  # the export is piped straight into the summariser; it never touches disk here
  keepassxc-cli export --format xml "$db" | python3 -c "$SUMMARY_PY"
}

read -r -d '' SUMMARY_PY <<'PY' || true
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
groups, att, totp, custom, total = {}, [], 0, 0, 0
std = {"Title", "UserName", "Password", "URL", "Notes"}
def walk(g, path):
    global totp, custom, total
    name = g.findtext("Name") or ""
    path = f"{path}/{name}" if path else name
    for e in g.findall("Entry"):
        total += 1
        groups[path] = groups.get(path, 0) + 1
        keys = {s.findtext("Key") for s in e.findall("String")}
        title = next((s.findtext("Value") for s in e.findall("String") if s.findtext("Key") == "Title"), "?")
        if "otp" in keys or "TOTP Seed" in keys: totp += 1
        if keys - std - {"otp", "TOTP Seed", "TOTP Settings"}: custom += 1
        if e.findall("Binary"): att.append(f"{path}/{title}")
    for sub in g.findall("Group"):
        walk(sub, path)
for g in root.find("Root").findall("Group"):
    walk(g, "")
print(f"entries: {total}   with TOTP: {totp}   with custom fields: {custom}   with attachments: {len(att)}")
for p, n in sorted(groups.items()):
    print(f"  {n:5}  {p}")
if att:
    print("attachments (NOT imported by Proton Pass, re-attach manually):")
    for a in att: print("  - " + a)
PY

export_db() {
  local db="${1:?database path}"
  need keepassxc-cli
  [[ -f "$STATE" ]] && die "a previous export still exists ($(cat "$STATE")); run '$0 cleanup' first"
  local dir; dir=$(ram_dir)
  local out="$dir/keepassxc-export.xml"
  echo "$out" > "$STATE"
  trap 'echo "interrupted: cleaning up"; cleanup' INT TERM ERR
  echo "Unlock the database when prompted (input is not shown)."
  keepassxc-cli export --format xml "$db" > "$out"
  chmod 600 "$out"
  trap - INT TERM ERR
  echo
  echo "Export ready: $out"
  echo "Import it in Proton Pass: Settings -> Import -> KeePass (.xml). Then run: $0 cleanup"
}

cleanup() {
  [[ -f "$STATE" ]] || { echo "nothing to clean up"; return 0; }
  local out; out=$(cat "$STATE")
  local dir; dir=$(dirname "$out")
  if [[ -f "$out" ]]; then
    if command -v shred >/dev/null; then shred -u -n 3 "$out"
    else
      # macOS has no shred; overwrite once with random data, then delete (RAM disk is discarded anyway)
      dd if=/dev/urandom of="$out" bs=1k count=$(( ($(wc -c <"$out") + 1023) / 1024 )) conv=notrunc 2>/dev/null
      rm -f "$out"
    fi
  fi
  if [[ -f "$STATE.dev" ]]; then
    hdiutil detach "$(cat "$STATE.dev")" -force >/dev/null && rm -f "$STATE.dev"
  else
    rmdir "$dir" 2>/dev/null || true
  fi
  rm -f "$STATE"
  echo "export destroyed."
  echo "If the file passed through a browser, clear it from the browser's downloads list too."
}

case "${1:-}" in
  inventory) shift; inventory "$@" ;;
  export) shift; export_db "$@" ;;
  cleanup) cleanup ;;
  *) echo "usage: $0 inventory DB.kdbx | export DB.kdbx | cleanup"; exit 64 ;;
esac
