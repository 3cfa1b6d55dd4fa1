#!/usr/bin/env bash
# Run a previously reviewed k3s installer file, after verifying its checksum.
set -euo pipefail

FILE="" EXPECTED="" VERSION="" USER_KUBECONFIG=0 TLS_SAN="" YES=0
DISABLE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --file) FILE="$2"; shift 2 ;;
    --sha256) EXPECTED="$2"; shift 2 ;;
    --version) VERSION="$2"; shift 2 ;;
    --disable) DISABLE+=("$2"); shift 2 ;;
    --tls-san) TLS_SAN="$2"; shift 2 ;;
    --user-kubeconfig) USER_KUBECONFIG=1; shift ;;
    --yes) YES=1; shift ;;
    -h|--help) echo "usage: $0 --file FILE --sha256 HASH [--version V] [--disable COMPONENT]... [--tls-san NAME] [--user-kubeconfig]"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$FILE" ] && [ -n "$EXPECTED" ] || { echo "--file and --sha256 are required" >&2; exit 2; }
[ -f "$FILE" ] || { echo "$FILE not found" >&2; exit 1; }

ACTUAL=$(sha256sum "$FILE" | cut -d' ' -f1)
if [ "$ACTUAL" != "$EXPECTED" ]; then
  echo "checksum mismatch: reviewed $EXPECTED, file is now $ACTUAL; fetch and review again" >&2
  exit 1
fi

EXEC="server"
for c in "${DISABLE[@]+"${DISABLE[@]}"}"; do
  case "$c" in
    traefik|servicelb|local-storage|metrics-server|coredns) EXEC="$EXEC --disable $c" ;;
    *) echo "unknown component to disable: $c" >&2; exit 2 ;;
  esac
done
[ -n "$TLS_SAN" ] && EXEC="$EXEC --tls-san $TLS_SAN"

echo "about to run as root on $(hostname):"
echo "  INSTALL_K3S_VERSION=${VERSION:-<stable channel>}"
echo "  INSTALL_K3S_EXEC=\"$EXEC\""
echo "  sh $FILE"
if [ "$YES" -ne 1 ]; then
  read -r -p "Proceed? [y/N] " ans
  case "$ans" in y|Y|yes) ;; *) echo "cancelled"; exit 1 ;; esac
fi

ENV_ARGS=("INSTALL_K3S_EXEC=$EXEC")
[ -n "$VERSION" ] && ENV_ARGS+=("INSTALL_K3S_VERSION=$VERSION")
sudo env "${ENV_ARGS[@]}" sh "$FILE"

if [ "$USER_KUBECONFIG" -eq 1 ]; then
  mkdir -p "$HOME/.kube"
  if [ -f "$HOME/.kube/config" ]; then
    cp "$HOME/.kube/config" "$HOME/.kube/config.bak-$(date +%Y%m%d-%H%M%S)"
  fi
  sudo cat /etc/rancher/k3s/k3s.yaml > "$HOME/.kube/config"
  chmod 600 "$HOME/.kube/config"
  echo "kubeconfig written to $HOME/.kube/config"
fi

echo "waiting for the node to become Ready..."
for _ in $(seq 1 30); do
  if sudo k3s kubectl get nodes 2>/dev/null | grep -q ' Ready'; then
    sudo k3s kubectl get nodes -o wide
    exit 0
  fi
  sleep 4
done
echo "node not Ready after 2 minutes; check: sudo journalctl -u k3s -n 100" >&2
exit 1
