#!/usr/bin/env bash
set -euo pipefail
command -v docker >/dev/null || { echo "docker not found" >&2; exit 2; }

echo "== summary"
docker system df

echo; echo "== top images"
docker image ls --format '{{.Size}}\t{{.Repository}}:{{.Tag}}\t{{.ID}}' | sort -h -r | head -10

echo; echo "== dangling images: $(docker image ls -qf dangling=true | wc -l)"

used_images=$(docker ps -a --format '{{.Image}}' | sort -u)
echo; echo "== images not used by any container"
docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -v '<none>' | while read -r img; do
  grep -qxF "$img" <<<"$used_images" || echo "  $img"
done

echo; echo "== volumes"
docker system df -v --format '{{range .Volumes}}{{.Name}}\t{{.Size}}\t{{.Links}}{{"\n"}}{{end}}' 2>/dev/null \
  | awk -F'\t' 'NF{printf "  %-50s %10s  %s\n", $1, $2, ($3=="0"?"unused":"in use")}'

echo; echo "== stopped containers"
docker ps -a --filter status=exited --format '  {{.Names}}\t{{.Status}}\t{{.Size}}'

echo; echo "== largest container logs"
docker ps -aq | while read -r id; do
  f=$(docker inspect --format '{{.LogPath}}' "$id")
  [ -n "$f" ] && sudo -n stat -c '%s %n' "$f" 2>/dev/null || true
done | sort -n -r | head -5 | awk '{printf "  %8.1f MB  %s\n", $1/1048576, $2}'
