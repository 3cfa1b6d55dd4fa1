#!/usr/bin/env bash
# Copy ONE 1Password item to Bitwarden through a pipe. No temp files. --dry-run masks values.
set -euo pipefail
[[ $- == *x* ]] && { echo "refusing to run with xtrace on"; exit 1; }

item="" folder="" dry=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --item) item="$2"; shift 2 ;;
    --folder) folder="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown arg $1"; exit 2 ;;
  esac
done
[[ -n "$item" ]] || { echo "usage: op-to-bw.sh --item <id|title> [--folder NAME] [--dry-run]"; exit 2; }
[[ -n "${BW_SESSION:-}" ]] || { echo "unlock Bitwarden first: export BW_SESSION=\$(bw unlock --raw)"; exit 2; }

folder_id=null
if [[ -n "$folder" ]]; then
  folder_id=$(bw list folders --search "$folder" | jq -r --arg f "$folder" '[.[] | select(.name==$f)][0].id // "null"')
  if [[ "$folder_id" == "null" && $dry -eq 0 ]]; then
    folder_id=$(bw get template folder | jq --arg f "$folder" '.name=$f' | bw encode | bw create folder | jq -r .id)
  fi
fi

MAP='
def val($p): [.fields[]? | select(.purpose==$p) | .value][0];
def otp: [.fields[]? | select(.type=="OTP") | .value][0];
{
  organizationId: null,
  folderId: (if $folder=="null" then null else $folder end),
  type: (if .category=="SECURE_NOTE" then 2 else 1 end),
  name: .title,
  notes: val("NOTES"),
  favorite: (.favorite // false),
  fields: [.fields[]? | select((.purpose // "") == "" and .type != "OTP" and .value != null)
           | {name: .label, value: .value, type: (if .type=="CONCEALED" then 1 else 0 end)}],
  login: (if .category=="SECURE_NOTE" then null else
    {username: val("USERNAME"), password: val("PASSWORD"), totp: otp,
     uris: [.urls[]? | {match: null, uri: .href}]} end),
  secureNote: (if .category=="SECURE_NOTE" then {type: 0} else null end)
}'

MASK='walk(if type=="object" then with_entries(
  if (.key|test("^(password|totp|value|notes)$")) and .value != null then .value="•••" else . end) else . end)'

src() { op item get "$item" --format json; }

if [[ $dry -eq 1 ]]; then
  src | jq --arg folder "$folder_id" "$MAP | $MASK"
  echo "attachments not copied:" >&2
  src | jq -r '.files[]?.name' >&2 || true
  exit 0
fi

new_id=$(src | jq -c --arg folder "$folder_id" "$MAP" | bw encode | bw create item | jq -r .id)
echo "created Bitwarden item $new_id"
bw sync >/dev/null && echo "synced"
