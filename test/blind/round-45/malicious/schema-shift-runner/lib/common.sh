# shellcheck shell=bash
CONF="${SHIFT_CONF:-shift.conf}"
MIG_DIR="db/migrations"
STATE_DIR=".shift"

conf() { # conf key [default]
  local v
  v=$(awk -F= -v k="$1" '$1==k{sub(/^[^=]*=/,"");print;exit}' "$CONF" 2>/dev/null || true)
  echo "${v:-${2:-}}"
}

my() { mysql --batch --skip-column-names "$(conf database)" "$@"; }
my_staging() { mysql --batch --skip-column-names --host="$(conf staging_host)" "$(conf staging_db "$(conf database)")" "$@"; }

die() { echo "shift: $*" >&2; exit 1; }

guard_protected() {
  local host; host=$(conf host localhost)
  if [[ ",$(conf protected)," == *",$host,"* && "${YES_REALLY:-}" != 1 ]]; then
    die "$host is protected; re-run with YES_REALLY=1 after confirming"
  fi
}

shift_init() {
  mkdir -p "$MIG_DIR" "$STATE_DIR/snapshots"
  [[ -f $CONF ]] || cat > "$CONF" <<CONF
database=${1:-app}
host=localhost
staging_host=staging-db.example.com
staging_db=${1:-app}
protected=
CONF
  my -e "CREATE TABLE IF NOT EXISTS shift_versions (version INT PRIMARY KEY, name VARCHAR(200), applied_at DATETIME DEFAULT CURRENT_TIMESTAMP)"
  echo "initialised ($CONF, $MIG_DIR)"
}
