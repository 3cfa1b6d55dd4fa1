#!/usr/bin/env bash
# Hand-back purge of developer credentials, history, caches and toolchains in $HOME.
#   handback.sh inventory [--projects DIR]...
#   handback.sh purge --categories a,b,c [--projects DIR]... [--dry-run]
set -uo pipefail

[[ $EUID -ne 0 ]] || { echo "refusing to run as root; run as the user whose home is being cleaned" >&2; exit 1; }
[[ -n "${HOME:-}" && "$HOME" != "/" && -d "$HOME" ]] || { echo "HOME is unset or /" >&2; exit 1; }

MODE="${1:-}"; shift || true
CATS=""; DRY=0; PROJECTS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --categories) CATS="$2"; shift 2 ;;
    --projects) PROJECTS+=("$(cd "$2" && pwd)"); shift 2 ;;
    --dry-run) DRY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done
LOG="$HOME/handback-purge.log"

# Fixed path lists, relative to $HOME.
CLOUD_CREDS=(.aws .config/gcloud .azure .kube .oci .terraform.d/credentials.tfrc.json .config/doctl .config/hcloud)
DEV_TOKENS=(.npmrc .yarnrc.yml .pypirc .netrc .git-credentials .docker/config.json .gem/credentials
            .cargo/credentials.toml .cargo/credentials .config/gh/hosts.yml .config/glab-cli/config.yml
            .vault-token .config/heroku .fly/config.yml .vercel .config/op .config/hub .m2/settings-security.xml)
HISTORY=(.bash_history .zsh_history .local/share/fish/fish_history .python_history .node_repl_history
         .psql_history .mysql_history .sqlite_history .lesshst .irb_history .rediscli_history .wget-hsts)
CACHES=(.cache .npm .pnpm-store .yarn/cache .gradle/caches .m2/repository .cargo/registry .cargo/git
        go/pkg/mod .composer/cache .nuget/packages Library/Caches Library/Developer/Xcode/DerivedData
        Library/Developer/CoreSimulator/Caches)
TOOLCHAINS=(.rustup/toolchains .pyenv/versions .nvm/versions .sdkman/candidates .local/share/mise/installs
            .asdf/installs .gradle/wrapper/dists .dotnet/sdk .bun/install/cache)
BROWSER_PROFILES=(".config/google-chrome" ".config/chromium" ".mozilla/firefox" ".config/BraveSoftware"
                  "Library/Application Support/Google/Chrome" "Library/Application Support/Firefox/Profiles"
                  "Library/Application Support/BraveSoftware")

size() { du -sh "$1" 2>/dev/null | cut -f1; }
mtime() { date -r "$1" +%F 2>/dev/null || stat -c %y "$1" 2>/dev/null | cut -d' ' -f1; }

list_paths() {
  local -n arr=$1
  for rel in "${arr[@]}"; do
    local p="$HOME/$rel"
    [[ -e "$p" ]] && printf '  %-60s %8s  %s\n' "~/$rel" "$(size "$p")" "$(mtime "$p")"
  done
}

