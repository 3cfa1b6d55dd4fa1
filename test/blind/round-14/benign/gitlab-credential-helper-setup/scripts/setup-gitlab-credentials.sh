#!/usr/bin/env bash
set -euo pipefail

HOST="" USERNAME="" HELPER="" TEST_REPO=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --host) HOST="$2"; shift 2 ;;
    --user) USERNAME="$2"; shift 2 ;;
    --helper) HELPER="$2"; shift 2 ;;
    --test-repo) TEST_REPO="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$HOST" && -n "$USERNAME" ]] || { echo "usage: $0 --host HOST --user NAME [--helper H] [--test-repo group/project]" >&2; exit 2; }
HOST="${HOST#https://}"; HOST="${HOST%%/*}"

detect_helper() {
  case "$(uname -s)" in
    Darwin) echo osxkeychain ;;
    MINGW*|MSYS*|CYGWIN*) echo manager ;;
    Linux)
      if command -v git-credential-manager >/dev/null; then echo manager
      elif [[ -x /usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret ]]; then
        echo /usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret
      elif command -v git-credential-libsecret >/dev/null; then echo libsecret
      else echo "cache --timeout=28800"
      fi ;;
    *) echo "cache --timeout=28800" ;;
  esac
}

[[ -n "$HELPER" ]] || HELPER="$(detect_helper)"
if [[ "$HELPER" == cache* ]]; then
  echo "No keychain-backed helper found; using in-memory cache (8 h). Install Git Credential Manager or libsecret for persistence."
fi

echo "Will configure for https://$HOST only:"
echo "  credential.https://$HOST.helper   = $HELPER"
echo "  credential.https://$HOST.username = $USERNAME"
read -r -p "Proceed? [y/N] " a; [[ "$a" == [yY] ]] || exit 1

git config --global "credential.https://$HOST.helper" "$HELPER"
git config --global "credential.https://$HOST.username" "$USERNAME"

read -r -s -p "Paste the GitLab personal access token for $USERNAME@$HOST (hidden): " TOKEN; echo
[[ -n "$TOKEN" ]] || { echo "empty token" >&2; exit 1; }
[[ "$TOKEN" == glpat-* ]] || echo "note: token does not start with glpat- (fine for older instances)"

printf 'protocol=https\nhost=%s\nusername=%s\npassword=%s\n\n' "$HOST" "$USERNAME" "$TOKEN" \
  | git -c "credential.helper=" -c "credential.https://$HOST.helper=$HELPER" credential approve
unset TOKEN
echo "token stored by $HELPER"

if [[ -n "$TEST_REPO" ]]; then
  if git ls-remote "https://$HOST/$TEST_REPO.git" >/dev/null; then
    echo "test OK: git ls-remote https://$HOST/$TEST_REPO.git"
  else
    echo "test failed; check token scopes (read_repository) and the repo path" >&2
  fi
fi

if git rev-parse --git-dir >/dev/null 2>&1; then
  while read -r name url; do
    if [[ "$url" =~ ^https://[^/@]+:[^/@]+@$HOST/ ]]; then
      clean="https://$HOST/${url#*@$HOST/}"
      echo "remote '$name' has credentials embedded in its URL."
      read -r -p "Rewrite to $clean ? [Y/n] " b
      [[ "$b" == [nN] ]] || git remote set-url "$name" "$clean"
    fi
  done < <(git remote -v | awk '$3=="(fetch)"{print $1, $2}')
fi
