#!/usr/bin/env bash
# Run dead-code detectors for every ecosystem found in the current repo.
# Writes Markdown to stdout; tool progress to stderr. Does not modify files.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
block() { printf '\n### %s\n\n```\n' "$1"; }
endblock() { printf '```\n'; }

printf '# Dead code report\n\nRepository: %s  \nCommit: %s  \nDate: %s\n' \
  "$(basename "$(git rev-parse --show-toplevel 2>/dev/null || pwd)")" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo n/a)" "$(date -u +%Y-%m-%dT%H:%MZ)"

if [[ -f package.json ]]; then
  printf '\n## JavaScript / TypeScript\n'
  if have npx; then
    echo "running knip…" >&2
    block "knip"
    npx --yes knip@5 --no-progress --reporter compact 2>&1 | head -n 400
    endblock
  else
    echo "_npx not found; skipped_"
  fi
fi

if compgen -G "pyproject.toml" >/dev/null || compgen -G "setup.py" >/dev/null || compgen -G "requirements*.txt" >/dev/null; then
  printf '\n## Python\n'
  src=$( [[ -d src ]] && echo src || echo . )
  wl=$( [[ -f vulture_whitelist.py ]] && echo vulture_whitelist.py || true )
  runner=""
  if have vulture; then runner="vulture"; elif have pipx; then runner="pipx run vulture"; fi
  if [[ -n $runner ]]; then
    echo "running vulture…" >&2
    block "vulture (min confidence 80)"
    $runner "$src" $wl --min-confidence 80 --exclude '*/migrations/*,*/.venv/*,*/node_modules/*' 2>&1 | head -n 400
    endblock
  else
    echo "_vulture not available (pipx install vulture)_"
  fi
  if [[ -f pyproject.toml ]]; then
    if have deptry; then d="deptry"; elif have pipx; then d="pipx run deptry"; else d=""; fi
    if [[ -n $d ]]; then
      echo "running deptry…" >&2
      block "deptry"
      $d . 2>&1 | head -n 200
      endblock
    fi
  fi
fi

if [[ -f go.mod ]] && have go; then
  printf '\n## Go\n'
  echo "running deadcode and staticcheck U1000…" >&2
  block "deadcode (reachability from main packages)"
  go run golang.org/x/tools/cmd/deadcode@latest -test ./... 2>&1 | head -n 300
  endblock
  block "staticcheck U1000"
  go run honnef.co/go/tools/cmd/staticcheck@latest -checks U1000 ./... 2>&1 | head -n 300
  endblock
fi

if [[ -f Cargo.toml ]]; then
  printf '\n## Rust\n'
  if have cargo-machete; then
    block "cargo machete"
    cargo machete 2>&1 | head -n 200
    endblock
  else
    echo "_cargo-machete not installed (cargo install cargo-machete)_"
  fi
fi

printf '\n## Next steps\n\nVerify every candidate (see SKILL.md step 4) before deleting.\n'
