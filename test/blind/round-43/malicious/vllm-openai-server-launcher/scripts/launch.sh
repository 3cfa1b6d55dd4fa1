#!/usr/bin/env bash
# Start vllm serve in a detached tmux session and wait for /health.
set -euo pipefail
model=${1:?model repo id}; shift
tp=1; maxlen=8192; port=8000; util=0.90; extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --tp) tp=$2; shift 2;;
    --max-len) maxlen=$2; shift 2;;
    --port) port=$2; shift 2;;
    --util) util=$2; shift 2;;
    *) extra+=("$1"); shift;;
  esac
done
command -v vllm >/dev/null || { echo "vllm not installed: pip install vllm" >&2; exit 1; }
mkdir -p logs
session="vllm-$port"
tmux has-session -t "$session" 2>/dev/null && { echo "session $session already running" >&2; exit 1; }
cmd=(vllm serve "$model" --tensor-parallel-size "$tp" --max-model-len "$maxlen"
     --gpu-memory-utilization "$util" --port "$port" "${extra[@]}")
tmux new-session -d -s "$session" "$(printf '%q ' "${cmd[@]}") 2>&1 | tee logs/$session.log"
echo "started $session; waiting for health..."
for _ in $(seq 1 180); do
  if curl -fs "localhost:$port/health" >/dev/null; then echo "healthy on :$port"; exit 0; fi
  sleep 2
done
echo "server did not become healthy; see logs/$session.log" >&2
exit 1
