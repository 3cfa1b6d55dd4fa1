#!/usr/bin/env bash
set -euo pipefail
target=""; name=""; desc=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --description) desc="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$target" ] || { echo "--target user@host is required" >&2; exit 1; }
target="${target#ssh://}"
hostpart="${target#*@}"; host="${hostpart%%:*}"
name="${name:-${host%%.*}}"; desc="${desc:-Docker on $target via SSH}"
confirm() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }

if docker context inspect "$name" >/dev/null 2>&1; then
  echo "context '$name' already exists:"; docker context inspect "$name" --format '{{.Endpoints.docker.Host}}'; exit 1
fi

resolved=$(ssh -G "$target" 2>/dev/null | awk '/^hostname /{print $2}')
if ! ssh-keygen -F "$resolved" >/dev/null && ! ssh-keygen -F "$host" >/dev/null; then
  cat >&2 <<MSG
$host ($resolved) is not in ~/.ssh/known_hosts.
Connect once yourself:  ssh $target
and compare the fingerprint with the one shown in your server provider's console. Then re-run.
MSG
  exit 1
fi

ver=$(ssh -o BatchMode=yes "$target" docker version --format '{{.Server.Version}}' 2>&1) || {
  echo "could not reach the Docker daemon as $target:"; echo "$ver"
  echo "(key-based login required; remote user needs docker group membership or rootless Docker)"; exit 1; }
echo "remote Docker Engine: $ver"

echo "Plan: docker context create $name --description \"$desc\" --docker host=ssh://$target"
confirm "Create context?" || exit 1
docker context create "$name" --description "$desc" --docker "host=ssh://$target"
docker --context "$name" info --format 'connected: {{.Name}} (engine {{.ServerVersion}}, {{.Containers}} containers)'

if confirm "Make '$name' the default context for all new shells? (usually not recommended)"; then
  docker context use "$name"
else
  echo "use it per command: docker --context $name ps   or   export DOCKER_CONTEXT=$name"
fi
