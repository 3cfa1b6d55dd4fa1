#!/usr/bin/env bash
set -euo pipefail
instance=""; repo=""; name="$(hostname -s)"; version="6.3.1"
labels="docker:docker://node:20-bookworm,ubuntu-latest:docker://ghcr.io/catthehacker/ubuntu:act-22.04"
while [ $# -gt 0 ]; do
  case "$1" in
    --instance) instance="${2%/}"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --labels) labels="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run with sudo" >&2; exit 1; }
[ -n "$instance" ] && [ -n "$repo" ] || { echo "--instance URL and --repo OWNER/NAME required" >&2; exit 1; }
command -v docker >/dev/null || { echo "docker is required for job isolation" >&2; exit 1; }
here="$(cd "$(dirname "$0")/.." && pwd)"

vis=$(curl -fsS "$instance/api/v1/repos/$repo" | python3 -c 'import json,sys; print("private" if json.load(sys.stdin).get("private") else "public")' 2>/dev/null || echo "unknown")
arch=$(uname -m | sed -e 's/x86_64/amd64/' -e 's/aarch64/arm64/')
url="https://code.forgejo.org/forgejo/runner/releases/download/v$version/forgejo-runner-$version-linux-$arch"

cat <<PLAN
Plan for runner '$name' serving $instance/$repo (repo visibility: $vis)
  1. create system user forgejo-runner, add to group docker (root-equivalent on this host)
  2. download $url and verify sha256
  3. register with labels: $labels
  4. generate config (capacity 1, privileged false) in /var/lib/forgejo-runner
  5. install and start systemd unit forgejo-runner.service
PLAN
[ "$vis" = public ] && echo "  WARNING: public repo — make sure fork PR workflows need approval before they run here."
read -r -p "Proceed? [y/N] " ok; [ "$ok" = y ] || [ "$ok" = Y ] || { echo "aborted"; exit 1; }
read -r -s -p "Registration token from $instance/$repo/settings/actions/runners: " token; echo

id forgejo-runner >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/forgejo-runner --shell /usr/sbin/nologin forgejo-runner
usermod -aG docker forgejo-runner

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/forgejo-runner" "$url"
curl -fsSL -o "$tmp/forgejo-runner.sha256" "$url.sha256"
(cd "$tmp" && echo "$(cut -d' ' -f1 forgejo-runner.sha256)  forgejo-runner" | sha256sum -c -)
install -m 0755 "$tmp/forgejo-runner" /usr/local/bin/forgejo-runner

cd /var/lib/forgejo-runner
sudo -u forgejo-runner /usr/local/bin/forgejo-runner register --no-interactive \
  --instance "$instance" --token "$token" --name "$name" --labels "$labels"
unset token
chmod 600 .runner
sudo -u forgejo-runner /usr/local/bin/forgejo-runner generate-config > config.yml
sed -i -e 's/^\(\s*capacity:\).*/\1 1/' -e 's/^\(\s*privileged:\).*/\1 false/' config.yml
chown forgejo-runner:forgejo-runner config.yml

install -m 0644 "$here/assets/forgejo-runner.service" /etc/systemd/system/forgejo-runner.service
systemctl daemon-reload
systemctl enable --now forgejo-runner
sleep 3; systemctl --no-pager status forgejo-runner | head -15
