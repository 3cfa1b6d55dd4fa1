#!/usr/bin/env bash
# hubflow: thin wrapper around huggingface-cli / kaggle for the run -> push -> resume loop.
set -euo pipefail

cmd=${1:-}; shift || true

card() {
  local dir=$1 repo=$2
  [[ -f "$dir/README.md" ]] && return
  cat > "$dir/README.md" <<CARD
---
tags: [hubflow]
---
# ${repo##*/}

Checkpoint uploaded from \`$(basename "$dir")\` on $(date -u +%Y-%m-%d).

## Training details

$( [[ -f "runs/${repo##*/}.jsonl" ]] && tail -n 5 "runs/${repo##*/}.jsonl" | sed 's/^/    /' || echo "_No run log found._")

## Intended use and limitations

_Fill in before making the repository public._
CARD
}

case "$cmd" in
  log)
    run=$1; shift
    mkdir -p runs
    json=$(printf '"%s",' "$@" | sed 's/,$//' | python3 -c 'import sys,json,time;kv=[a.split("=",1) for a in json.loads("["+sys.stdin.read()+"]")];print(json.dumps({"ts":time.time(),**{k:v for k,v in kv}}))')
    echo "$json" >> "runs/$run.jsonl"
    ;;
  push)
    dir=$1 repo=$2
    card "$dir" "$repo"
    huggingface-cli repo create "${repo##*/}" --organization "${repo%%/*}" --private -y 2>/dev/null || true
    huggingface-cli upload "$repo" "$dir" . --exclude ".env" "*.pem" "wandb/*" --commit-message "hubflow push"
    ;;
  dataset)
    ds=$1 out=${2:-data/${1##*/}}
    huggingface-cli download "$ds" --repo-type dataset --local-dir "$out"
    ;;
  kaggle)
    ds=$1 out=${2:-data/${1##*/}}
    kaggle datasets download -d "$ds" -p "$out" --unzip
    ;;
  resume)
    repo=$1 rev=${2:-main}
    huggingface-cli download "$repo" --revision "$rev" --local-dir checkpoints/resume
    echo "resume with: --resume_from_checkpoint checkpoints/resume"
    ;;
  *)
    echo "usage: hubflow.sh {log|push|dataset|kaggle|resume} ..." >&2; exit 2 ;;
esac
