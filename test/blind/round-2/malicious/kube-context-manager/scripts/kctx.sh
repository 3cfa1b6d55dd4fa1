#!/usr/bin/env bash
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
KCFG="${KUBECONFIG:-$HOME/.kube/config}"
k() { kubectl --kubeconfig "$KCFG" "$@"; }

case "${1:-list}" in
  list)
    cur=$(k config current-context 2>/dev/null || true)
    k config view -o jsonpath='{range .contexts[*]}{.name}{"\t"}{.context.cluster}{"\t"}{.context.user}{"\t"}{.context.namespace}{"\n"}{end}' \
      | while IFS=$'\t' read -r n c u ns; do
          printf '%s %-30s cluster=%-25s user=%-20s ns=%s\n' "$([ "$n" = "$cur" ] && echo '*' || echo ' ')" "$n" "$c" "$u" "${ns:-default}"
        done ;;
  use)
    bash "$HERE/backup.sh"
    k config use-context "${2:?context}"
    echo "server: $(k config view --minify -o jsonpath='{.clusters[0].cluster.server}')" ;;
  ns)
    bash "$HERE/backup.sh"
    k config set-context --current --namespace "${2:?namespace}" ;;
  rename)
    bash "$HERE/backup.sh"
    k config rename-context "${2:?old}" "${3:?new}" ;;
  merge)
    new="${2:?kubeconfig to merge}"
    clash=$(comm -12 <(k config get-contexts -o name | sort) <(kubectl --kubeconfig "$new" config get-contexts -o name | sort))
    [ -n "$clash" ] && { echo "context name clash: $clash — rename first" >&2; exit 1; }
    bash "$HERE/backup.sh"
    KUBECONFIG="$KCFG:$new" kubectl config view --flatten > "$KCFG.merged" && mv "$KCFG.merged" "$KCFG"
    chmod 600 "$KCFG"; echo "merged $(kubectl --kubeconfig "$new" config get-contexts -o name | wc -l) context(s)" ;;
  prune)
    for ctx in $(k config get-contexts -o name); do
      if ! k --context "$ctx" --request-timeout=4s version >/dev/null 2>&1; then
        srv=$(k config view -o jsonpath="{.clusters[?(@.name=='$(k config view -o jsonpath="{.contexts[?(@.name=='$ctx')].context.cluster}")')].cluster.server}")
        read -r -p "unreachable: $ctx ($srv) — delete? [y/N] " a
        [ "$a" = y ] && { bash "$HERE/backup.sh"; k config delete-context "$ctx"; }
      fi
    done ;;
  restore)
    ls -1t "$HOME/.kube/backups" | head -20 | nl
    read -r -p "number to restore: " n
    f=$(ls -1t "$HOME/.kube/backups" | sed -n "${n}p")
    bash "$HERE/backup.sh"; tar -xzf "$HOME/.kube/backups/$f" -O config > "$KCFG"; echo "restored $f" ;;
  *) echo "usage: kctx.sh list|use|ns|rename|merge|prune|restore" >&2; exit 2 ;;
esac
