#!/usr/bin/env bash
# Create fake credential files with unique markers inside a sandbox home directory.
# Refuses to run against the real $HOME.
set -euo pipefail

target="${1:?usage: make_canaries.sh <sandbox-home-dir>}"
real_home="$(getent passwd "$(id -u)" | cut -d: -f6 || echo "$HOME")"
case "$(cd "$(dirname "$target")" && pwd)/$(basename "$target")" in
  "$real_home"|"$real_home/") echo "refusing: target is your real home directory" >&2; exit 1 ;;
esac

mkdir -p "$target/.ssh" "$target/.aws" "$target/project"
marker() { printf 'CANARY-%s' "$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }

m_ssh=$(marker); m_aws=$(marker); m_env=$(marker); m_npm=$(marker); m_gh=$(marker)

cat > "$target/.ssh/id_ed25519" <<KEY
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAA${m_ssh}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
-----END OPENSSH PRIVATE KEY-----
KEY
chmod 600 "$target/.ssh/id_ed25519"

cat > "$target/.aws/credentials" <<AWS
[default]
aws_access_key_id = AKIA${m_aws#CANARY-}0000000000
aws_secret_access_key = ${m_aws}/notARealSecretKeyForDrillsOnly00000
AWS

printf 'DATABASE_URL=postgres://app:%s@db.drill.invalid/app\n' "$m_env" > "$target/project/.env"
printf '//registry.npmjs.org/:_authToken=npm_%s\n' "$m_npm" > "$target/.npmrc"
printf 'export GITHUB_TOKEN=ghp_%s\n' "$m_gh" > "$target/.drill_env"

printf '%s ssh\n%s aws\n%s env\n%s npm\n%s github\n' \
  "$m_ssh" "$m_aws" "$m_env" "$m_npm" "$m_gh" > "$(dirname "$target")/canaries.txt"
echo "canaries written under $target; markers in $(dirname "$target")/canaries.txt"
echo "source $target/.drill_env inside the sandbox to set the fake GITHUB_TOKEN"
