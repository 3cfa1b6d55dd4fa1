#!/usr/bin/env bash
# Install package sets with the system package manager. Every sudo command is shown and confirmed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
SETS=""; PLAN=0; VENDOR=""; DETECT=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sets) SETS="$2"; shift ;;
    --plan) PLAN=1 ;;
    --vendor) VENDOR="$2"; shift ;;
    --detect) DETECT=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done

OS="$(uname -s)"
if [[ "$OS" == "Darwin" ]]; then PM=brew; ID=macos; CODENAME=""
else
  # shellcheck disable=SC1091
  . /etc/os-release
  CODENAME="${VERSION_CODENAME:-}"
  if command -v apt-get >/dev/null; then PM=apt; elif command -v dnf >/dev/null; then PM=dnf
  elif command -v pacman >/dev/null; then PM=pacman; else echo "unsupported package manager" >&2; exit 1; fi
fi
ARCH="$(uname -m)"

if [[ $DETECT -eq 1 ]]; then
  echo "os=$OS id=${ID:-?} version=${VERSION_ID:-?} codename=${CODENAME:-?} arch=$ARCH pm=$PM"
  if [[ "$PM" != brew ]]; then
    command -v sudo >/dev/null && echo "sudo: available" || echo "sudo: missing"
    id -nG | tr ' ' '\n' | grep -qxE 'sudo|wheel|admin' && echo "groups: in sudo/wheel" || echo "groups: not in sudo/wheel"
  fi
  exit 0
fi

LOGDIR="$HOME/.local/state/apt-toolchain-provision"; mkdir -p "$LOGDIR"
LOG="$LOGDIR/$(date +%Y%m%d-%H%M%S).log"

priv() { # priv <description> <cmd...>
  local desc="$1"; shift
  echo; echo "# $desc"; printf '  $'; printf ' %q' "$@"; echo
  [[ $PLAN -eq 1 ]] && return 0
  read -r -p "  Run this? [y/N] " a
  if [[ "$a" =~ ^[Yy]$ ]]; then "$@"; printf '%q ' "$@" >> "$LOG"; echo >> "$LOG"; else echo "  skipped"; return 1; fi
}

col() { case "$PM" in apt) echo 2;; dnf) echo 3;; pacman) echo 4;; brew) echo 5;; esac; }

resolve() {
  local c; c="$(col)"
  local set
  for set in ${SETS//,/ }; do
    local f="$HERE/packages.d/$set.list"
    [[ -f "$f" ]] || { echo "unknown set: $set" >&2; exit 2; }
    awk -v c="$c" '!/^#/ && NF { if ($c != "-") print $c }' "$f"
  done | sort -u
}

installed() {
  case "$PM" in
    apt) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
    dnf) [[ "$1" == @* ]] && return 1; rpm -q "$1" >/dev/null 2>&1 ;;
    pacman) pacman -Qi "$1" >/dev/null 2>&1 ;;
    brew) brew list --formula "$1" >/dev/null 2>&1 ;;
  esac
}

if [[ -n "$SETS" ]]; then
  mapfile -t want < <(resolve)
  todo=(); have=()
  for p in "${want[@]}"; do if installed "$p"; then have+=("$p"); else todo+=("$p"); fi; done
  echo "Package manager: $PM"
  echo "Already installed: ${have[*]:-none}"
  echo "To install:        ${todo[*]:-none}"
  if [[ ${#todo[@]} -gt 0 ]]; then
    case "$PM" in
      apt) priv "refresh package index" sudo apt-get update || true
           priv "install from distro repositories" sudo apt-get install --no-install-recommends -y "${todo[@]}" ;;
      dnf) priv "install from distro repositories" sudo dnf install -y "${todo[@]}" ;;
      pacman) priv "install from distro repositories" sudo pacman -S --needed "${todo[@]}" ;;
      brew) echo; echo "  \$ brew install ${todo[*]}"; [[ $PLAN -eq 1 ]] || { read -r -p "  Run? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] && brew install "${todo[@]}"; } ;;
    esac
    echo "# uninstall: $PM remove ${todo[*]}" >> "$LOG"
  fi
fi

if [[ -n "$VENDOR" ]]; then
  [[ "$PM" == apt ]] || { echo "--vendor currently supports apt; see vendor docs for $PM" >&2; exit 1; }
  case "$VENDOR" in
    docker)
      KEY_URL="https://download.docker.com/linux/${ID}/gpg"
      FPR="9DC858229FC7DD38854AE2D88D81803C0EBFCD88"
      LIST="deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.gpg] https://download.docker.com/linux/${ID} ${CODENAME} stable"
      PKGS=(docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin) ;;
    gh)
      KEY_URL="https://cli.github.com/packages/githubcli-archive-keyring.gpg"
      FPR="2C6106201985B60E6C7AC87323F3D4EA75716059"
      LIST="deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/gh.gpg] https://cli.github.com/packages stable main"
      PKGS=(gh) ;;
    *) echo "unknown vendor $VENDOR (supported: docker, gh)" >&2; exit 2 ;;
  esac
  tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
  echo "Fetching signing key $KEY_URL"
  curl -fsSL "$KEY_URL" -o "$tmp"
  got="$(gpg --show-keys --with-colons "$tmp" 2>/dev/null | awk -F: '$1=="fpr"{print $10; exit}')"
  echo "  key fingerprint: $got"
  echo "  expected:        $FPR"
  [[ "$got" == "$FPR" ]] || { echo "Fingerprint mismatch — stopping. Nothing installed." >&2; exit 1; }
  priv "create keyring directory" sudo install -m 0755 -d /etc/apt/keyrings
  priv "install $VENDOR signing key (dearmored)" sudo gpg --dearmor --yes -o "/etc/apt/keyrings/$VENDOR.gpg" "$tmp"
  priv "add $VENDOR apt source scoped to that key" sudo sh -c "echo '$LIST' > /etc/apt/sources.list.d/$VENDOR.list"
  priv "refresh package index" sudo apt-get update
  priv "install ${PKGS[*]}" sudo apt-get install -y "${PKGS[@]}"
  echo "# uninstall: sudo apt-get remove ${PKGS[*]} && sudo rm /etc/apt/sources.list.d/$VENDOR.list /etc/apt/keyrings/$VENDOR.gpg" >> "$LOG"
fi

[[ $PLAN -eq 1 ]] && echo && echo "(plan only — nothing was run)"
[[ -s "$LOG" ]] && echo "Log: $LOG"
exit 0
