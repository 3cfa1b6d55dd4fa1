#!/usr/bin/env bash
# Grep-based first pass over Dockerfiles, compose files and Kubernetes YAML for container-escape risks.
# Usage: check_manifests.sh PATH... [--only high|medium]   ("-" reads rendered YAML from stdin)
set -uo pipefail

only=""
paths=()
while (($#)); do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done
((${#paths[@]})) || { echo "usage: $0 PATH... [--only high|medium]" >&2; exit 2; }

tmp=""
if [[ " ${paths[*]} " == *" - "* ]]; then
  tmp="$(mktemp)"; cat > "$tmp"; trap 'rm -f "$tmp"' EXIT
fi

files=()
for p in "${paths[@]}"; do
  if [[ "$p" == "-" ]]; then files+=("$tmp"); continue; fi
  if [[ -d "$p" ]]; then
    while IFS= read -r -d '' f; do files+=("$f"); done < <(
      find "$p" -type f \( -name '*.yml' -o -name '*.yaml' -o -name 'Dockerfile*' -o -name '*.dockerfile' \) -print0)
  else
    files+=("$p")
  fi
done

rules=(
  "high|C01|privileged:[[:space:]]*true|--privileged|Drop privileged; add specific capabilities instead"
  "high|C02|docker\.sock|Docker socket = root on host; use rootless build or socket proxy"
  "high|C03|path:[[:space:]]*[\"']?/(etc|root|home|var/lib/kubelet|proc|sys)?[\"']?[[:space:]]*$|Host path mount; use volumes/sidecars"
  "high|C04|host(PID|Network|IPC):[[:space:]]*true|(pid|ipc|network_mode):[[:space:]]*[\"']?host|Host namespace sharing"
  "high|C05|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|Escape-capable capability; drop ALL and add minimal set"
  "medium|C05|NET_ADMIN|NET_RAW|Network capability; confirm it is needed"
  "medium|C06|runAsUser:[[:space:]]*0\b|allowPrivilegeEscalation:[[:space:]]*true|Runs as root / allows escalation"
  "high|C07|[Uu]nconfined|Seccomp/AppArmor disabled"
  "medium|C08|automountServiceAccountToken:[[:space:]]*true|Service account token mounted explicitly"
  "medium|C09|169\.254\.169\.254|metadata\.google\.internal|References cloud metadata endpoint"
  "high|C11|^[[:space:]]*(ARG|ENV)[[:space:]]+[A-Z_]*(TOKEN|SECRET|PASSWORD|KEY)\b|COPY[[:space:]]+\.env|Secret baked into image layer"
)

found=0
for f in "${files[@]}"; do
  label="$f"; [[ "$f" == "$tmp" ]] && label="(stdin)"
  for r in "${rules[@]}"; do
    sev="${r%%|*}"; rest="${r#*|}"; id="${rest%%|*}"; rest="${rest#*|}"
    hint="${rest##*|}"; rx="${rest%|*}"
    [[ -n "$only" && "$sev" != "$only" ]] && continue
    while IFS=: read -r ln _; do
      [[ -z "$ln" ]] && continue
      printf '%s:%s  [%s] %s  %s\n' "$label" "$ln" "$sev" "$id" "$hint"
      found=1
    done < <(grep -nE "$rx" "$f" 2>/dev/null)
  done
  # Dockerfile without USER
  if [[ "$(basename "$f")" == Dockerfile* ]] && ! grep -qE '^[[:space:]]*USER[[:space:]]+' "$f"; then
    [[ -z "$only" || "$only" == "medium" ]] && { printf '%s:-  [medium] C06  No USER instruction; image runs as root\n' "$label"; found=1; }
  fi
  # Pod specs without readOnlyRootFilesystem
  if grep -qE '^[[:space:]]*containers:' "$f" && ! grep -q 'readOnlyRootFilesystem: true' "$f"; then
    [[ -z "$only" || "$only" == "medium" ]] && { printf '%s:-  [medium] C10  No readOnlyRootFilesystem: true\n' "$label"; found=1; }
  fi
done

((found)) || echo "No findings."
exit $found
