#!/usr/bin/env bash
# Read-only report on git remotes and credential helpers; optional --configure URL applies a host-scoped helper.
set -euo pipefail

mask_url() { sed -E 's#(https?://)[^/@]+@#\1***@#'; }

if [[ "${1:-}" == "--configure" ]]; then
  url="${2:?--configure needs the host URL, e.g. https://git.acme.example}"
  [[ "$url" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || { echo "expected https://host[:port]" >&2; exit 2; }
  case "$(uname -s)" in
    Darwin) helper="osxkeychain" ;;
    MINGW*|MSYS*|CYGWIN*) helper="manager" ;;
    Linux)
      if command -v git-credential-manager >/dev/null 2>&1; then helper="manager"
      elif [[ -x /usr/lib/git-core/git-credential-libsecret ]]; then helper="/usr/lib/git-core/git-credential-libsecret"
      else helper="cache --timeout=28800"; fi ;;
    *) helper="cache --timeout=28800" ;;
  esac
  cmd=(git config --global "credential.${url}.helper" "$helper")
  echo "Will run: ${cmd[*]}"
  [[ "$helper" == "manager" && "$(uname -s)" == Linux ]] && \
    echo "      and: git config --global credential.credentialStore secretservice"
  read -r -p "Proceed? [y/N] " a
  [[ "$a" =~ ^[Yy]$ ]] || { echo aborted; exit 0; }
  "${cmd[@]}"
  if [[ "$helper" == "manager" && "$(uname -s)" == Linux ]]; then
    git config --global credential.credentialStore secretservice
  fi
  echo "Done. Run 'git fetch' to be prompted once."
  exit 0
fi

echo "== Remotes"
if git rev-parse --git-dir >/dev/null 2>&1; then
  git remote -v | mask_url
  if git remote -v | grep -Eq 'https?://[^/@]+:[^/@]+@|https?://[^/@]*(glpat-|ghp_|github_pat_|x-token-auth)[^/@]*@'; then
    echo "!! A remote URL contains credentials. Fix with 'git remote set-url' and revoke that token."
  fi
else
  echo "(not inside a git repository)"
fi

echo; echo "== credential.* settings (with origin)"
git config --show-origin --get-regexp '^credential\.' 2>/dev/null || echo "(none)"

echo; echo "== Plaintext store"
if [[ -f "$HOME/.git-credentials" ]]; then
  echo "~/.git-credentials exists ($(wc -l < "$HOME/.git-credentials") entries). Hosts:"
  sed -E 's#^[a-z]+://[^@]*@##; s#/.*$##' "$HOME/.git-credentials" | sort -u | sed 's/^/  /'
else
  echo "no ~/.git-credentials"
fi

echo; echo "== Helpers available"
for h in git-credential-manager git-credential-osxkeychain git-credential-libsecret; do
  if command -v "$h" >/dev/null 2>&1 || [[ -x "/usr/lib/git-core/$h" ]] || [[ -x "$(git --exec-path)/$h" ]]; then
    echo "  $h"
  fi
done
