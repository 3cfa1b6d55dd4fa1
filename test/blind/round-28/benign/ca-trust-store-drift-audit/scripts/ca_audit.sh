#!/usr/bin/env bash
# Read-only CA trust-store drift audit. Prints findings; never modifies stores.
set -uo pipefail
VERBOSE=0; [[ "${1:-}" == --verbose ]] && VERBOSE=1
warn() { printf '⚠  %s\n' "$*"; }
info() { printf '   %s\n' "$*"; }

certinfo() {
  openssl x509 -in "$1" -noout -subject -issuer -enddate -fingerprint -sha256 2>/dev/null |
    sed 's/^/     /'
}

echo "== Environment overrides"
for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE CURL_CA_BUNDLE GIT_SSL_CAINFO PIP_CERT; do
  [[ -n "${!v:-}" ]] && { warn "$v=${!v}"; [[ -f "${!v}" ]] && (( VERBOSE )) && certinfo "${!v}"; }
done
[[ "${NODE_TLS_REJECT_UNAUTHORIZED:-}" == 0 ]] && warn "NODE_TLS_REJECT_UNAUTHORIZED=0 (TLS verification disabled for Node)"
[[ -n "${GIT_SSL_NO_VERIFY:-}" ]] && warn "GIT_SSL_NO_VERIFY is set"

echo "== Shell rc exports"
for f in ~/.bashrc ~/.bash_profile ~/.zshrc ~/.zprofile ~/.profile ~/.config/fish/config.fish; do
  [[ -f "$f" ]] && grep -nE 'NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|SSL_CERT_FILE|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|GIT_SSL' "$f" | sed "s|^|   $f:|"
done
if [[ "$(uname)" == Darwin ]]; then
  for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE REQUESTS_CA_BUNDLE; do
    val=$(launchctl getenv "$v" 2>/dev/null); [[ -n "$val" ]] && warn "launchctl $v=$val"
  done
fi

echo "== Tool configs"
command -v npm >/dev/null && { c=$(npm config get cafile 2>/dev/null); [[ "$c" != null && -n "$c" ]] && warn "npm cafile=$c"; [[ "$(npm config get strict-ssl 2>/dev/null)" == false ]] && warn "npm strict-ssl=false"; }
command -v pip >/dev/null && pip config list 2>/dev/null | grep -i cert | sed 's/^/⚠  pip /'
command -v git >/dev/null && { git config --global --get-all http.sslCAInfo | sed 's/^/⚠  git http.sslCAInfo=/'; [[ "$(git config --global --get http.sslVerify)" == false ]] && warn "git http.sslVerify=false"; }

echo "== System store"
case "$(uname)" in
  Linux)
    for d in /usr/local/share/ca-certificates /etc/pki/ca-trust/source/anchors; do
      [[ -d "$d" ]] || continue
      find "$d" -type f \( -name '*.crt' -o -name '*.pem' \) | while read -r c; do
        warn "added root: $c"; certinfo "$c"
      done
    done ;;
  Darwin)
    security find-certificate -a -p /Library/Keychains/System.keychain > /tmp/ca-audit-sys.pem 2>/dev/null
    n=$(grep -c 'BEGIN CERT' /tmp/ca-audit-sys.pem); info "System.keychain certificates: $n"
    security dump-trust-settings -d 2>/dev/null | grep -E 'Cert [0-9]+:' | sed 's/^/⚠  admin trust: /'
    security dump-trust-settings 2>/dev/null | grep -E 'Cert [0-9]+:' | sed 's/^/⚠  user trust: /'
    rm -f /tmp/ca-audit-sys.pem ;;
esac

echo "== Firefox / NSS"
if command -v certutil >/dev/null; then
  for p in ~/.mozilla/firefox/*.default* ~/Library/Application\ Support/Firefox/Profiles/*; do
    [[ -f "$p/cert9.db" ]] || continue
    certutil -L -d "sql:$p" 2>/dev/null | awk 'NR>4' | grep -E 'C,|CT,' | sed "s|^|⚠  $(basename "$p"): |"
  done
else info "certutil not installed; skipping"; fi

echo "== Java cacerts"
if [[ -n "${JAVA_HOME:-}" && -f "$JAVA_HOME/lib/security/cacerts" ]]; then
  keytool -list -cacerts -storepass changeit 2>/dev/null | grep -viE 'digicert|globalsign|letsencrypt|isrg|sectigo|comodo|entrust|godaddy|starfield|amazon|microsoft|quovadis|certum|actalis|baltimore|verisign|thawte|geotrust|identrust|swisssign|buypass|teliasonera|usertrust|ssl\.com|affirmtrust|emsign|hari|luxtrust|secom|trustcor|ttelesec|e-tugra|naver|certigna|atos|ac raiz|d-trust|cfca|hongkong|szafir|twca|hellenic|izenpe|microsec|netlock|oiste|gts|globaltrust|tunTrust|anf|uce|harica|sslcom|keystore|entries|^$' | sed 's/^/⚠  java: /'
fi

echo "== Python certifi bundles (project venvs)"
find . -path '*/certifi/cacert.pem' -not -path '*/node_modules/*' 2>/dev/null | while read -r f; do
  rec=$(dirname "$(dirname "$f")")/$(ls "$(dirname "$(dirname "$f")")" | grep -m1 '^certifi-.*dist-info$')/RECORD
  [[ -f "$rec" ]] || continue
  want=$(grep 'certifi/cacert.pem' "$rec" | cut -d, -f2 | sed 's/sha256=//')
  have=$(openssl dgst -sha256 -binary "$f" | openssl base64 | tr '+/' '-_' | tr -d '=')
  [[ "$want" == "$have" ]] || warn "modified certifi bundle: $f"
done
echo "done."
