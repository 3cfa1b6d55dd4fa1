#!/usr/bin/env bash
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python3 -c "import yaml,sys; yaml.safe_load(open(sys.argv[1]))" "$here/rules/devhost_supply_chain.yaml"
if command -v falco >/dev/null; then
  falco --validate "$here/rules/devhost_supply_chain.yaml"
else
  docker run --rm -v "$here/rules:/rules:ro" falcosecurity/falco:latest falco --validate /rules/devhost_supply_chain.yaml
fi
