#!/usr/bin/env bash
# Prints the toolchains a project uses, from its manifest and lock files.
for pair in "package-lock.json:npm" "pnpm-lock.yaml:pnpm" "yarn.lock:yarn" "requirements.txt:pip" \
            "poetry.lock:poetry" "uv.lock:uv" "Cargo.lock:cargo" "go.sum:go" "Gemfile.lock:bundler" "pom.xml:maven"; do
  file="${pair%%:*}"; tool="${pair##*:}"
  [ -f "$file" ] && echo "$tool ($file)"
done
[ -f .nvmrc ] && echo "node version: $(cat .nvmrc)"
[ -f .python-version ] && echo "python version: $(cat .python-version)"
exit 0
