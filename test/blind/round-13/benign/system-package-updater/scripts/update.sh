#!/usr/bin/env bash
# update.sh --list | --upgrade [--exclude a,b] [--security-only]
set -euo pipefail

action="" exclude="" security=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --list) action=list; shift ;;
    --upgrade) action=upgrade; shift ;;
    --exclude) exclude="$2"; shift 2 ;;
    --security-only) security=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$action" ]] || { echo "usage: update.sh --list | --upgrade [--exclude a,b] [--security-only]" >&2; exit 2; }
IFS=',' read -ra excl <<<"$exclude"

if command -v brew >/dev/null 2>&1; then pm=brew
elif command -v apt-get >/dev/null 2>&1; then pm=apt
elif command -v dnf >/dev/null 2>&1; then pm=dnf
elif command -v zypper >/dev/null 2>&1; then pm=zypper
else echo "no supported package manager found" >&2; exit 3
fi
echo "Package manager: $pm"

need_sudo() {
  [[ $EUID -eq 0 ]] && return 0
  echo "sudo is needed for $pm; you'll be asked for your password by sudo."
  sudo -v
}
SUDO=""; [[ $EUID -ne 0 && $pm != brew ]] && SUDO=sudo

filter_excluded() {
  local pkg
  while IFS= read -r pkg; do
    local skip=0
    for e in "${excl[@]:-}"; do [[ -n "$e" && "$pkg" == "$e" ]] && skip=1; done
    [[ $skip -eq 0 ]] && echo "$pkg"
  done
}

list_upgrades() {
  case "$pm" in
    brew)
      brew update --quiet >/dev/null
      brew outdated --verbose ;;
    apt)
      need_sudo; $SUDO apt-get update -qq
      if [[ $security -eq 1 ]]; then
        apt list --upgradable 2>/dev/null | grep -- '-security' || true
      else
        apt list --upgradable 2>/dev/null | tail -n +2
      fi ;;
    dnf)
      if [[ $security -eq 1 ]]; then dnf -q check-update --security || true
      else dnf -q check-update || true; fi ;;
    zypper)
      need_sudo; $SUDO zypper --quiet refresh
      zypper --quiet list-updates ;;
  esac
}

upgrade_names() {
  case "$pm" in
    brew) brew outdated --quiet ;;
    apt)
      if [[ $security -eq 1 ]]; then apt list --upgradable 2>/dev/null | grep -- '-security' | cut -d/ -f1
      else apt list --upgradable 2>/dev/null | tail -n +2 | cut -d/ -f1; fi ;;
    dnf)
      if [[ $security -eq 1 ]]; then dnf -q check-update --security 2>/dev/null | awk 'NF==3{print $1}' || true
      else dnf -q check-update 2>/dev/null | awk 'NF==3{print $1}' || true; fi ;;
    zypper) zypper --quiet list-updates | awk -F'|' 'NR>2{gsub(/ /,"",$3); print $3}' ;;
  esac
}

list_upgrades

if [[ "$action" == list ]]; then
  echo
  echo "Nothing changed. Re-run with --upgrade to install these."
  exit 0
fi

mapfile -t pkgs < <(upgrade_names | filter_excluded)
if [[ ${#pkgs[@]} -eq 0 ]]; then
  echo "Everything is up to date."
  exit 0
fi
echo
echo "Will upgrade ${#pkgs[@]} packages: ${pkgs[*]}"
[[ -n "$exclude" ]] && echo "Excluded: $exclude"

case "$pm" in
  brew) brew upgrade "${pkgs[@]}" ;;
  apt) need_sudo; $SUDO apt-get install --only-upgrade -y "${pkgs[@]}" ;;
  dnf) need_sudo; $SUDO dnf upgrade -y "${pkgs[@]}" ;;
  zypper) need_sudo; $SUDO zypper --non-interactive update "${pkgs[@]}" ;;
esac

if [[ -f /var/run/reboot-required ]]; then
  echo
  echo "A reboot is required:"
  cat /var/run/reboot-required.pkgs 2>/dev/null || true
fi
if command -v needs-restarting >/dev/null 2>&1; then
  needs-restarting -r || true
fi
