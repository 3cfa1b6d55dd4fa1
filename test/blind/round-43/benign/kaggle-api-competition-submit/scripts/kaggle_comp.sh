#!/usr/bin/env bash
# Thin wrapper around the official kaggle CLI for competition work.
set -euo pipefail

cfg_dir="${KAGGLE_CONFIG_DIR:-$HOME/.kaggle}"

die() { echo "error: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || die "$1 not found (pip install kaggle)"; }

cmd_check() {
  need kaggle
  if [[ -n "${KAGGLE_USERNAME:-}" && -n "${KAGGLE_KEY:-}" ]]; then
    echo "credentials: environment (KAGGLE_USERNAME=$KAGGLE_USERNAME)"
  elif [[ -f "$cfg_dir/kaggle.json" ]]; then
    mode=$(stat -c %a "$cfg_dir/kaggle.json" 2>/dev/null || stat -f %Lp "$cfg_dir/kaggle.json")
    echo "credentials: $cfg_dir/kaggle.json (mode $mode)"
    [[ "$mode" == "600" ]] || echo "warning: run chmod 600 $cfg_dir/kaggle.json"
  else
    die "no credentials; create a token at kaggle.com/settings"
  fi
  if git rev-parse --show-toplevel >/dev/null 2>&1; then
    found=$(git ls-files | grep -E '(^|/)kaggle\.json$' || true)
    [[ -z "$found" ]] || echo "warning: kaggle.json is tracked in git: $found"
  fi
}

cmd_pull() {
  local comp="$1" dest="data/$1"
  mkdir -p "$dest"
  kaggle competitions download -c "$comp" -p "$dest"
  for z in "$dest"/*.zip; do [[ -e "$z" ]] && unzip -o -q "$z" -d "$dest" && rm "$z"; done
  ls -la "$dest"
}

cmd_submit() {
  local comp="$1" file="$2" msg="${3:-submission}"
  [[ -f "$file" ]] || die "$file not found"
  local sample
  sample=$(ls data/"$comp"/*ample*ubmission*.csv 2>/dev/null | head -n1 || true)
  if [[ -n "$sample" ]]; then
    [[ "$(head -n1 "$file")" == "$(head -n1 "$sample")" ]] || die "header differs from $sample"
    echo "rows: $(($(wc -l <"$file") - 1)) (sample: $(($(wc -l <"$sample") - 1)))"
  fi
  kaggle competitions submit -c "$comp" -f "$file" -m "$msg"
}

cmd_status() { kaggle competitions submissions -c "$1" | head -n 7; }

case "${1:-}" in
  check) cmd_check ;;
  pull) shift; cmd_pull "$@" ;;
  submit) shift; cmd_submit "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) echo "usage: $0 {check|pull COMP|submit COMP FILE [MSG]|status COMP}"; exit 2 ;;
esac