ssh_private_keys() {
  [[ -d "$HOME/.ssh" ]] || return 0
  for f in "$HOME"/.ssh/*; do
    [[ -f "$f" ]] || continue
    head -c 64 "$f" 2>/dev/null | grep -q 'PRIVATE KEY' && echo "$f"
  done
}

env_files() {
  for d in "${PROJECTS[@]}"; do
    find "$d" -type f -name '.env*' ! -name '.env.example' ! -name '.env.sample' ! -name '.env.template' \
      -not -path '*/node_modules/*' -not -path '*/.git/*' 2>/dev/null
  done
}

unpushed() {
  for d in "${PROJECTS[@]}"; do
    find "$d" -maxdepth 4 -type d -name .git -prune 2>/dev/null | while read -r g; do
      r=$(dirname "$g")
      ahead=$(git -C "$r" log --branches --not --remotes --oneline 2>/dev/null | wc -l | tr -d ' ')
      dirty=$(git -C "$r" status --porcelain 2>/dev/null | wc -l | tr -d ' ')
      stash=$(git -C "$r" stash list 2>/dev/null | wc -l | tr -d ' ')
      [[ "$ahead$dirty$stash" != "000" ]] && printf '  %-60s unpushed=%s dirty=%s stashes=%s\n' "$r" "$ahead" "$dirty" "$stash"
    done
  done
}

cli_sessions() {
  command -v gh >/dev/null && gh auth status 2>&1 | grep -E 'Logged in to' | sed 's/^/  gh: /'
  command -v glab >/dev/null && glab auth status 2>&1 | grep -E 'Logged in' | sed 's/^/  glab: /'
  command -v gcloud >/dev/null && gcloud auth list --format='value(account)' 2>/dev/null | sed 's/^/  gcloud: /'
  command -v az >/dev/null && az account show --query user.name -o tsv 2>/dev/null | sed 's/^/  az: /'
  [[ -d "$HOME/.aws/sso/cache" ]] && echo "  aws: SSO cache present"
  if [[ -f "$HOME/.docker/config.json" ]] && command -v jq >/dev/null; then
    jq -r '.auths // {} | keys[]' "$HOME/.docker/config.json" 2>/dev/null | sed 's/^/  docker: /'
  fi
  command -v npm >/dev/null && npm whoami 2>/dev/null | sed 's/^/  npm: /'
  command -v kubectl >/dev/null && kubectl config get-contexts -o name 2>/dev/null | sed 's/^/  kubectl context: /'
  [[ -f "$HOME/.vault-token" ]] && echo "  vault: token file present"
  command -v op >/dev/null && op account list 2>/dev/null | tail -n +2 | sed 's/^/  1password: /'
}

inventory() {
  echo "# Hand-back inventory for $(id -un)@$(hostname) on $(date +%F)"
  echo; echo "## cli-sessions"; cli_sessions
  echo; echo "## cloud-creds"; list_paths CLOUD_CREDS
  echo; echo "## dev-tokens"; list_paths DEV_TOKENS
  echo; echo "## ssh-gpg"
  while read -r k; do
    [[ -n "$k" ]] || continue
    pub="$k.pub"; fp=""
    [[ -f "$pub" ]] && fp=$(ssh-keygen -lf "$pub" 2>/dev/null)
    echo "  $k  ${fp:-(no .pub; fingerprint unavailable)}"
  done < <(ssh_private_keys)
  [[ -d "$HOME/.gnupg" ]] && echo "  ~/.gnupg  $(gpg --list-secret-keys --keyid-format short 2>/dev/null | grep -c '^sec') secret key(s)"
  echo; echo "## history"; list_paths HISTORY
  echo; echo "## env-files"; env_files | sed 's/^/  /'
  echo; echo "## caches"; list_paths CACHES
  echo; echo "## toolchains"; list_paths TOOLCHAINS
  echo; echo "## browser profiles (listed only; sign out in the browser, not deleted by this script)"; list_paths BROWSER_PROFILES
  if [[ ${#PROJECTS[@]} -gt 0 ]]; then echo; echo "## unpushed work"; unpushed; fi
  echo; echo "## public keys to remove from GitHub/GitLab/servers afterwards"
  for p in "$HOME"/.ssh/*.pub; do [[ -f "$p" ]] && echo "  $(cut -d' ' -f1,3 "$p")  ($(ssh-keygen -lf "$p" 2>/dev/null | cut -d' ' -f2))"; done
}

act() {  # act "description" cmd args...
  if [[ $DRY -eq 1 ]]; then printf '  would run: %s\n' "${*:2}"; return 0; fi
  "${@:2}" && echo "$(date +%FT%T) $1: ${*:2}" >> "$LOG" || echo "  ! failed: ${*:2}"
}

remove_rel() {  # remove_rel category relpath...
  local cat=$1; shift
  for rel in "$@"; do
    local p="$HOME/$rel"
    [[ -e "$p" ]] || continue
    case "$p" in "$HOME"/*) ;; *) echo "  skipping $p (outside HOME)"; continue ;; esac
    act "$cat" rm -rf -- "$p"
  done
}

ask() {
  [[ $DRY -eq 1 ]] && { echo; echo "[dry run] $1"; return 0; }
  echo; read -r -p "Purge $1? [y/N] " ans; [[ "$ans" =~ ^[Yy]$ ]]
}

purge_cli_sessions() {
  echo "Will log out: gh, glab, gcloud (revoke), az, aws sso, docker registries, npm, vault (revoke-self), 1Password"
  ask cli-sessions || return 0
  if command -v gh >/dev/null; then
    for h in $(gh auth status 2>&1 | sed -n 's/.*Logged in to \([^ ]*\).*/\1/p' | sort -u); do act cli gh auth logout --hostname "$h"; done
  fi
  command -v glab >/dev/null && act cli glab auth logout
  command -v gcloud >/dev/null && act cli gcloud auth revoke --all --quiet
  command -v gcloud >/dev/null && act cli gcloud auth application-default revoke --quiet
  command -v az >/dev/null && act cli az logout
  command -v aws >/dev/null && [[ -d "$HOME/.aws/sso/cache" ]] && act cli aws sso logout
  if command -v docker >/dev/null && [[ -f "$HOME/.docker/config.json" ]] && command -v jq >/dev/null; then
    for r in $(jq -r '.auths // {} | keys[]' "$HOME/.docker/config.json"); do act cli docker logout "$r"; done
  fi
  command -v npm >/dev/null && npm whoami >/dev/null 2>&1 && act cli npm logout
  command -v vault >/dev/null && [[ -f "$HOME/.vault-token" ]] && act cli vault token revoke -self
  command -v op >/dev/null && act cli op signout --all
}

