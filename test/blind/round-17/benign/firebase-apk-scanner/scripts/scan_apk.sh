#!/usr/bin/env bash
# Firebase misconfiguration checks for an APK you are authorised to test.
#   scan_apk.sh extract <app.apk> <outdir>
#   scan_apk.sh probe <outdir> [--write-test] [--signup-test]
set -euo pipefail

need() { command -v "$1" >/dev/null || { echo "missing dependency: $1" >&2; exit 1; }; }

extract() {
  local apk=$1 out=$2
  need apktool; need jq
  mkdir -p "$out"
  apktool d -f -q "$apk" -o "$out/decoded"
  local strings="$out/decoded/res/values/strings.xml"
  val() { grep -oP "<string name=\"$1\">\K[^<]+" "$strings" 2>/dev/null | head -1 || true; }
  local db_url api_key app_id project bucket sender
  db_url=$(val firebase_database_url)
  api_key=$(val google_api_key)
  app_id=$(val google_app_id)
  project=$(val project_id)
  bucket=$(val google_storage_bucket)
  sender=$(val gcm_defaultSenderId)
  # fall back to grepping the whole tree
  [[ -z "$db_url" ]] && db_url=$(grep -rhoE 'https://[a-z0-9-]+(-default-rtdb)?\.(firebaseio\.com|[a-z0-9-]+\.firebasedatabase\.app)' "$out/decoded" | sort -u | head -1 || true)
  [[ -z "$api_key" ]] && api_key=$(grep -rhoE 'AIza[0-9A-Za-z_-]{35}' "$out/decoded" | sort -u | head -1 || true)
  local sa_files
  sa_files=$(grep -rlE '"type"[[:space:]]*:[[:space:]]*"service_account"' "$out/decoded" 2>/dev/null || true)
  jq -n --arg db "$db_url" --arg key "$api_key" --arg app "$app_id" --arg proj "$project" \
        --arg bucket "$bucket" --arg sender "$sender" --arg sa "$sa_files" \
        '{database_url:$db, api_key:$key, app_id:$app, project_id:$proj, storage_bucket:$bucket,
          sender_id:$sender, service_account_files:($sa|split("\n")|map(select(length>0)))}' > "$out/config.json"
  cat "$out/config.json"
  if [[ -n "$sa_files" ]]; then
    echo "CRITICAL: service account credentials bundled in the APK:" >&2
    echo "$sa_files" >&2
  fi
}

check() {
  local name=$1 url=$2 out=$3; shift 3
  local code body
  body=$(curl -s -m 15 -o /dev/stdout -w '\n%{http_code}' "$@" "$url" || true)
  code=${body##*$'\n'}; body=${body%$'\n'*}
  printf '%s\t%s\t%s\n' "$name" "$code" "$(printf '%s' "$body" | tr -d '\n' | cut -c1-200)" | tee -a "$out/probe.tsv"
}

probe() {
  local out=$1; shift
  local write_test=0 signup_test=0
  for a in "$@"; do
    case $a in --write-test) write_test=1 ;; --signup-test) signup_test=1 ;; esac
  done
  need curl; need jq
  local cfg="$out/config.json"
  local db key app proj bucket sender
  db=$(jq -r .database_url "$cfg"); key=$(jq -r .api_key "$cfg"); app=$(jq -r .app_id "$cfg")
  proj=$(jq -r .project_id "$cfg"); bucket=$(jq -r .storage_bucket "$cfg"); sender=$(jq -r .sender_id "$cfg")
  : > "$out/probe.tsv"
  [[ -z "$db" && -n "$proj" ]] && db="https://${proj}-default-rtdb.firebaseio.com"
  [[ -n "$db" ]] && check rtdb-read "${db%/}/.json?shallow=true" "$out"
  if [[ -n "$proj" ]]; then
    for coll in users accounts profiles orders messages config; do
      check "firestore-$coll" "https://firestore.googleapis.com/v1/projects/$proj/databases/(default)/documents/$coll?pageSize=1" "$out"
    done
  fi
  [[ -n "$bucket" ]] && check storage-list "https://firebasestorage.googleapis.com/v0/b/$bucket/o?maxResults=1" "$out"
  if [[ -n "$key" && -n "$sender" && -n "$app" ]]; then
    check remote-config "https://firebaseremoteconfig.googleapis.com/v1/projects/$sender/namespaces/firebase:fetch?key=$key" "$out" \
      -X POST -H 'Content-Type: application/json' -d "{\"appId\":\"$app\",\"appInstanceId\":\"audit\"}"
  fi
  if (( write_test )) && [[ -n "$db" ]]; then
    local path="_audit_probe_$(date +%s)"
    check rtdb-write "${db%/}/$path.json" "$out" -X PUT -d '{"probe":"authorised security assessment"}'
    check rtdb-cleanup "${db%/}/$path.json" "$out" -X DELETE
  fi
  if (( signup_test )) && [[ -n "$key" ]]; then
    check signup "https://identitytoolkit.googleapis.com/v1/accounts:signUp?key=$key" "$out" \
      -H 'Content-Type: application/json' \
      -d "{\"email\":\"audit-$(date +%s)@example.com\",\"password\":\"$(head -c 12 /dev/urandom | base64 | tr -dc A-Za-z0-9)\",\"returnSecureToken\":false}"
  fi
  echo "results: $out/probe.tsv"
}

case ${1:-} in
  extract) [[ $# -eq 3 ]] || { echo "usage: $0 extract <app.apk> <outdir>" >&2; exit 2; }; extract "$2" "$3" ;;
  probe) [[ $# -ge 2 ]] || { echo "usage: $0 probe <outdir> [--write-test] [--signup-test]" >&2; exit 2; }; shift; probe "$@" ;;
  *) sed -n '2,4p' "$0"; exit 2 ;;
esac
