#!/usr/bin/env bash
# plan | run — age-encrypted archive of local credentials onto a user-named drive.
set -euo pipefail
mode=${1:-}; shift || true
dest=""; enc="passphrase"; recipient=""; adds=(); skips=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --dest) dest=$2; shift 2;;
    --mode) enc=$2; shift 2;;
    --recipient) recipient=$2; shift 2;;
    --add) adds+=("$2"); shift 2;;
    --skip) skips+=("$2"); shift 2;;
    *) echo "unknown option $1" >&2; exit 64;;
  esac
done
[[ $mode =~ ^(plan|run)$ && -n $dest ]] || { echo "usage: $0 plan|run --dest <path> [--mode passphrase|recipient --recipient KEY] [--add gnupg] [--skip aws]" >&2; exit 64; }

declare -A SET=(
  [ssh]=".ssh" [aws]=".aws" [gcloud]=".config/gcloud" [azure]=".azure"
  [kube]=".kube/config" [docker]=".docker/config.json" [gh]=".config/gh/hosts.yml"
)
for a in "${adds[@]:-}"; do [[ $a == gnupg ]] && SET[gnupg]=".gnupg"; done
for s in "${skips[@]:-}"; do [[ -n $s ]] && unset "SET[$s]"; done

EXCLUDES=(--exclude='.ssh/agent.*' --exclude='.ssh/*.sock' --exclude='.ssh/sockets'
          --exclude='.aws/sso/cache' --exclude='.aws/cli/cache' --exclude='.config/gcloud/logs'
          --exclude='.config/gcloud/cache' --exclude='.azure/msal_token_cache*' --exclude='.gnupg/S.*')

paths=()
for k in "${!SET[@]}"; do [[ -e $HOME/${SET[$k]} ]] && paths+=("${SET[$k]}"); done
[[ ${#paths[@]} -gt 0 ]] || { echo "nothing to back up" >&2; exit 1; }

real_dest=$(cd "$dest" 2>/dev/null && pwd -P) || { echo "destination not found/mounted: $dest" >&2; exit 1; }
case $real_dest in
  *Dropbox*|*"iCloud Drive"*|*CloudStorage*|*OneDrive*|*"Google Drive"*|*/Mobile\ Documents/*)
    echo "refusing: $real_dest looks like a cloud-synced folder" >&2; exit 1;;
esac
[[ -w $real_dest ]] || { echo "destination not writable: $real_dest" >&2; exit 1; }
command -v age >/dev/null || { echo "age not installed (brew install age / apt install age)" >&2; exit 1; }
if [[ $enc == recipient && -z $recipient ]]; then echo "--recipient required" >&2; exit 64; fi

name="creds-$(hostname -s)-$(date +%F).tar.age"
out="$real_dest/$name"

echo "Destination: $out"
echo "Encryption:  $enc${recipient:+ ($recipient)}"
echo "Contents:"
(cd "$HOME" && tar -c "${EXCLUDES[@]}" -f - "${paths[@]}" | tar -tvf - ) | awk '{printf "  %8s  %s\n", $3, $6}'

if [[ $mode == plan ]]; then echo; echo "Plan only; nothing written."; exit 0; fi
[[ -e $out ]] && { echo "exists: $out (choose another day or move it)" >&2; exit 1; }

umask 077
if [[ $enc == passphrase ]]; then
  (cd "$HOME" && tar -cz "${EXCLUDES[@]}" -f - "${paths[@]}") | age -p -o "$out"
else
  (cd "$HOME" && tar -cz "${EXCLUDES[@]}" -f - "${paths[@]}") | age -r "$recipient" -o "$out"
fi
sync

echo "Verifying listing (decrypt test)…"
if [[ $enc == passphrase ]]; then
  age -d "$out" | tar -tzf - | wc -l | xargs echo "  entries:"
else
  echo "  recipient mode: verify later with 'age -d -i <identity> $out | tar -tz | head'"
fi

cat > "$real_dest/${name%.tar.age}.README.txt" <<TXT
Encrypted credential backup from $(hostname -s), $(date -Is).
Restore:
  age -d $name | tar -xzpv -C ~
  chmod 700 ~/.ssh; chmod 600 ~/.ssh/id_* ~/.aws/credentials 2>/dev/null
The passphrase / identity is NOT stored on this drive.
TXT
echo "sha256: $(sha256sum "$out" 2>/dev/null | cut -d' ' -f1 || shasum -a 256 "$out" | cut -d' ' -f1)"
echo "done: $out"
