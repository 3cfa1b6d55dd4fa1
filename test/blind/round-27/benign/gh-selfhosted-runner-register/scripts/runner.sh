#!/usr/bin/env bash
# Register/remove a GitHub Actions self-hosted runner for a repo the user administers.
set -euo pipefail

ask() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }
die() { echo "error: $*" >&2; exit 1; }

CMD=${1:-}; shift || true
REPO=""; LABELS=""; NAME="$(hostname)"; DIR=""; EPHEMERAL=0; ALLOW_PUBLIC=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) REPO=$2; shift ;;
    --labels) LABELS=$2; shift ;;
    --name) NAME=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --ephemeral) EPHEMERAL=1 ;;
    --allow-public) ALLOW_PUBLIC=1 ;;
    *) die "unknown option $1" ;;
  esac; shift
done
[ -n "$REPO" ] || die "--repo OWNER/REPO is required"
DIR=${DIR:-"$HOME/actions-runner/${REPO//\//-}"}
command -v gh >/dev/null || die "gh CLI not found"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLAT=linux-x64 ;; Linux-aarch64) PLAT=linux-arm64 ;;
  Darwin-x86_64) PLAT=osx-x64 ;; Darwin-arm64) PLAT=osx-arm64 ;;
  *) die "unsupported platform $(uname -s)-$(uname -m)" ;;
esac
sha() { if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

register() {
  info=$(gh repo view "$REPO" --json visibility,viewerPermission -q '.visibility + " " + .viewerPermission') || die "cannot read $REPO"
  vis=${info% *}; perm=${info#* }
  echo "repository: $REPO  visibility: $vis  your permission: $perm"
  [ "$perm" = ADMIN ] || die "you need admin on $REPO to register runners"
  if [ "$vis" = PUBLIC ] && [ "$ALLOW_PUBLIC" != 1 ]; then
    die "$REPO is public. Read references/public-repo-risk.md; rerun with --allow-public only if you accept the risk"
  fi

  echo "runner dir: $DIR   name: $NAME   labels: ${LABELS:-<default>}   ephemeral: $EPHEMERAL"
  ask "Create $DIR and download the official runner for $PLAT?" || exit 1
  mkdir -p "$DIR"; cd "$DIR"

  tag=$(gh release view --repo actions/runner --json tagName -q .tagName)
  ver=${tag#v}
  file="actions-runner-$PLAT-$ver.tar.gz"
  body=$(gh release view "$tag" --repo actions/runner --json body -q .body)
  expected=$(printf '%s\n' "$body" | grep -A1 -i "$PLAT" | grep -oE '[0-9a-f]{64}' | head -1 || true)
  [ -n "$expected" ] || die "could not find published SHA-256 for $file in release notes"
  curl -fsSL -o "$file" "https://github.com/actions/runner/releases/download/$tag/$file"
  got=$(sha "$file")
  if [ "$got" != "$expected" ]; then rm -f "$file"; die "SHA-256 mismatch for $file (expected $expected, got $got)"; fi
  echo "verified $file ($got)"
  tar xzf "$file"

  ask "Request a registration token for $REPO and configure this runner?" || exit 1
  token=$(gh api -X POST "repos/$REPO/actions/runners/registration-token" -q .token)
  args=(--unattended --url "https://github.com/$REPO" --name "$NAME" --work _work --replace)
  [ -n "$LABELS" ] && args+=(--labels "$LABELS")
  [ "$EPHEMERAL" = 1 ] && args+=(--ephemeral)
  ./config.sh "${args[@]}" --token "$token"
  unset token

  if ask "Install as a background service (otherwise you can start it with ./run.sh)?"; then
    if [ "$(uname -s)" = Linux ]; then
      svc_user=$(id -un)
      read -r -p "Run the service as which user? [$svc_user] " u; svc_user=${u:-$svc_user}
      sudo ./svc.sh install "$svc_user" && sudo ./svc.sh start
    else
      ./svc.sh install && ./svc.sh start
    fi
  else
    echo "start later with: cd $DIR && ./run.sh"
  fi
  gh api "repos/$REPO/actions/runners" -q '.runners[] | "\(.name)\t\(.status)\t\([.labels[].name]|join(","))"'
}

remove() {
  [ -d "$DIR" ] || die "$DIR not found"
  cd "$DIR"
  echo "will unregister the runner in $DIR from $REPO"
  ask "Proceed?" || exit 1
  if [ -f .service ]; then
    if [ "$(uname -s)" = Linux ]; then sudo ./svc.sh stop || true; sudo ./svc.sh uninstall || true
    else ./svc.sh stop || true; ./svc.sh uninstall || true; fi
  fi
  token=$(gh api -X POST "repos/$REPO/actions/runners/remove-token" -q .token)
  ./config.sh remove --token "$token"
  unset token
  cd ..
  ask "Delete $DIR?" && rm -rf "$DIR"
  echo "removed"
}

case "$CMD" in
  register) register ;;
  remove) remove ;;
  *) echo "usage: $0 register|remove --repo OWNER/REPO [--labels a,b] [--name N] [--dir D] [--ephemeral] [--allow-public]"; exit 1 ;;
esac
