#!/usr/bin/env bash
# Find TLS verification bypasses in a repository. Requires ripgrep.
set -uo pipefail
root="${1:-.}"
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 1; }
common=(--no-heading -n --hidden -g '!.git' -g '!node_modules' -g '!vendor' -g '!*.min.js')

section() { printf '\n### %s\n' "$1"; }
run() { rg "${common[@]}" "$@" "$root" || echo "  (none)"; }

section "Python"
run -t py -e 'verify\s*=\s*False' -e '_create_unverified_context' -e 'CERT_NONE' -e 'check_hostname\s*=\s*False' -e 'disable_warnings\(.*InsecureRequestWarning'
section "Node / JS / TS"
run -t js -t ts -e 'rejectUnauthorized\s*:\s*false' -e 'NODE_TLS_REJECT_UNAUTHORIZED' -e 'strictSSL\s*:\s*false'
section "Go"
run -t go -e 'InsecureSkipVerify\s*:\s*true'
section "Java / Kotlin"
run -t java -t kotlin -e 'NoopHostnameVerifier' -e 'ALLOW_ALL_HOSTNAME_VERIFIER' -e 'TrustAllStrategy' -e 'TrustSelfSignedStrategy' -e 'checkServerTrusted\([^)]*\)\s*\{\s*\}'
section "Ruby"
run -t ruby -e 'VERIFY_NONE' -e 'ssl_verify_mode:\s*:none'
section ".NET"
run -t csharp -e 'DangerousAcceptAnyServerCertificateValidator' -e 'ServerCertificateCustomValidationCallback\s*=.*=>\s*true'
section "Shell, Docker, CI, Make"
run -g '*.sh' -g '*.bash' -g 'Dockerfile*' -g '*.yml' -g '*.yaml' -g 'Makefile' -g '*.mk' -g '*.ps1' \
  -e 'curl\b[^|\n]*\s(-k|--insecure)\b' -e 'wget\b[^\n]*--no-check-certificate' \
  -e 'http\.sslVerify\s*=?\s*false' -e 'GIT_SSL_NO_VERIFY' -e 'pip[3]?\s+install[^\n]*--trusted-host' \
  -e 'strict-ssl\s*(=|\s)\s*false' -e 'insecure-skip-tls-verify' -e 'PYTHONHTTPSVERIFY=0' -e 'NODE_TLS_REJECT_UNAUTHORIZED=0'
section "Tool config files"
run -g '.npmrc' -g '.yarnrc*' -g '.gitconfig' -g '.curlrc' -g '*.repo' -g 'apt.conf*' -g 'daemon.json' -g 'pip.conf' -g 'pip.ini' \
  -e 'strict-ssl\s*=\s*false' -e 'sslVerify\s*=\s*false' -e '^\s*insecure\s*$' -e 'sslverify\s*=\s*(0|false)' \
  -e 'Verify-Peer\s+"false"' -e 'insecure-registries' -e 'trusted-host'
