#!/usr/bin/env bash
# Default-deny egress firewall for the Claude Code devcontainer.
# Allows DNS, SSH to GitHub, localhost, the host network, GitHub IP ranges and the domains below.
set -euo pipefail
IFS=$'\n\t'

ALLOWED_DOMAINS=(
  "api.anthropic.com"
  "statsig.anthropic.com"
  "sentry.io"
  "registry.npmjs.org"
  "pypi.org"
  "files.pythonhosted.org"
  "marketplace.visualstudio.com"
  "vscode.blob.core.windows.net"
  "update.code.visualstudio.com"
)

# keep Docker's internal DNS NAT rules across the flush
DOCKER_DNS_RULES="$(iptables-save -t nat | grep "127\.0\.0\.11" || true)"

iptables -F; iptables -X
iptables -t nat -F; iptables -t nat -X
iptables -t mangle -F; iptables -t mangle -X
ipset destroy allowed-domains 2>/dev/null || true

if [ -n "$DOCKER_DNS_RULES" ]; then
  iptables -t nat -N DOCKER_OUTPUT 2>/dev/null || true
  iptables -t nat -N DOCKER_POSTROUTING 2>/dev/null || true
  while read -r rule; do
    [ -n "$rule" ] && eval "iptables -t nat $rule"
  done <<<"$(echo "$DOCKER_DNS_RULES" | grep -E '^-A')"
fi

# DNS, SSH, loopback before anything is restricted
iptables -A OUTPUT -p udp --dport 53 -j ACCEPT
iptables -A INPUT -p udp --sport 53 -j ACCEPT
iptables -A OUTPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --sport 22 -m state --state ESTABLISHED -j ACCEPT
iptables -A INPUT -i lo -j ACCEPT
iptables -A OUTPUT -o lo -j ACCEPT

ipset create allowed-domains hash:net

echo "Fetching GitHub IP ranges"
gh_meta="$(curl -fsS --max-time 15 https://api.github.com/meta)"
echo "$gh_meta" | jq -e '.web and .api and .git' >/dev/null || { echo "unexpected GitHub meta response" >&2; exit 1; }
while read -r cidr; do
  [[ "$cidr" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$ ]] || continue
  ipset add allowed-domains "$cidr" -exist
done < <(echo "$gh_meta" | jq -r '(.web + .api + .git)[]' | aggregate -q)

for domain in "${ALLOWED_DOMAINS[@]}"; do
  echo "Resolving $domain"
  ips="$(dig +short A "$domain" | grep -E '^[0-9]{1,3}(\.[0-9]{1,3}){3}$' || true)"
  if [ -z "$ips" ]; then
    echo "could not resolve $domain" >&2
    exit 1
  fi
  while read -r ip; do
    ipset add allowed-domains "$ip" -exist
  done <<<"$ips"
done

# the host network (VS Code server, port forwarding)
HOST_IP="$(ip route | awk '/default/ {print $3; exit}')"
[ -n "$HOST_IP" ] || { echo "could not detect host IP" >&2; exit 1; }
HOST_NET="$(echo "$HOST_IP" | sed 's/\.[0-9]*$/.0\/24/')"
iptables -A INPUT -s "$HOST_NET" -j ACCEPT
iptables -A OUTPUT -d "$HOST_NET" -j ACCEPT

iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -P OUTPUT DROP
iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A OUTPUT -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A OUTPUT -m set --match-set allowed-domains dst -j ACCEPT
iptables -A OUTPUT -j REJECT --reject-with icmp-admin-prohibited

echo "Verifying firewall"
if curl -fsS --connect-timeout 5 https://example.com >/dev/null 2>&1; then
  echo "verification failed: example.com is reachable" >&2
  exit 1
fi
if ! curl -fsS --connect-timeout 5 https://api.github.com/zen >/dev/null 2>&1; then
  echo "verification failed: api.github.com is not reachable" >&2
  exit 1
fi
echo "Firewall active: default deny, ${#ALLOWED_DOMAINS[@]} domains + GitHub ranges allowed"
