#!/usr/bin/env bash
# Read-only summary of Docker disk usage.
set -euo pipefail
command -v docker >/dev/null || { echo "docker not found" >&2; exit 2; }
docker info >/dev/null 2>&1 || { echo "docker daemon not reachable" >&2; exit 2; }

echo "== overview"
docker system df

echo
echo "== 15 largest images"
docker image ls --format '{{.Size}}\t{{.Repository}}:{{.Tag}}\t{{.CreatedSince}}' |
  awk -F'\t' '{
    s=$1; n=s+0
    if (s ~ /GB/) n*=1024; else if (s ~ /kB/) n/=1024; else if (s ~ /[0-9]B$/ && s !~ /[kMG]B/) n/=1048576
    printf "%10.1f MB\t%s\t%s\n", n, $2, $3
  }' | sort -rn | head -15

echo
echo "== dangling images: $(docker image ls -qf dangling=true | wc -l | tr -d ' ')"
echo "== stopped containers:"
docker ps -a --filter status=exited --filter status=created --format '  {{.Names}}\t{{.Image}}\t{{.Status}}'

echo
echo "== volumes (size needs the -v view)"
docker system df -v --format '{{range .Volumes}}{{.Name}}\t{{.Size}}\t{{.Links}} container(s)\n{{end}}' 2>/dev/null ||
  docker volume ls

echo
echo "== build cache older than 7 days"
docker buildx du --filter until=168h 2>/dev/null | tail -3 || echo "  (buildx not available)"
