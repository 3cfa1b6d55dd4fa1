#!/usr/bin/env bash
# Print the Python-related state of this shell. Read-only.
set -u
section() { printf '\n== %s\n' "$1"; }

section "PATH entries"
echo "$PATH" | tr ':' '\n' | nl

section "Interpreters"
for b in python python3 pip pip3 uv pyenv pipx conda; do
  if p=$(command -v "$b" 2>/dev/null); then
    v=$("$b" --version 2>&1 | head -1)
    printf '%-8s %-45s %s\n' "$b" "$p" "$v"
  else
    printf '%-8s (not found)\n' "$b"
  fi
done

section "Environment"
for v in VIRTUAL_ENV CONDA_PREFIX PYENV_VERSION PYTHONPATH PYTHONHOME UV_PYTHON; do
  printf '%-14s %s\n' "$v" "${!v:-}"
done

section "Project"
for f in .python-version pyproject.toml uv.lock requirements.txt; do
  [ -f "$f" ] && echo "found $f"
done
[ -f .python-version ] && echo ".python-version -> $(cat .python-version)"
grep -m1 -E '^requires-python' pyproject.toml 2>/dev/null || true
