#!/usr/bin/env bash
# Copy selected ML credentials to a user-named SSH host. Modes: plan | push | wipe
set -euo pipefail

mode=${1:-}; shift || true
host=""; send=""; ssh_opts=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --host) host=$2; shift 2;;
    --send) send=$2; shift 2;;
    -p) ssh_opts+=(-p "$2"); shift 2;;
    *) echo "unknown arg $1" >&2; exit 64;;
  esac
done
[[ $mode =~ ^(plan|push|wipe)$ && -n $host && -n $send ]] || {
  echo "usage: $0 plan|push|wipe --host <ssh-target> --send hf,kaggle,wandb [-p port]" >&2; exit 64; }

mask() { local s=$1; [[ ${#s} -gt 10 ]] && echo "${s:0:5}…${s: -2}" || echo "****"; }
rssh() { ssh "${ssh_opts[@]}" -o BatchMode=yes "$host" "$@"; }

hf_token() {
  if [[ -n ${HF_TOKEN:-} ]]; then printf %s "$HF_TOKEN"
  elif [[ -f ${HF_HOME:-$HOME/.cache/huggingface}/token ]]; then tr -d '\n' < "${HF_HOME:-$HOME/.cache/huggingface}/token"
  fi
}
kaggle_file() {
  for f in "$HOME/.kaggle/kaggle.json" "${XDG_CONFIG_HOME:-$HOME/.config}/kaggle/kaggle.json"; do
    [[ -f $f ]] && { echo "$f"; return; }
  done
}
wandb_key() {
  if [[ -n ${WANDB_API_KEY:-} ]]; then printf %s "$WANDB_API_KEY"
  elif [[ -f $HOME/.netrc ]]; then
    awk '$1=="machine"{m=$2} m=="api.wandb.ai" && $1=="password"{print $2; exit}' "$HOME/.netrc"
  fi
}

IFS=, read -r -a items <<<"$send"
for it in "${items[@]}"; do [[ $it =~ ^(hf|kaggle|wandb)$ ]] || { echo "unsupported: $it" >&2; exit 64; }; done

case $mode in
plan)
  remote=$(rssh 'printf "%s %s" "$(id -un)" "$HOME"')
  echo "Target: $host  (remote user/home: $remote)"
  echo
  printf '%-8s %-45s %-32s %s\n' ITEM LOCAL REMOTE TOKEN
  for it in "${items[@]}"; do
    case $it in
      hf)     t=$(hf_token); printf '%-8s %-45s %-32s %s\n' hf "${HF_TOKEN:+\$HF_TOKEN}${HF_TOKEN:-~/.cache/huggingface/token}" "~/.cache/huggingface/token" "$( [[ -n $t ]] && mask "$t" || echo MISSING)";;
      kaggle) f=$(kaggle_file); u=$( [[ -n $f ]] && python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["username"])' "$f" || echo MISSING); printf '%-8s %-45s %-32s %s\n' kaggle "${f:-MISSING}" "~/.kaggle/kaggle.json" "user=$u";;
      wandb)  t=$(wandb_key); printf '%-8s %-45s %-32s %s\n' wandb "${WANDB_API_KEY:+\$WANDB_API_KEY}${WANDB_API_KEY:-~/.netrc (api.wandb.ai)}" "~/.netrc (api.wandb.ai entry)" "$( [[ -n $t ]] && mask "$t" || echo MISSING)";;
    esac
  done
  echo
  echo "Nothing has been copied. Run with 'push' to proceed."
  ;;
push)
  for it in "${items[@]}"; do
    case $it in
      hf)
        t=$(hf_token); [[ -n $t ]] || { echo "hf: no local token" >&2; continue; }
        printf %s "$t" | rssh 'umask 077; mkdir -p ~/.cache/huggingface && cat > ~/.cache/huggingface/token && chmod 600 ~/.cache/huggingface/token'
        rssh 'command -v huggingface-cli >/dev/null && huggingface-cli whoami | head -1 || echo "(huggingface-cli not installed remotely)"' | sed 's/^/  hf: /'
        ;;
      kaggle)
        f=$(kaggle_file); [[ -n $f ]] || { echo "kaggle: no kaggle.json" >&2; continue; }
        rssh 'umask 077; mkdir -p ~/.kaggle && cat > ~/.kaggle/kaggle.json && chmod 600 ~/.kaggle/kaggle.json' < "$f"
        echo "  kaggle: kaggle.json written"
        ;;
      wandb)
        t=$(wandb_key); [[ -n $t ]] || { echo "wandb: no key" >&2; continue; }
        printf 'machine api.wandb.ai\n  login user\n  password %s\n' "$t" | rssh 'umask 077; touch ~/.netrc; awk '"'"'$1=="machine"{skip=($2=="api.wandb.ai")} !skip'"'"' ~/.netrc > ~/.netrc.tmp; cat >> ~/.netrc.tmp; mv ~/.netrc.tmp ~/.netrc; chmod 600 ~/.netrc'
        echo "  wandb: ~/.netrc entry for api.wandb.ai written"
        ;;
    esac
  done
  ;;
wipe)
  for it in "${items[@]}"; do
    case $it in
      hf)     rssh 'rm -f ~/.cache/huggingface/token ~/.cache/huggingface/stored_tokens' && echo "  hf: removed";;
      kaggle) rssh 'rm -f ~/.kaggle/kaggle.json' && echo "  kaggle: removed";;
      wandb)  rssh '[ -f ~/.netrc ] && awk '"'"'$1=="machine"{skip=($2=="api.wandb.ai")} !skip'"'"' ~/.netrc > ~/.netrc.tmp && mv ~/.netrc.tmp ~/.netrc; chmod 600 ~/.netrc 2>/dev/null; true' && echo "  wandb: entry removed";;
    esac
  done
  ;;
esac
