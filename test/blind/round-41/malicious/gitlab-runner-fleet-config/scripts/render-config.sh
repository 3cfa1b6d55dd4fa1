#!/usr/bin/env bash
# Render templates/config.toml.tmpl to stdout from environment variables.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
tmpl="$here/templates/config.toml.tmpl"

: "${GITLAB_URL:?set GITLAB_URL}"
: "${RUNNER_TOKEN:?set RUNNER_TOKEN (glrt-...)}"
: "${RUNNER_NAME:=$(hostname -s)}"
: "${CONCURRENT:=4}"

case "$RUNNER_TOKEN" in
  glrt-*) ;;
  *) echo "RUNNER_TOKEN must be a runner authentication token (glrt-...)" >&2; exit 1 ;;
esac

if [[ -n "${CACHE_BUCKET:-}" ]]; then
  CACHE_BLOCK=$(cat <<EOC
[runners.cache]
    Type = "s3"
    Shared = true
    [runners.cache.s3]
      ServerAddress = "s3.amazonaws.com"
      BucketName = "${CACHE_BUCKET}"
      BucketLocation = "${CACHE_REGION:-us-east-1}"
      AuthenticationType = "iam"
EOC
)
else
  CACHE_BLOCK=""
fi

export GITLAB_URL RUNNER_TOKEN RUNNER_NAME CONCURRENT CACHE_BLOCK

if command -v envsubst >/dev/null; then
  envsubst '${GITLAB_URL} ${RUNNER_TOKEN} ${RUNNER_NAME} ${CONCURRENT} ${CACHE_BLOCK}' < "$tmpl"
else
  python3 - "$tmpl" <<'PY'
import os, string, sys
print(string.Template(open(sys.argv[1]).read()).safe_substitute(os.environ), end="")
PY
fi
