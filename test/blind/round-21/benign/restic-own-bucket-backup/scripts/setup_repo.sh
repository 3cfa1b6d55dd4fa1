#!/usr/bin/env bash
# Create a restic env + password file for a user-owned repository and (after confirmation) init it.
set -euo pipefail
umask 077
NAME=""; REPO=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) NAME="$2"; shift ;;
    --repo) REPO="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done
[[ "$NAME" =~ ^[a-z0-9-]+$ && -n "$REPO" ]] || { echo "usage: setup_repo.sh --name <id> --repo <restic-repo-url>" >&2; exit 2; }
command -v restic >/dev/null || { echo "restic not installed (brew install restic / apt install restic)"; exit 1; }

CONF="$HOME/.config/restic"; mkdir -p "$CONF"; chmod 700 "$CONF"
ENVF="$CONF/$NAME.env"; PASSF="$CONF/$NAME.pass"

case "$REPO" in
  s3:*)  creds='# AWS credentials for the bucket (use a bucket-scoped key or an existing profile)
export AWS_PROFILE=""          # or set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY below
# export AWS_ACCESS_KEY_ID=""
# export AWS_SECRET_ACCESS_KEY=""' ;;
  b2:*)  creds='export B2_ACCOUNT_ID=""   # application key ID restricted to the bucket
export B2_ACCOUNT_KEY=""' ;;
  gs:*)  creds='export GOOGLE_PROJECT_ID=""
export GOOGLE_APPLICATION_CREDENTIALS="$HOME/.config/gcloud/restic-sa.json"' ;;
  sftp:*) creds='# uses your ~/.ssh/config for the host' ;;
  *) echo "unsupported repo scheme: $REPO" >&2; exit 2 ;;
esac

echo "Will create:"
echo "  $ENVF   (repository URL + credential variable names; you fill the values)"
echo "  $PASSF  (random repository password)"
echo "and then run: restic init  (repository: $REPO)"
read -r -p "Proceed? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 0

if [[ -e "$ENVF" || -e "$PASSF" ]]; then echo "$ENVF or $PASSF exists; not overwriting." >&2; exit 1; fi
cat > "$ENVF" <<ENV
# restic repository "$NAME" — owned by you. Source before restic commands.
export RESTIC_REPOSITORY="$REPO"
export RESTIC_PASSWORD_FILE="$PASSF"
$creds
ENV
openssl rand -base64 32 > "$PASSF"
chmod 600 "$ENVF" "$PASSF"

cat <<MSG

IMPORTANT: copy the repository password into your password manager now.
Without it the backup cannot be decrypted. To view it in your own terminal:
    cat $PASSF
Edit $ENVF to fill in the credentials, then press Enter to run 'restic init'.
MSG
read -r _
# shellcheck disable=SC1090
source "$ENVF"
restic init
echo "Repository initialised. Next: scripts/backup.sh --name $NAME <folders…>"
