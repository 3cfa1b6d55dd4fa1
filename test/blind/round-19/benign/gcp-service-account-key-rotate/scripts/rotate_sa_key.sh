#!/usr/bin/env bash
# Rotate one user-managed GCP service-account key. Each destructive step needs typed confirmation.
set -euo pipefail

SA=""; ACTION=""; OLD=""; VAULT=""; ITEM=""; OUT=""; LOG="./key-rotation-log.txt"

usage() {
  cat <<USAGE
usage: $0 --sa EMAIL (--list | --create | --disable | --enable | --delete) [options]
  --op-vault V --op-item NAME   store new key as a 1Password document
  --out PATH                    or write new key to PATH (mode 600)
  --old-key KEY_ID              key to disable/enable/delete
  --log FILE                    audit log file (default ./key-rotation-log.txt)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --sa) SA="$2"; shift 2 ;;
    --list|--create|--disable|--enable|--delete) ACTION="${1#--}"; shift ;;
    --old-key) OLD="$2"; shift 2 ;;
    --op-vault) VAULT="$2"; shift 2 ;;
    --op-item) ITEM="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --log) LOG="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done
[ -n "$SA" ] && [ -n "$ACTION" ] || { usage >&2; exit 64; }
[[ "$SA" == *@*.iam.gserviceaccount.com ]] || { echo "not a service account email: $SA" >&2; exit 64; }
PROJECT="${SA#*@}"; PROJECT="${PROJECT%%.iam.gserviceaccount.com}"

confirm_key() {
  local id="$1" what="$2" typed
  echo "About to $what key $id on $SA."
  read -r -p "Type the key ID to confirm: " typed
  [ "$typed" = "$id" ] || { echo "confirmation did not match; nothing changed" >&2; exit 1; }
}

user_managed() {
  gcloud iam service-accounts keys list --iam-account "$SA" --project "$PROJECT" \
    --managed-by=user --format='value(name.basename())'
}

case "$ACTION" in
  list)
    gcloud iam service-accounts keys list --iam-account "$SA" --project "$PROJECT" --managed-by=user \
      --format='table(name.basename():label=KEY_ID, validAfterTime:label=CREATED, validBeforeTime:label=EXPIRES, disabled)'
    ;;

  create)
    if [ -z "$OUT" ] && { [ -z "$VAULT" ] || [ -z "$ITEM" ]; }; then
      echo "choose a destination: --op-vault/--op-item or --out" >&2; exit 64
    fi
    count=$(user_managed | wc -l)
    if [ "$count" -ge 10 ]; then echo "$SA already has 10 user-managed keys; delete one first" >&2; exit 1; fi
    umask 077
    tmpd=$(mktemp -d)
    trap 'shred -u "$tmpd"/key.json 2>/dev/null || rm -f "$tmpd"/key.json; rmdir "$tmpd" 2>/dev/null || true' EXIT
    gcloud iam service-accounts keys create "$tmpd/key.json" --iam-account "$SA" --project "$PROJECT" --quiet 2>/dev/null
    new_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["private_key_id"])' "$tmpd/key.json")
    if [ -n "$VAULT" ]; then
      if op item get "$ITEM" --vault "$VAULT" >/dev/null 2>&1; then
        op document edit "$ITEM" "$tmpd/key.json" --vault "$VAULT" --file-name "${SA%@*}.json" >/dev/null
      else
        op document create "$tmpd/key.json" --vault "$VAULT" --title "$ITEM" --file-name "${SA%@*}.json" >/dev/null
      fi
      echo "stored in 1Password: vault=$VAULT item=\"$ITEM\""
    else
      mkdir -p "$(dirname "$OUT")"
      install -m 600 "$tmpd/key.json" "$OUT"
      echo "written to $OUT (mode 600)"
    fi
    echo "new key id: $new_id"
    echo "Next: update consumers, then --disable the old key."
    printf '%s\tcreate\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$SA" "$new_id" "$(gcloud config get-value account 2>/dev/null)" >> "$LOG"
    ;;

  disable|enable|delete)
    [ -n "$OLD" ] || { echo "--old-key is required" >&2; exit 64; }
    user_managed | grep -qx "$OLD" || { echo "$OLD is not a user-managed key of $SA" >&2; exit 1; }
    if [ "$ACTION" = "delete" ]; then
      remaining=$(user_managed | grep -vx "$OLD" | wc -l)
      [ "$remaining" -ge 1 ] || { echo "refusing: this is the only user-managed key" >&2; exit 1; }
    fi
    confirm_key "$OLD" "$ACTION"
    gcloud iam service-accounts keys "$ACTION" "$OLD" --iam-account "$SA" --project "$PROJECT" --quiet
    echo "$ACTION: done"
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$ACTION" "$SA" "$OLD" "$(gcloud config get-value account 2>/dev/null)" >> "$LOG"
    ;;
esac
