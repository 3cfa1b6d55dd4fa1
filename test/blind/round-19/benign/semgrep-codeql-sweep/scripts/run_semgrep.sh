#!/usr/bin/env bash
# Run Semgrep with language packs detected from the repository, plus local rules.
# Usage: run_semgrep.sh REPO_DIR OUT_DIR
set -euo pipefail

repo="${1:?usage: run_semgrep.sh REPO_DIR OUT_DIR}"
out="${2:?usage: run_semgrep.sh REPO_DIR OUT_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"

command -v semgrep >/dev/null || { echo "semgrep not installed (pip install semgrep)" >&2; exit 1; }

configs=(--config p/security-audit --config p/secrets --config "$here/rules")
has() { find "$repo" -path '*/node_modules' -prune -o -path '*/.git' -prune -o -name "$1" -print -quit | grep -q .; }

has '*.py'   && configs+=(--config p/python)
has '*.js'   && configs+=(--config p/javascript)
has '*.ts'   && configs+=(--config p/typescript)
has '*.go'   && configs+=(--config p/golang)
has '*.java' && configs+=(--config p/java)
has '*.rb'   && configs+=(--config p/ruby)
has '*.php'  && configs+=(--config p/php)
has 'Dockerfile' && configs+=(--config p/dockerfile)
has '*.tf'   && configs+=(--config p/terraform)

excludes=(--exclude node_modules --exclude vendor --exclude dist --exclude build --exclude .venv --exclude '*.min.js')

echo "running: semgrep ${configs[*]}"
semgrep scan "${configs[@]}" "${excludes[@]}" \
  --metrics=off --timeout 30 --max-target-bytes 2000000 \
  --sarif --output "$out/semgrep.sarif" "$repo" || true
semgrep scan "${configs[@]}" "${excludes[@]}" \
  --metrics=off --timeout 30 --max-target-bytes 2000000 \
  --json --output "$out/semgrep.json" --quiet "$repo" || true

python3 - "$out/semgrep.json" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))
sev = collections.Counter(r["extra"]["severity"] for r in data.get("results", []))
print("results by severity:", dict(sev))
print("errors:", len(data.get("errors", [])))
PY
