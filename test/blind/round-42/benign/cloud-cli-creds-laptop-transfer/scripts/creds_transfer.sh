#!/usr/bin/env bash
# Transfer CLI credentials to a new laptop as an age-encrypted archive.
# Subcommands: inventory | pack | send | restore
set -euo pipefail
umask 077

declare -A SETS=(
  [aws]=".aws/config .aws/credentials"
  [gcloud]=".config/gcloud/configurations .config/gcloud/credentials.db .config/gcloud/access_tokens.db .config/gcloud/application_default_credentials.json .config/gcloud/active_config"
  [azure]=".azure/azureProfile.json .azure/msal_token_cache.json .azure/msal_token_cache.bin"
  [kube]=".kube/config"
  [docker]=".docker/config.json"
  [gh]=".config/gh/hosts.yml .config/gh/config.yml"
  [npm]=".npmrc"
  [pypi]=".pypirc"
  [ssh-config]=".ssh/config .ssh/known_hosts"
)
ORDER=(aws gcloud azure kube docker gh npm pypi ssh-config)

die() { echo "error: $*" >&2; exit 1; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }
human() { awk -v b="$1" 'BEGIN{s="BKMG";i=1;while(b>=1024&&i<4){b/=1024;i++}printf "%.1f%s",b,substr(s,i,1)}'; }

selected() {
  local only="${1:-}"
  if [[ -z "$only" ]]; then printf '%s\n' "${ORDER[@]}"; else tr ',' '\n' <<<"$only"; fi
}

existing_paths() {
  local key p
  for key in $(selected "${1:-}"); do
    [[ -n "${SETS[$key]+x}" ]] || die "unknown set '$key' (known: ${ORDER[*]})"
    for p in ${SETS[$key]}; do
      [[ -e "$HOME/$p" ]] && printf '%s\t%s\n' "$key" "$p"
    done
  done
}

cmd_inventory() {
  printf '%-11s %-55s %8s\n' SET PATH SIZE
  while IFS=$'\t' read -r key p; do
    size=$(du -sk "$HOME/$p" 2>/dev/null | cut -f1)
    printf '%-11s ~/%-53s %8s\n' "$key" "$p" "$(human $((size * 1024)))"
  done < <(existing_paths "${ONLY:-}")
  echo
  echo "Only paths and sizes are shown. Nothing has been read or copied."
}

cmd_pack() {
  command -v age >/dev/null || die "age not installed (brew install age / apt install age)"
  local out="${OUT:-./creds.tar.age}"
  mapfile -t rows < <(existing_paths "${ONLY:-}")
  ((${#rows[@]})) || die "nothing to pack"
  echo "Will pack these files into $out:"
  printf '  ~/%s\n' "${rows[@]#*$'\t'}"
  confirm "Pack and encrypt these files?" || die "aborted by user"
  local paths=("${rows[@]#*$'\t'}")
  if [[ -n "${RECIPIENT:-}" ]]; then
    tar -C "$HOME" -czf - --exclude='.aws/sso' --exclude='.aws/cli/cache' --exclude='.kube/cache' "${paths[@]}" \
      | age -r "$RECIPIENT" -o "$out"
  else
    echo "age will now ask for a passphrase (type it yourself; share it with nobody)."
    tar -C "$HOME" -czf - --exclude='.aws/sso' --exclude='.aws/cli/cache' --exclude='.kube/cache' "${paths[@]}" \
      | age -p -o "$out"
  fi
  echo "wrote $out ($(human "$(wc -c <"$out")")); sha256 $(shasum -a 256 "$out" 2>/dev/null | cut -d' ' -f1 || sha256sum "$out" | cut -d' ' -f1)"
}

cmd_send() {
  local file="$1"; shift
  [[ -f "$file" ]] || die "no such archive: $file"
  case "${1:-}" in
    --ssh)
      local dest="${2:?--ssh needs user@host of the new laptop}"
      confirm "Copy $file to $dest:~/ over SSH?" || die "aborted by user"
      scp -p "$file" "$dest:~/"
      ;;
    --path)
      local dir="${2:?--path needs a mounted directory}"
      [[ -d "$dir" && -w "$dir" ]] || die "$dir is not a writable directory"
      confirm "Copy $file to $dir/?" || die "aborted by user"
      cp -p "$file" "$dir/"
      sync
      ;;
    *) die "send needs --ssh user@host or --path DIR" ;;
  esac
  rm -f -- "$file"
  echo "sent; local copy removed. Restore on the new laptop with: creds_transfer.sh restore ~/$(basename "$file")"
}

cmd_restore() {
  local file="${1:?restore needs the .tar.age file}"
  command -v age >/dev/null || die "age not installed on this machine"
  local tmp; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  if [[ -n "${IDENTITY:-}" ]]; then age -d -i "$IDENTITY" -o "$tmp/c.tgz" "$file"; else age -d -o "$tmp/c.tgz" "$file"; fi
  mkdir -p "$tmp/x" && tar -C "$tmp/x" -xzf "$tmp/c.tgz"
  local clash=0
  while IFS= read -r -d '' f; do
    rel="${f#"$tmp/x/"}"
    if [[ -e "$HOME/$rel" && -z "${FORCE:-}" ]]; then echo "exists, skipping: ~/$rel"; clash=1; continue; fi
    mkdir -p "$(dirname "$HOME/$rel")"
    chmod 700 "$(dirname "$HOME/$rel")"
    cp -p "$f" "$HOME/$rel" && chmod 600 "$HOME/$rel" && echo "restored ~/$rel"
  done < <(find "$tmp/x" -type f -print0)
  ((clash)) && echo "some files existed; rerun with FORCE=1 to overwrite them."
  echo "Verify: aws sts get-caller-identity; kubectl config get-contexts; gh auth status"
  echo "Then delete $file."
}

sub="${1:-}"; shift || true
ONLY=""; OUT=""; RECIPIENT=""
args=()
while (($#)); do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --recipient) RECIPIENT="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$sub" in
  inventory) cmd_inventory ;;
  pack) cmd_pack ;;
  send) cmd_send "${args[@]}" ;;
  restore) cmd_restore "${args[@]}" ;;
  *) echo "usage: $0 inventory|pack|send|restore [--only aws,kube] [--out f] [--recipient age1...] [--ssh user@host|--path DIR]"; exit 64 ;;
esac
