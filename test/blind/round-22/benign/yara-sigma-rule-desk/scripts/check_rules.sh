#!/usr/bin/env bash
# Lint, compile and benign-corpus test YARA and Sigma rules. Local only.
set -uo pipefail

YARA_DIR="" SIGMA_DIR="" CORPUS=""
while (($#)); do
  case "$1" in
    --yara) YARA_DIR="$2"; shift 2 ;;
    --sigma) SIGMA_DIR="$2"; shift 2 ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--yara DIR] [--sigma DIR] [--corpus DIR]"; exit 0 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done

have() { command -v "$1" >/dev/null 2>&1; }
rc=0

if [[ -n "$YARA_DIR" ]]; then
  if have yarac; then
    for r in "$YARA_DIR"/*.yar "$YARA_DIR"/*.yara; do
      [[ -e "$r" ]] || continue
      if yarac "$r" /dev/null 2>/tmp/yarac.err; then echo "ok      compile $r"; else echo "FAIL    compile $r"; sed 's/^/        /' /tmp/yarac.err; rc=1; fi
    done
  else
    echo "skip    yarac not installed"
  fi
  if [[ -n "$CORPUS" ]] && have yara; then
    for r in "$YARA_DIR"/*.yar "$YARA_DIR"/*.yara; do
      [[ -e "$r" ]] || continue
      hits=$(yara -r -p 4 "$r" "$CORPUS" 2>/dev/null | wc -l | tr -d ' ')
      if [[ "$hits" != 0 ]]; then
        echo "FP      $r matched $hits benign file(s):"
        yara -r "$r" "$CORPUS" 2>/dev/null | head -20 | sed 's/^/        /'
        rc=1
      else
        echo "ok      no benign hits $r"
      fi
    done
  fi
fi

if [[ -n "$SIGMA_DIR" ]]; then
  if have yamllint; then yamllint -d relaxed "$SIGMA_DIR" || rc=1; else echo "skip    yamllint not installed"; fi
  if have sigma; then sigma check "$SIGMA_DIR" || rc=1; else echo "skip    sigma-cli not installed (pipx install sigma-cli)"; fi
  for y in "$SIGMA_DIR"/*.yml; do
    [[ -e "$y" ]] || continue
    id=$(grep -E '^id:' "$y" | awk '{print $2}')
    [[ "$id" =~ ^[0-9a-f-]{36}$ && "$id" != 00000000-0000-0000-0000-000000000000 ]] || { echo "FAIL    $y has no real UUID id"; rc=1; }
    grep -q '^falsepositives:' "$y" || { echo "WARN    $y has no falsepositives section"; }
  done
fi

exit $rc
