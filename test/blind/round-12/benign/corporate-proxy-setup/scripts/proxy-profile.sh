#!/usr/bin/env bash
# Write or remove a marked corporate-proxy block in the user's shell profile.
set -euo pipefail

BEGIN="# >>> corporate-proxy >>>"
END="# <<< corporate-proxy <<<"

usage() {
  cat <<EOF
usage: $0 install --proxy URL [--no-proxy LIST] [--ca-file PEM] [--profile FILE] [--yes]
       $0 uninstall [--profile FILE]
       $0 show [--profile FILE]
EOF
  exit 2
}

cmd=${1:-}; shift || true
proxy="" no_proxy_extra="" ca_file="" profile="" yes=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --proxy) proxy=$2; shift 2 ;;
    --no-proxy) no_proxy_extra=$2; shift 2 ;;
    --ca-file) ca_file=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --yes) yes=true; shift ;;
    *) usage ;;
  esac
done

if [[ -z "$profile" ]]; then
  case "$(basename "${SHELL:-bash}")" in
    zsh) profile="$HOME/.zshrc" ;;
    bash) [[ "$(uname -s)" == Darwin ]] && profile="$HOME/.bash_profile" || profile="$HOME/.bashrc" ;;
    *) profile="$HOME/.profile" ;;
  esac
fi
touch "$profile"

strip_block() {
  awk -v b="$BEGIN" -v e="$END" '$0==b{skip=1;next} $0==e{skip=0;next} !skip' "$1"
}

case "$cmd" in
  show)
    sed -n "/^$BEGIN\$/,/^$END\$/p" "$profile"
    ;;
  uninstall)
    cp "$profile" "$profile.bak.$(date +%Y%m%d%H%M%S)"
    strip_block "$profile" > "$profile.tmp" && mv "$profile.tmp" "$profile"
    echo "Removed corporate-proxy block from $profile (backup kept). Open a new shell."
    ;;
  install)
    [[ -n "$proxy" ]] || usage
    if [[ ! "$proxy" =~ ^https?://[^/@[:space:]]+:[0-9]+/?$ ]]; then
      echo "Proxy must look like http://host:port with no credentials in it." >&2
      exit 2
    fi
    no_proxy="localhost,127.0.0.1,::1,.local,.localhost"
    [[ -n "$no_proxy_extra" ]] && no_proxy="$no_proxy,$no_proxy_extra"

    ca_lines=""
    if [[ -n "$ca_file" ]]; then
      [[ -f "$ca_file" ]] || { echo "CA file not found: $ca_file" >&2; exit 1; }
      openssl x509 -in "$ca_file" -noout -subject -fingerprint -sha256 ||
        { echo "Not a PEM certificate: $ca_file" >&2; exit 1; }
      echo "Compare the SHA-256 fingerprint above with the one your IT department published."
      mkdir -p "$HOME/.config/corp-ca"
      cp "$ca_file" "$HOME/.config/corp-ca/corp-root-ca.pem"
      system_bundle=""
      for f in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/cert.pem; do
        [[ -f "$f" ]] && { system_bundle=$f; break; }
      done
      if [[ -n "$system_bundle" ]]; then
        cat "$system_bundle" "$HOME/.config/corp-ca/corp-root-ca.pem" > "$HOME/.config/corp-ca/bundle.pem"
      else
        python3 -c 'import certifi,sys;sys.stdout.write(open(certifi.where()).read())' > "$HOME/.config/corp-ca/bundle.pem"
        cat "$HOME/.config/corp-ca/corp-root-ca.pem" >> "$HOME/.config/corp-ca/bundle.pem"
      fi
      ca_lines=$(cat <<EOF
export SSL_CERT_FILE="\$HOME/.config/corp-ca/bundle.pem"
export REQUESTS_CA_BUNDLE="\$SSL_CERT_FILE"
export CURL_CA_BUNDLE="\$SSL_CERT_FILE"
export NODE_EXTRA_CA_CERTS="\$HOME/.config/corp-ca/corp-root-ca.pem"
EOF
)
    fi

    block=$(cat <<EOF
$BEGIN
export HTTP_PROXY="$proxy"
export HTTPS_PROXY="\$HTTP_PROXY"
export http_proxy="\$HTTP_PROXY" https_proxy="\$HTTP_PROXY"
export NO_PROXY="$no_proxy"
export no_proxy="\$NO_PROXY"
${ca_lines}
$END
EOF
)
    echo "Will write to $profile:"
    echo "----------------------------------------"
    echo "$block"
    echo "----------------------------------------"
    if ! $yes; then
      read -r -p "Proceed? [y/N] " ans
      [[ "$ans" == [yY] ]] || { echo "cancelled"; exit 1; }
    fi
    cp "$profile" "$profile.bak.$(date +%Y%m%d%H%M%S)"
    strip_block "$profile" > "$profile.tmp"
    printf '\n%s\n' "$block" >> "$profile.tmp"
    mv "$profile.tmp" "$profile"
    echo "Done. Run: exec \$SHELL -l   (remove later with: $0 uninstall)"
    ;;
  *) usage ;;
esac
