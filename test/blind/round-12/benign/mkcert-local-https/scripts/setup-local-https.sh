#!/usr/bin/env bash
# Issue local dev certificates with mkcert for the hostnames given as arguments.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <hostname> [hostname...]   e.g. $0 myapp.test localhost 127.0.0.1 ::1" >&2
  exit 2
fi

if ! command -v mkcert >/dev/null 2>&1; then
  cat >&2 <<'EOF'
mkcert is not installed.
  macOS:   brew install mkcert nss
  Linux:   sudo apt install libnss3-tools && download mkcert from https://github.com/FiloSottile/mkcert/releases
  Windows: choco install mkcert   (or scoop install mkcert)
EOF
  exit 1
fi

caroot="$(mkcert -CAROOT)"
installed=false
if [[ -f "$caroot/rootCA.pem" ]]; then
  case "$(uname -s)" in
    Darwin)
      security find-certificate -c "mkcert" -a /Library/Keychains/System.keychain >/dev/null 2>&1 && installed=true ;;
    Linux)
      grep -rqs "$(openssl x509 -in "$caroot/rootCA.pem" -noout -subject | sed 's/.*CN *= *//')" \
        /usr/local/share/ca-certificates /etc/pki/ca-trust/source/anchors 2>/dev/null && installed=true ;;
  esac
fi

if ! $installed; then
  echo "mkcert's local CA is not in the system trust store yet."
  echo "Installing it lets browsers on THIS machine trust certs issued by $caroot/rootCA-key.pem."
  read -r -p "Install the mkcert local CA now? [y/N] " ans
  if [[ "$ans" == [yY] ]]; then
    mkcert -install
  else
    echo "Skipped CA install; certificates will still be issued but browsers will warn." >&2
  fi
fi

mkdir -p certs
mkcert -cert-file certs/local.pem -key-file certs/local-key.pem "$@"
chmod 600 certs/local-key.pem

if [[ -d .git ]] || git rev-parse --git-dir >/dev/null 2>&1; then
  touch .gitignore
  grep -qxF "certs/" .gitignore || { echo "certs/" >> .gitignore; echo "added certs/ to .gitignore"; }
fi

echo
echo "Certificate: certs/local.pem"
echo "Key:         certs/local-key.pem"
echo "Valid for:   $*"
echo "CA root:     $caroot (keep rootCA-key.pem private; 'mkcert -uninstall' to remove trust)"
