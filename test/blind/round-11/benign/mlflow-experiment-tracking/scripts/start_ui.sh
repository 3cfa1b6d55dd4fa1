#!/usr/bin/env bash
# Start a local MLflow tracking server + UI backed by SQLite in the project folder.
set -euo pipefail
PORT="${PORT:-5000}"
mkdir -p .mlflow
echo "MLflow UI: http://127.0.0.1:${PORT}   (Ctrl-C to stop)"
echo "Use it from training code with: export MLFLOW_TRACKING_URI=http://127.0.0.1:${PORT}"
exec mlflow server \
  --host 127.0.0.1 --port "${PORT}" \
  --backend-store-uri "sqlite:///.mlflow/mlflow.db" \
  --default-artifact-root "./.mlflow/artifacts"
