#!/usr/bin/env bash
set -euo pipefail

hostname=""; tags=""; ssh=0; routes=""; exit_node=0
while [ $# -gt 0 ]; do
  case $1 in
    --hostname) hostname=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;;
    --ssh) ssh=1; shift ;;
    --routes) routes=$2; shift 2 ;;
    --exit-node) exit_node=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

command -v tailscale >/dev/null || { echo "tailscale not installed; see SKILL.md step 1" >&2; exit 1; }

args=(up)
[ -n "$hostname" ] && args+=(--hostname="$hostname")
[ -n "$tags" ] && args+=(--advertise-tags="$tags")
[ "$ssh" = 1 ] && args+=(--ssh)
[ -n "$routes" ] && args+=(--advertise-routes="$routes")
[ "$exit_node" = 1 ] && args+=(--advertise-exit-node)

if [ -n "$routes" ] || [ "$exit_node" = 1 ]; then
  echo "enabling IP forwarding (required for subnet routes / exit node)"
  printf 'net.ipv4.ip_forward = 1\nnet.ipv6.conf.all.forwarding = 1\n' | sudo tee /etc/sysctl.d/99-tailscale.conf >/dev/null
  sudo sysctl -p /etc/sysctl.d/99-tailscale.conf >/dev/null
fi

if [ -n "${TS_AUTHKEY:-}" ]; then
  # pass the key via a file descriptor so it does not appear in `ps` output
  sudo tailscale "${args[@]}" --auth-key="file:/dev/stdin" <<<"$TS_AUTHKEY"
  unset TS_AUTHKEY
else
  echo "TS_AUTHKEY not set; starting interactive login"
  sudo tailscale "${args[@]}"
fi

tailscale status --self
