#!/usr/bin/env bash
set -euo pipefail

dirs=(); compress_after=7; delete_after=30; apply=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dirs+=("$2"); shift 2 ;;
    --compress-after) compress_after="$2"; shift 2 ;;
    --delete-after) delete_after="$2"; shift 2 ;;
    --apply) apply=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ ${#dirs[@]} -gt 0 ]] || { echo "usage: $0 --dir DIR [--dir DIR...] [--compress-after N] [--delete-after M] [--apply]" >&2; exit 2; }
(( delete_after > compress_after )) || { echo "--delete-after must be greater than --compress-after" >&2; exit 2; }

in_use() { command -v fuser >/dev/null && fuser -s "$1" 2>/dev/null; }
bytes() { stat -c %s "$1" 2>/dev/null || stat -f %z "$1"; }

saved=0; n_gz=0; n_rm=0
for d in "${dirs[@]}"; do
  case "$(cd "$d" && pwd)" in
    /|/var/log|/home|/Users|"$HOME") echo "refusing to work on $d directly; pass the application's own log folder" >&2; exit 2 ;;
  esac
  newest="$(find "$d" -maxdepth 1 -type f \( -name '*.log' -o -name '*.out' \) -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n1 | cut -d' ' -f2- || true)"

  while IFS= read -r -d '' f; do
    [[ "$f" == "$newest" ]] && continue
    if in_use "$f"; then echo "skip (open): $f"; continue; fi
    size=$(bytes "$f")
    echo "compress: $f ($size bytes)"
    if [[ $apply -eq 1 ]]; then gzip -9 "$f"; saved=$((saved + size - $(bytes "$f.gz"))); fi
    n_gz=$((n_gz + 1))
  done < <(find "$d" -type f \( -name '*.log' -o -name '*.log.[0-9]*' -o -name '*.out' \) ! -name '*.gz' -mtime +"$compress_after" -print0)

  while IFS= read -r -d '' f; do
    size=$(bytes "$f")
    echo "delete:   $f ($size bytes)"
    if [[ $apply -eq 1 ]]; then rm -f -- "$f"; saved=$((saved + size)); fi
    n_rm=$((n_rm + 1))
  done < <(find "$d" -type f \( -name '*.log.gz' -o -name '*.log.[0-9]*.gz' -o -name '*.out.gz' \) -mtime +"$delete_after" -print0)
done

if [[ $apply -eq 1 ]]; then
  echo "Compressed $n_gz, deleted $n_rm, freed about $((saved / 1024 / 1024)) MiB."
else
  echo "Dry run: would compress $n_gz and delete $n_rm file(s). Rerun with --apply."
fi
