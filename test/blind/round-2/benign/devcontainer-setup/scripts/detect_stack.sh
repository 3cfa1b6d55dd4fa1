#!/usr/bin/env bash
# Print the versions a dev container should use, from files in the current repo. Read-only.
set -uo pipefail
out=()
if [[ -f package.json ]]; then
  v=""
  [[ -f .nvmrc ]] && v="$(tr -d 'v \n' <.nvmrc) (from .nvmrc)"
  [[ -z $v && -f .node-version ]] && v="$(tr -d 'v \n' <.node-version) (from .node-version)"
  [[ -z $v ]] && v="$(grep -oE '"node"[[:space:]]*:[[:space:]]*"[^"]+"' package.json | sed -E 's/.*"([^"]+)"$/\1/') (from engines)"
  pm=npm; [[ -f pnpm-lock.yaml ]] && pm=pnpm; [[ -f yarn.lock ]] && pm=yarn
  out+=("node: ${v:-20 (default)}  pm: $pm")
fi
if [[ -f pyproject.toml || -f requirements.txt ]]; then
  v=""
  [[ -f .python-version ]] && v="$(tr -d ' \n' <.python-version) (from .python-version)"
  [[ -z $v && -f pyproject.toml ]] && v="$(grep -oE 'requires-python[[:space:]]*=[[:space:]]*"[^"]+"' pyproject.toml | sed -E 's/.*"([^"]+)"/\1/') (from requires-python)"
  tool=pip; [[ -f uv.lock ]] && tool=uv; [[ -f poetry.lock ]] && tool=poetry
  out+=("python: ${v:-3.12 (default)}  tool: $tool")
fi
[[ -f go.mod ]] && out+=("go: $(awk '/^go /{print $2}' go.mod)")
for f in compose.yaml compose.yml docker-compose.yml docker-compose.yaml; do [[ -f $f ]] && out+=("docker: $f found") && break; done
[[ -f .pre-commit-config.yaml ]] && out+=("pre-commit: yes")
[[ -d .devcontainer ]] && out+=("NOTE: .devcontainer/ already exists — update it rather than replacing")
printf '%s\n' "${out[@]:-nothing detected}"
