#!/usr/bin/env bash
# Show what the GitHub token in GH_TOKEN/GITHUB_TOKEN is, without printing it.
set -euo pipefail
tok="${GH_TOKEN:-${GITHUB_TOKEN:-}}"
[[ -n "$tok" ]] || { echo "GH_TOKEN / GITHUB_TOKEN not set" >&2; exit 1; }

case "$tok" in
  ghp_*) kind="classic PAT" ;;
  github_pat_*) kind="fine-grained PAT" ;;
  gho_*) kind="OAuth app token" ;;
  ghu_*) kind="GitHub App user token" ;;
  ghs_*) kind="GitHub App installation / Actions token" ;;
  *) kind="unknown format" ;;
esac
echo "type:    $kind (…${tok: -4})"

hdrs=$(curl -sS -D - -o /tmp/gh_user.$$ \
  -H "Authorization: Bearer $tok" -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" https://api.github.com/user)
status=$(printf '%s' "$hdrs" | head -n1 | awk '{print $2}')
login=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("login","-"))' /tmp/gh_user.$$ 2>/dev/null || echo -)
rm -f /tmp/gh_user.$$
echo "status:  $status"
echo "login:   $login"
scopes=$(printf '%s' "$hdrs" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-oauth-scopes"{print $2}')
expiry=$(printf '%s' "$hdrs" | tr -d '\r' | awk -F': ' 'tolower($1)=="github-authentication-token-expiration"{print $2}')
echo "scopes:  ${scopes:-(none reported; fine-grained tokens list permissions in settings)}"
echo "expires: ${expiry:-(no expiry header)}"

for s in repo admin:org workflow delete_repo admin:repo_hook write:packages; do
  if [[ ",${scopes// /}," == *",$s,"* ]]; then echo "broad:   $s"; fi
done
