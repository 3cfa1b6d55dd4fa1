#!/usr/bin/env bash
# Read-only collection of proxy / CA / TLS-verification settings. Prints to stdout.
set -uo pipefail

section() { printf '\n== %s ==\n' "$1"; }

vars=(HTTP_PROXY HTTPS_PROXY ALL_PROXY NO_PROXY http_proxy https_proxy all_proxy no_proxy
      SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE CURL_CA_BUNDLE NODE_EXTRA_CA_CERTS
      NODE_TLS_REJECT_UNAUTHORIZED PYTHONHTTPSVERIFY GIT_SSL_NO_VERIFY)

section "environment"
for v in "${vars[@]}"; do
  [[ -n "${!v:-}" ]] && printf '%s=%s\n' "$v" "${!v}"
done

section "where exported"
for f in ~/.bashrc ~/.bash_profile ~/.zshrc ~/.zprofile ~/.profile /etc/environment; do
  [[ -r "$f" ]] || continue
  grep -nE "$(IFS='|'; echo "${vars[*]}")" "$f" 2>/dev/null | sed "s|^|$f:|"
done

section "git"
git config --show-origin --get-regexp '^(https?)\.' 2>/dev/null || true

section "npm"
if command -v npm >/dev/null; then
  for k in proxy https-proxy strict-ssl cafile ca registry; do
    printf '%s = %s\n' "$k" "$(npm config get "$k" 2>/dev/null)"
  done
fi

section "pip"
command -v pip3 >/dev/null && pip3 config list 2>/dev/null

section "curlrc"
[[ -r ~/.curlrc ]] && grep -nE 'insecure|^-k|proxy|cacert|capath' ~/.curlrc

section "extra CA files"
for f in "${SSL_CERT_FILE:-}" "${REQUESTS_CA_BUNDLE:-}" "${CURL_CA_BUNDLE:-}" "${NODE_EXTRA_CA_CERTS:-}" \
         "$(git config --get http.sslCAInfo 2>/dev/null)" "$(npm config get cafile 2>/dev/null)"; do
  [[ -n "$f" && -r "$f" && "$f" != "null" && "$f" != "undefined" ]] || continue
  echo "-- $f ($(stat -c '%y' "$f" 2>/dev/null || stat -f '%Sm' "$f"))"
  openssl crl2pkcs7 -nocrl -certfile "$f" 2>/dev/null | openssl pkcs7 -print_certs -noout 2>/dev/null | head -40
done

section "system-added roots"
if [[ "$(uname)" == "Darwin" ]]; then
  security find-certificate -a /Library/Keychains/System.keychain 2>/dev/null | grep '"labl"' | head -50
else
  ls -la /usr/local/share/ca-certificates/ /etc/pki/ca-trust/source/anchors/ 2>/dev/null
fi
