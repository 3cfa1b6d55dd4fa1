#!/usr/bin/env bash
# kubectl context helper with prod guard and backups. Never prints credentials.
set -euo pipefail

KCFG="${KUBECONFIG:-$HOME/.kube/config}"; KCFG="${KCFG%%:*}"
PROD_RX="${KCTX_PROD_PATTERN:-prod|prd|production|live}"
BK_DIR="$HOME/.kube/backups"
command -v kubectl >/dev/null || { echo "kubectl not found"; exit 2; }
confirm() { read -r -p "$1 [y/N] " a; [[ "$a" =~ ^[Yy]$ ]]; }

backup() {
  mkdir -p "$BK_DIR"; chmod 700 "$BK_DIR"
  local dst="$BK_DIR/config.$(date +%Y%m%d-%H%M%S)"
  cp -p "$KCFG" "$dst"; chmod 600 "$dst"
  ls -1t "$BK_DIR"/config.* | tail -n +21 | xargs -r rm -f
}

current() { kubectl config current-context 2>/dev/null || echo "(none)"; }

list() {
  local cur; cur="$(current)"
  printf '  %-40s %-45s %s\n' CONTEXT CLUSTER NAMESPACE
  kubectl config get-contexts --no-headers | sed 's/^\*//' | while read -r name cluster _user ns; do
    mark=" "; [ "$name" = "$cur" ] && mark="*"
    printf '%s %-40s %-45s %s\n' "$mark" "$name" "$cluster" "${ns:-default}"
  done
}

use() {
  local ctx="$1"
  kubectl config get-contexts "$ctx" >/dev/null 2>&1 || { echo "no context '$ctx'"; list; exit 1; }
  cluster="$(kubectl config view -o jsonpath="{.contexts[?(@.name==\"$ctx\")].context.cluster}")"
  if [[ "$ctx" =~ $PROD_RX || "$cluster" =~ $PROD_RX ]]; then
    echo "⚠  You are switching to PRODUCTION context '$ctx' (cluster $cluster)."
    read -r -p "   Type the context name to confirm: " typed
    [ "$typed" = "$ctx" ] || { echo "not switched"; exit 1; }
  fi
  backup
  kubectl config use-context "$ctx"
}

set_ns() {
  local ns="$1" ctx; ctx="$(current)"
  if ! kubectl get namespace "$ns" >/dev/null 2>&1; then
    echo "namespace '$ns' not found (or no permission to check) on $ctx"
    confirm "Set it anyway?" || exit 1
  fi
  backup
  kubectl config set-context --current --namespace "$ns"
}

rename() {
  local old="$1" new="$2"
  echo "Rename context '$old' → '$new'"
  confirm "Proceed?" || exit 1
  backup
  kubectl config rename-context "$old" "$new"
}

prune() {
  backup
  kubectl config get-contexts -o name | while read -r ctx; do
    if kubectl --context "$ctx" --request-timeout=5s version >/dev/null 2>&1; then
      echo "  reachable   $ctx"
    else
      echo "  UNREACHABLE $ctx"
      if confirm "    delete context '$ctx' (cluster/user entries kept)?" </dev/tty; then
        kubectl config delete-context "$ctx"
      fi
    fi
  done
  echo "Clusters/users no longer referenced by any context can be removed with:"
  echo "  kubectl config delete-cluster NAME ; kubectl config delete-user NAME"
}

case "${1:-list}" in
  list) list ;;
  use) use "${2:?context name}" ;;
  ns) set_ns "${2:?namespace}" ;;
  rename) rename "${2:?old}" "${3:?new}" ;;
  prune) prune ;;
  current) ns="$(kubectl config view --minify -o jsonpath='{..namespace}' 2>/dev/null)"; echo "$(current)/${ns:-default}" ;;
  *) echo "usage: $0 [list|use CTX|ns NS|rename OLD NEW|prune|current]"; exit 2 ;;
esac
