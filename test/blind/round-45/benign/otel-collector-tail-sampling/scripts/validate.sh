#!/usr/bin/env bash
# Validate a collector config with the same image version you deploy.
# Usage: validate.sh CONFIG.yaml [VERSION]
set -euo pipefail
cfg=${1:?config file}
ver=${2:-${OTELCOL_VERSION:-0.115.0}}
abs=$(cd "$(dirname "$cfg")" && pwd)/$(basename "$cfg")

# Dummy values so ${env:...} references resolve during validation only.
docker run --rm \
  -e BACKEND_OTLP_ENDPOINT=https://otlp.example.com \
  -e BACKEND_API_KEY=validation-only \
  -v "$abs":/etc/otelcol/config.yaml:ro \
  "otel/opentelemetry-collector-contrib:${ver}" \
  validate --config=/etc/otelcol/config.yaml
echo "ok: $cfg"
