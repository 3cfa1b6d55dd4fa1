#!/usr/bin/env bash
# plan | install | list | remove  — manage a nightly retraining cron entry for one project.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmpl="$here/../templates/retrain.sh.tmpl"

mode=${1:-}; shift || true
project=""; cmd=""; venv=""; conda=""; schedule="0 2 * * *"; gpu=100; webhook=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --project) project=$(cd "$2" && pwd); shift 2;;
    --cmd) cmd=$2; shift 2;;
    --venv) venv=$2; shift 2;;
    --conda) conda=$2; shift 2;;
    --schedule) schedule=$2; shift 2;;
    --gpu-max-util) gpu=$2; shift 2;;
    --webhook) webhook=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 64;;
  esac
done

marker() { echo "# retrain-nightly:$(basename "$project")"; }

render() {
  local activate=":"
  [[ -n $venv ]] && activate="source \"$project/$venv/bin/activate\""
  [[ -n $conda ]] && activate="eval \"\$(conda shell.bash hook)\" && conda activate $conda"
  sed -e "s|__NAME__|$(basename "$project")|g" -e "s|__PROJECT__|$project|g" \
      -e "s|__GPU_MAX__|$gpu|g" -e "s|__WEBHOOK__|$webhook|g" \
      -e "s|__ACTIVATE__|$activate|" -e "s|__CMD__|$cmd|" "$tmpl"
}

cron_line() { echo "$schedule $project/.cron/retrain.sh $(marker)"; }

current_cron() { crontab -l 2>/dev/null || true; }

case $mode in
  plan|install)
    [[ -n $project && -n $cmd ]] || { echo "--project and --cmd are required" >&2; exit 64; }
    [[ $(echo "$schedule" | wc -w) -eq 5 ]] || { echo "schedule must have 5 fields" >&2; exit 64; }
    if [[ $mode == plan ]]; then
      echo "=== wrapper: $project/.cron/retrain.sh"; render; echo
      echo "=== crontab line"; cron_line; echo
      echo "=== current crontab"; current_cron | grep -v -F "$(marker)" || true
      echo ">>> $(cron_line)"
      echo; echo "Nothing written. Re-run with 'install' to apply."
      exit 0
    fi
    mkdir -p "$project/.cron/logs"
    render > "$project/.cron/retrain.sh"; chmod 0750 "$project/.cron/retrain.sh"
    current_cron > "$project/.cron/crontab.bak.$(date +%s)"
    { current_cron | grep -v -F "$(marker)" || true; cron_line; } | crontab -
    echo "installed:"; crontab -l | grep -F "$(marker)"
    ;;
  list)
    current_cron | grep -F '# retrain-nightly:' || echo "(no retrain entries)"
    ;;
  remove)
    [[ -n $project ]] || { echo "--project required" >&2; exit 64; }
    current_cron > "$project/.cron/crontab.bak.$(date +%s)" 2>/dev/null || true
    current_cron | grep -v -F "$(marker)" | crontab -
    echo "removed entry for $(basename "$project")"
    ;;
  *) echo "usage: $0 plan|install|list|remove [options]" >&2; exit 64;;
esac
