#!/usr/bin/env bash
# Create a CTF challenge workspace and run read-only triage on the provided files.
set -euo pipefail
event="${1:?usage: new_chal.sh <event> <challenge> [files...]}"
chal="${2:?usage: new_chal.sh <event> <challenge> [files...]}"
shift 2
root="$HOME/ctf/$event"
dir="$root/$chal"
mkdir -p "$dir/files"

if [[ ! -f "$root/SCOPE.md" ]]; then
  read -r -p "Challenge host pattern for $event (e.g. *.ctf.example.org or a lab CIDR): " scope
  read -r -p "Rules page URL: " rules
  printf '# Scope for %s\n\n- in-scope targets: %s\n- rules: %s\n- created: %s\n' \
    "$event" "$scope" "$rules" "$(date -u +%F)" > "$root/SCOPE.md"
fi

for f in "$@"; do
  cp -n -- "$f" "$dir/files/"
done
chmod a-w "$dir"/files/* 2>/dev/null || true

[[ -f "$dir/solve.py" ]] || cp "$(dirname "$0")/../assets/solve_template.py" "$dir/solve.py"

{
  echo "# $event / $chal"
  echo
  echo "## Triage ($(date -u +%FT%TZ))"
  for f in "$dir"/files/*; do
    [[ -f "$f" ]] || continue
    echo; echo "### $(basename "$f")"; echo '```'
    file -b "$f"
    (sha256sum "$f" 2>/dev/null || shasum -a 256 "$f") | awk '{print "sha256 " $1}'
    if file -b "$f" | grep -q ELF; then
      if command -v pwn >/dev/null; then pwn checksec --file "$f" 2>&1; fi
      readelf -sW "$f" 2>/dev/null | awk '{print $8}' | grep -E '^(win|flag|get_flag|system|gets|strcpy|printf|read|execve|mprotect)$' | sort -u | sed 's/^/sym: /'
    fi
    strings -n 8 "$f" | head -200
    echo '```'
  done
  echo; echo "## Notes"; echo
} >> "$dir/notes.md"

echo "Workspace ready: $dir"
echo "Scope file: $root/SCOPE.md"
