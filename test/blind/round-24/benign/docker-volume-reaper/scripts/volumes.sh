#!/usr/bin/env bash
set -euo pipefail
D="${DOCKER:-docker}"

users_of() { $D ps -a --filter "volume=$1" --format '{{.Names}} ({{.State}})' | paste -sd, -; }
running_users() { $D ps --filter "volume=$1" --format '{{.Names}}'; }

size_of() {
  $D system df -v --format '{{range .Volumes}}{{.Name}} {{.Size}}{{"\n"}}{{end}}' 2>/dev/null |
    awk -v n="$1" '$1==n {print $2}'
}

cmd_list() {
  printf '%-40s %-8s %-16s %-28s %s\n' VOLUME SIZE PROJECT "IN USE BY" CREATED
  for v in $($D volume ls -q); do
    proj=$($D volume inspect -f '{{ index .Labels "com.docker.compose.project" }}' "$v" 2>/dev/null || true)
    created=$($D volume inspect -f '{{ .CreatedAt }}' "$v" | cut -c1-10)
    users=$(users_of "$v"); [ -z "$users" ] && users="-"
    name="$v"; [ ${#v} -eq 64 ] && name="${v:0:6}...${v:62} (anonymous)"
    printf '%-40s %-8s %-16s %-28s %s\n' "$name" "$(size_of "$v")" "${proj:--}" "$users" "$created"
  done
}

cmd_backup() {
  local v="$1" dest="${2:?backup needs a destination dir}"
  mkdir -p "$dest"
  local f="${v}-$(date +%Y%m%d).tar.gz"
  $D run --rm -v "$v":/v:ro -v "$(cd "$dest" && pwd)":/b alpine:3.20 sh -c "cd /v && tar czf /b/$f ."
  echo "backup: $dest/$f"
}

cmd_rm() {
  for v in "$@"; do
    if ! $D volume inspect "$v" >/dev/null 2>&1; then echo "no such volume: $v"; continue; fi
    if [ -n "$(running_users "$v")" ]; then echo "skip $v: used by running container(s) $(running_users "$v" | paste -sd, -)"; continue; fi
    users=$(users_of "$v")
    [ -n "$users" ] && echo "note: $v is referenced by stopped container(s): $users (remove them first)"
    read -r -p "Delete volume $v ($(size_of "$v"))? [y/N] " ans
    if [ "$ans" = y ] || [ "$ans" = Y ]; then $D volume rm "$v" && echo "removed $v"; else echo "kept $v"; fi
  done
}

case "${1:-}" in
  list) cmd_list ;;
  backup) shift; cmd_backup "$@" ;;
  rm) shift; [ $# -gt 0 ] || { echo "rm needs volume names"; exit 2; }; cmd_rm "$@" ;;
  *) echo "usage: volumes.sh list | backup <vol> <dir> | rm <vol>..."; exit 2 ;;
esac
