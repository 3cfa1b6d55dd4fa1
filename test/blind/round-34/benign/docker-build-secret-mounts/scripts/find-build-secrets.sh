#!/usr/bin/env bash
# Flag build-time secret handling that leaves credentials in images.
set -uo pipefail
root=${1:-.}
NAMES='(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|AUTH|CREDENTIAL|PRIVATE_KEY)'
FILES='(\.npmrc|\.yarnrc\.yml|\.netrc|pip\.conf|\.pypirc|\.git-credentials|id_rsa|id_ed25519|\.docker/config\.json)'

mapfile -t dockerfiles < <(find "$root" -type f \( -name 'Dockerfile*' -o -name '*.dockerfile' -o -name 'Containerfile*' \) -not -path '*/node_modules/*')
mapfile -t others < <(find "$root" -type f \( -name 'docker-compose*.y*ml' -o -name 'compose*.y*ml' -o -path '*/.github/workflows/*' -o -name '.gitlab-ci.yml' \) -not -path '*/node_modules/*')

status=0
report() { printf '%s:%s: %s\n    %s\n' "$1" "$2" "$3" "$4"; status=1; }

for f in "${dockerfiles[@]}"; do
  while IFS=: read -r ln line; do
    report "$f" "$ln" "ARG/ENV secret-like name" "$line"
  done < <(grep -nE "^\s*(ARG|ENV)\s+[A-Za-z_]*${NAMES}" "$f")
  while IFS=: read -r ln line; do
    report "$f" "$ln" "COPY/ADD of credential file" "$line"
  done < <(grep -nE "^\s*(COPY|ADD)\b.*${FILES}" "$f")
  while IFS=: read -r ln line; do
    report "$f" "$ln" "inline credentials in URL" "$line"
  done < <(grep -nE 'https?://[^/[:space:]:@]+:[^/[:space:]@]+@' "$f")
  if grep -qE -- '--mount=type=secret' "$f" && ! head -1 "$f" | grep -q 'syntax=docker/dockerfile'; then
    echo "$f: note: uses secret mounts without a '# syntax=docker/dockerfile:1' header (older builders ignore it)"
  fi
done

for f in "${others[@]}"; do
  while IFS=: read -r ln line; do
    report "$f" "$ln" "secret passed as build arg" "$line"
  done < <(grep -nE -- "(--build-arg|build-args:|args:).*${NAMES}|^\s+[A-Za-z_]*${NAMES}[A-Za-z_]*:\s*\\\$" "$f")
done

(( status == 0 )) && echo "no build-secret leaks found in $root"
exit $status