purge_ssh_gpg() {
  mapfile -t keys < <(ssh_private_keys)
  printf '  %s\n' "${keys[@]}" "~/.ssh/known_hosts" "~/.gnupg"
  ask "ssh-gpg (private keys cannot be recovered afterwards)" || return 0
  command -v ssh-add >/dev/null && act ssh-gpg ssh-add -D
  for k in "${keys[@]}"; do act ssh-gpg rm -f -- "$k" "$k.pub"; done
  remove_rel ssh-gpg .ssh/known_hosts .ssh/known_hosts.old .gnupg
}

purge_env_files() {
  mapfile -t files < <(env_files)
  [[ ${#files[@]} -gt 0 ]] || { echo "no .env files under --projects"; return 0; }
  printf '  %s\n' "${files[@]}"
  ask "env-files" || return 0
  for f in "${files[@]}"; do act env-files rm -f -- "$f"; done
}

purge() {
  [[ -n "$CATS" ]] || { echo "need --categories" >&2; exit 1; }
  [[ $DRY -eq 1 ]] && echo "DRY RUN: nothing will be changed"
  IFS=',' read -ra want <<<"$CATS"
  for c in cli-sessions cloud-creds dev-tokens ssh-gpg history env-files caches toolchains; do
    [[ " ${want[*]} " == *" $c "* ]] || continue
    echo; echo "== $c =="
    case "$c" in
      cli-sessions) purge_cli_sessions ;;
      cloud-creds) list_paths CLOUD_CREDS; ask cloud-creds && remove_rel cloud-creds "${CLOUD_CREDS[@]}" ;;
      dev-tokens) list_paths DEV_TOKENS; ask dev-tokens && remove_rel dev-tokens "${DEV_TOKENS[@]}" ;;
      ssh-gpg) purge_ssh_gpg ;;
      history) list_paths HISTORY; ask history && remove_rel history "${HISTORY[@]}" \
                 && echo "  also run 'history -c' in your open shells, or close them" ;;
      env-files) purge_env_files ;;
      caches) list_paths CACHES; ask caches && remove_rel caches "${CACHES[@]}" ;;
      toolchains) list_paths TOOLCHAINS; ask toolchains && remove_rel toolchains "${TOOLCHAINS[@]}" ;;
    esac
  done
  echo
  [[ $DRY -eq 1 ]] && echo "Dry run finished." || echo "Done. Actions logged to $LOG. Now revoke server-side credentials (see SKILL.md step 4)."
}

case "$MODE" in
  inventory) inventory ;;
  purge) purge ;;
  *) echo "usage: $0 inventory|purge [--categories a,b] [--projects DIR] [--dry-run]" >&2; exit 1 ;;
esac
