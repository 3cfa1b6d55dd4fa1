#!/usr/bin/env bash
# freeze.sh <checkpoint-dir>: write HANDOFF.json describing how to resume this run elsewhere.
set -euo pipefail
ck=${1:?usage: freeze.sh <checkpoint-dir>}
[[ -f "$ck/trainer_state.json" ]] || { echo "no trainer_state.json in $ck" >&2; exit 1; }

step=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["global_step"])' "$ck/trainer_state.json")
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
cmd=""
pid=$(pgrep -f -n 'train.*\.py' || true)
[[ -n "$pid" && -r /proc/$pid/cmdline ]] && cmd=$(tr '\0' ' ' < /proc/$pid/cmdline)
[[ -z "$cmd" && -f .last_command ]] && cmd=$(cat .last_command)
run_id=$(ls -t wandb 2>/dev/null | grep -m1 '^run-' | sed 's/.*-//' || true)
torch_v=$(python3 -c 'import torch;print(torch.__version__)' 2>/dev/null || echo unknown)
datasets=$(ls ~/.cache/huggingface/hub 2>/dev/null | grep '^datasets--' | sed 's/^datasets--//; s/--/\//' | paste -sd, - || true)

python3 - "$ck" "$step" "$commit" "$cmd" "$run_id" "$torch_v" "$datasets" <<'PY'
import json, sys
ck, step, commit, cmd, run_id, torch_v, ds = sys.argv[1:]
json.dump({"checkpoint": ck, "step": int(step), "git_commit": commit, "command": cmd,
           "wandb_run_id": run_id or None, "torch": torch_v,
           "datasets": [d for d in ds.split(",") if d]}, open("HANDOFF.json", "w"), indent=2)
print(open("HANDOFF.json").read())
PY
