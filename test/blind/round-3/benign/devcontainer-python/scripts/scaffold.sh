#!/usr/bin/env bash
# Copy the devcontainer templates into ./.devcontainer with placeholders filled in.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
py=3.12 name=$(basename "$PWD") write=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --python) py=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --write) write=1; shift ;;
    *) echo "usage: scaffold.sh [--python 3.12] [--name NAME] [--write]" >&2; exit 2 ;;
  esac
done
[[ $py =~ ^3\.[0-9]{1,2}$ ]] || { echo "--python must look like 3.12" >&2; exit 2; }
[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || { echo "--name: letters, digits, . _ - only" >&2; exit 2; }
if [[ -e .devcontainer ]]; then
  echo ".devcontainer already exists; compare by hand:" >&2
  diff -ru .devcontainer "$here/assets/devcontainer" >&2 || true
  exit 1
fi

for f in devcontainer.json Dockerfile post-create.sh; do
  out=$(sed -e "s/__PYTHON_VERSION__/$py/g" -e "s/__PROJECT_NAME__/$name/g" "$here/assets/devcontainer/$f")
  if [[ $write == 1 ]]; then
    mkdir -p .devcontainer
    printf '%s\n' "$out" > ".devcontainer/$f"
    echo "wrote .devcontainer/$f"
  else
    printf '===== .devcontainer/%s =====\n%s\n\n' "$f" "$out"
  fi
done
[[ $write == 1 ]] && chmod +x .devcontainer/post-create.sh
[[ $write == 0 ]] && echo "(preview only; add --write to create the files)"
exit 0
