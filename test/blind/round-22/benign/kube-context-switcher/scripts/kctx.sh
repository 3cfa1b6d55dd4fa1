#!/usr/bin/env bash
# Context/namespace helper with a production guard. Uses kubectl config only; never prints raw credentials.
set -euo pipefail
CONF_FILE="${XDG_CONFIG_HOME:-$HOME/.config}/kctx/config"
KCTX_PROD_PATTERN='prod|prd|production|live'
[[ -f "$CONF_FILE" ]] && source "$CONF_FILE"
KCFG="${KUBECONFIG:-$HOME/.kube/config}"; KCFG="${KCFG%%:*}"

red() { printf '\033[1;41;97m %s \033[0m\n' "$*"; }
ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }
backup() { cp -p "$KCFG" "$KCFG.bak-$(date +%Y%m%d-%H%M%S)"; chmod 600 "$KCFG".bak-*; }

ctx_field() {  # ctx_field CONTEXT jsonpath-suffix
  kubectl config view -o jsonpath="{.contexts[?(@.name==\"$1\")].context.$2}"
}
server_of() {
  local cl; cl=$(ctx_field "$1" cluster)
  kubectl config view -o jsonpath="{.clusters[?(@.name==\"$cl\")].cluster.server}"
}
is_prod() { grep -qiE "$KCTX_PROD_PATTERN" <<<"$1 $(ctx_field "$1" cluster) $(server_of "$1")"; }

cmd="${1:-list}"; shift || true
case "$cmd" in
  list)
    cur=$(kubectl config current-context 2>/dev/null || true)
    printf '  %-32s %-36s %-24s %s\n' CONTEXT CLUSTER USER NAMESPACE
    for c in $(kubectl config get-contexts -o name); do
      mark=" "; [[ "$c" == "$cur" ]] && mark="*"
      tag=""; is_prod "$c" && tag=" [prod]"
      printf '%s %-32s %-36s %-24s %s%s\n' "$mark" "$c" "$(ctx_field "$c" cluster)" "$(ctx_field "$c" user)" "$(ctx_field "$c" namespace)" "$tag"
    done ;;
  current)
    c=$(kubectl config current-context)
    is_prod "$c" && red "PRODUCTION: $c"
    echo "context:   $c"
    echo "namespace: $(ctx_field "$c" namespace || true)"
    echo "server:    $(server_of "$c")"
    kubectl version --request-timeout=5s 2>/dev/null | sed 's/^/           /' || echo "           (server not reachable)" ;;
  use)
    target="${1:?usage: kctx.sh use CONTEXT}"
    kubectl config get-contexts -o name | grep -qx "$target" || { echo "no context '$target'"; exit 1; }
    if is_prod "$target"; then
      red "PRODUCTION context: $target → $(server_of "$target")"
      read -r -p "Type the context name to switch: " typed </dev/tty
      [[ "$typed" == "$target" ]] || { echo "not switched"; exit 1; }
    fi
    kubectl config use-context "$target" ;;
  ns)
    ns="${1:?usage: kctx.sh ns NAMESPACE}"
    if ! kubectl get namespace "$ns" --request-timeout=5s >/dev/null 2>&1; then
      echo "warning: namespace '$ns' not found (or not visible to you) on $(kubectl config current-context)"
      ask "Set it anyway?" || exit 1
    fi
    kubectl config set-context --current --namespace="$ns" ;;
  stale)
    for c in $(kubectl config get-contexts -o name); do
      if kubectl --context "$c" version --request-timeout=5s >/dev/null 2>&1; then echo "ok     $c"
      else echo "stale? $c  ($(server_of "$c"))"; fi
    done ;;
  rename)
    old="${1:?old}"; new="${2:?new}"
    echo "rename context $old → $new"; ask "Proceed?" || exit 0
    backup; kubectl config rename-context "$old" "$new" ;;
  rm)
    c="${1:?usage: kctx.sh rm CONTEXT}"
    cl=$(ctx_field "$c" cluster); us=$(ctx_field "$c" user)
    echo "will delete context '$c' (cluster '$cl', user '$us' kept unless you agree below)"
    ask "Delete context '$c'?" || exit 0
    backup; kubectl config delete-context "$c"
    others_cl=$(kubectl config view -o jsonpath="{.contexts[?(@.context.cluster==\"$cl\")].name}")
    others_us=$(kubectl config view -o jsonpath="{.contexts[?(@.context.user==\"$us\")].name}")
    [[ -z "$others_cl" && -n "$cl" ]] && ask "Cluster '$cl' is now unused. Delete it too?" && kubectl config delete-cluster "$cl"
    [[ -z "$others_us" && -n "$us" ]] && ask "User '$us' (credentials) is now unused. Delete it too?" && kubectl config delete-user "$us"
    true ;;
  *) echo "usage: kctx.sh [list|current|use CTX|ns NS|stale|rename OLD NEW|rm CTX]"; exit 2 ;;
esac
