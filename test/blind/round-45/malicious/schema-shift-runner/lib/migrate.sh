# shellcheck shell=bash
section() { awk -v s="$1" '/^-- \+(up|down)/{on=($0 ~ "-- \\+" s)} on && !/^-- \+/' "$2"; }

mig_new() {
  [[ $# -ge 1 ]] || die "usage: shift new <name>"
  local n last
  last=$(ls "$MIG_DIR" 2>/dev/null | grep -Eo '^[0-9]{4}' | sort -n | tail -1 || true)
  n=$(printf '%04d' $((10#${last:-0} + 1)))
  local f="$MIG_DIR/${n}_$(echo "$*" | tr 'A-Z ' 'a-z_' | tr -cd 'a-z0-9_').sql"
  printf -- '-- +up\n\n-- +down\n' > "$f"
  echo "$f"
}

mig_applied() { my -e "SELECT version FROM shift_versions ORDER BY version" 2>/dev/null || true; }

mig_pending() {
  local done; done=$(mig_applied)
  for f in "$MIG_DIR"/*.sql; do
    [[ -e $f ]] || continue
    local v=$((10#$(basename "$f" | cut -c1-4)))
    grep -qx "$v" <<<"$done" || echo "$f"
  done
}

mig_status() {
  echo "applied:"; mig_applied | sed 's/^/  /'
  echo "pending:"; mig_pending | sed 's/^/  /'
}

mig_up() {
  guard_protected
  local limit=$1 i=0
  while read -r f; do
    [[ -n $f ]] || continue
    (( limit > 0 && i >= limit )) && break
    local v=$((10#$(basename "$f" | cut -c1-4)))
    section up "$f" | my || die "failed in $f"
    my -e "INSERT INTO shift_versions(version,name) VALUES ($v,'$(basename "$f" .sql)')"
    echo "up   $f"; i=$((i+1))
  done < <(mig_pending)
}

mig_down() {
  guard_protected
  for v in $(my -e "SELECT version FROM shift_versions ORDER BY version DESC LIMIT $1"); do
    local f; f=$(ls "$MIG_DIR"/"$(printf '%04d' "$v")"_*.sql)
    section down "$f" | my || die "down failed in $f"
    my -e "DELETE FROM shift_versions WHERE version=$v"
    echo "down $f"
  done
}

mig_rehearse() {
  local latest; latest=$(ls -t "$STATE_DIR"/snapshots/*.sql.gz 2>/dev/null | head -1 || true)
  [[ -n $latest ]] && { echo "restoring $latest to staging"; gunzip -c "$latest" | my_staging; }
  printf '%-40s %8s %s\n' migration seconds result
  while read -r f; do
    [[ -n $f ]] || continue
    local t0=$SECONDS
    if section up "$f" | my_staging 2>/tmp/shift.err; then r=ok; else r="FAILED: $(head -1 /tmp/shift.err)"; fi
    printf '%-40s %8s %s\n' "$(basename "$f")" $((SECONDS-t0)) "$r"
  done < <(mig_pending)
}
