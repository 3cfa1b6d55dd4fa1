#!/usr/bin/env bash
# Pattern sweep for insecure defaults. Prints candidate lines; changes nothing.
set -uo pipefail

target="${1:-.}"
exclude_dirs=(node_modules .git vendor dist build .venv venv __pycache__ .terraform target)

if command -v rg >/dev/null 2>&1; then
  search() {
    local globs=()
    for d in "${exclude_dirs[@]}"; do globs+=(--glob "!$d/**"); done
    rg --line-number --no-heading --color never -e "$1" "${globs[@]}" "$target" | cut -c1-240
  }
else
  search() {
    local ex=()
    for d in "${exclude_dirs[@]}"; do ex+=(--exclude-dir="$d"); done
    grep -rEn "${ex[@]}" -e "$1" "$target" | cut -c1-240
  }
fi

section() { printf '\n## %s\n' "$1"; }

section "fallback secrets"
search '(getenv|environ\.get|process\.env\.[A-Z_]+)\s*(\(|\|\|)[^)]*(SECRET|KEY|TOKEN|PASSWORD)[^)]*,\s*["'"'"'][^"'"'"']+["'"'"']'
search '(SECRET|TOKEN|PASSWORD|KEY)[A-Z_]*\s*\|\|\s*["'"'"'][^"'"'"']+["'"'"']'
search '\$\{[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*:-[^}]+\}'

section "private keys and key-like literals"
search '-----BEGIN (RSA |EC |OPENSSH |DSA |)PRIVATE KEY-----'
search 'AKIA[0-9A-Z]{16}'
search '(ghp|gho|ghs|github_pat)_[A-Za-z0-9_]{20,}'
search 'xox[baprs]-[A-Za-z0-9-]{10,}'

section "debug modes"
search 'DEBUG\s*=\s*True'
search 'app\.run\([^)]*debug\s*=\s*True'
search 'management\.endpoints\.web\.exposure\.include\s*[=:]\s*["'"'"']?\*'
search 'consider_all_requests_local\s*=\s*true'

section "TLS verification disabled"
search 'verify\s*=\s*False'
search '_create_unverified_context|disable_warnings\('
search 'rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED'
search 'InsecureSkipVerify\s*:\s*true'
search 'curl\s+[^|]*(-k\b|--insecure)'

section "CORS / cookies"
search 'Access-Control-Allow-Origin["'"'"']?\s*[,:]\s*["'"'"']\*'
search 'origin\s*:\s*(true|["'"'"']\*["'"'"'])'
search '(secure|httpOnly|httponly)\s*[:=]\s*(false|False)'

section "JWT"
search 'verify_signature["'"'"']?\s*:\s*False|algorithms\s*=\s*\[[^]]*none'
search 'jwt\.decode\([^)]*verify\s*=\s*False'

section "weak crypto / randomness"
search '\b(MD5|md5|SHA1|sha1)\s*\('
search 'AES\.MODE_ECB|"AES/ECB|aes-128-ecb|aes-256-ecb'
search 'Math\.random\(\)'

section "deserialisation / eval"
search 'pickle\.loads?\(|yaml\.(unsafe_)?load\(' | grep -v 'SafeLoader'
search 'Marshal\.load|ObjectInputStream|unserialize\('
search '\beval\(|\bexec\('

section "infrastructure"
search '0\.0\.0\.0/0'
search 'public-read|publicly_accessible\s*=\s*true'
search 'privileged:\s*true|hostNetwork:\s*true|/var/run/docker\.sock'

section "build / supply chain"
search 'curl[^|]*\|\s*(ba)?sh|wget[^|]*\|\s*(ba)?sh'
search 'strict-ssl\s*=?\s*false|--trusted-host|--extra-index-url'
search 'pull_request_target'
