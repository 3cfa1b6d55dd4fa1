#!/usr/bin/env bash
# Guarded kubeconfig context helper. Reads names/URLs only; never prints credentials.
set -euo pipefail
KCFG="${KUBECONFIG:-$HOME/.kube/config}"
PATTERNS_FILE="$HOME/.config/kctx/prod-patterns"
RUNDIR="${XDG_RUNTIME_DIR:-$HOME/.cache}/kctx"

prod_patterns() {
  if [[ -f "$PATTERNS_FILE" ]]; then grep -v '^#' "$PATTERNS_FILE" | sed '/^$/d'; else printf '%s\n' prod prd production live; fi
}
is_prod() { local c="$1" p; while read -r p; do [[ "$c" == *"$p"* ]] && return 0; done < <(prod_patterns); return 1; }
guard() {
  local c="$1"
  if is_prod "$c"; then
    echo "⚠  '$c' looks like a PRODUCTION context."
    read -r -p "   Type the context name to confirm: " t
    [[ "$t" == "$c" ]] || { echo "   Not confirmed. Nothing changed."; exit 1; }
  fi
}
exists() { kubectl config get-contexts -o name | grep -qx "$1"; }
backup() {
  local f="${KCFG%%:*}"
  cp -p "$f" "$f.bak-$(date +%Y%m%d-%H%M%S)"
  echo "backup: $f.bak-$(date +%Y%m%d-%H%M%S)"
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  status)
    ctx="$(kubectl config current-context 2>/dev/null || echo '<none>')"
    echo "context:   $ctx$(is_prod "$ctx" && echo '   [PROD]')"
    echo "cluster:   $(kubectl config view --minify -o jsonpath='{.clusters[0].name}  {.clusters[0].cluster.server}' 2>/dev/null)"
    echo "user:      $(kubectl config view --minify -o jsonpath='{.contexts[0].context.user}' 2>/dev/null)"
    ns="$(kubectl config view --minify -o jsonpath='{.contexts[0].context.namespace}' 2>/dev/null)"
    echo "namespace: ${ns:-default}"
    [[ -n "${KUBECONFIG:-}" ]] && echo "KUBECONFIG=$KUBECONFIG (not the default file)"
    ;;
  list)
    cur="$(kubectl config current-context 2>/dev/null || true)"
    kubectl config get-contexts -o name | while read -r c; do
      printf '%s %s%s\n' "$([[ $c == "$cur" ]] && echo '*' || echo ' ')" "$c" "$(is_prod "$c" && echo '  [prod]')"
    done ;;
  use)
    c="${1:?usage: use <context>}"; exists "$c" || { echo "no context '$c'"; exit 1; }
    guard "$c"
    kubectl config use-context "$c"
    exec "$0" status ;;
  ns)
    n="${1:?usage: ns <namespace>}"
    c="$(kubectl config current-context)"; guard "$c"
    kubectl get namespace "$n" >/dev/null 2>&1 || echo "note: namespace '$n' not found (or no permission to read it); setting anyway"
    kubectl config set-context --current --namespace "$n" >/dev/null
    echo "namespace for $c set to $n" ;;
  shell)
    if [[ "${1:-}" == "--cleanup" ]]; then rm -rf "$RUNDIR"; echo "echo 'kctx: removed per-shell kubeconfigs'"; exit 0; fi
    c="${1:?usage: eval \"\$(kctx.sh shell <context>)\"}"; exists "$c" || { echo "echo 'no context $c' >&2"; exit 1; }
    guard "$c" >&2
    mkdir -p "$RUNDIR"; chmod 700 "$RUNDIR"
    f="$RUNDIR/$c.yaml"
    ( umask 077; kubectl config view --minify --flatten --context "$c" > "$f" )
    KUBECONFIG="$f" kubectl config use-context "$c" >/dev/null
    printf 'export KUBECONFIG=%q; echo "kctx: this shell now uses %s"\n' "$f" "$c" ;;
  merge)
    src="${1:?usage: merge <file> [--apply] [--rename-prefix p-]}"; shift
    APPLY=0; PREFIX=""
    while [[ $# -gt 0 ]]; do case "$1" in --apply) APPLY=1;; --rename-prefix) PREFIX="$2"; shift;; esac; shift; done
    [[ -f "$src" ]] || { echo "no such file $src"; exit 1; }
    work="$(mktemp)"; trap 'rm -f "$work"' EXIT
    cp "$src" "$work"; chmod 600 "$work"
    if [[ -n "$PREFIX" ]]; then
      for c in $(KUBECONFIG="$work" kubectl config get-contexts -o name); do KUBECONFIG="$work" kubectl config rename-context "$c" "$PREFIX$c" >/dev/null; done
    fi
    echo "Incoming contexts:";  KUBECONFIG="$work" kubectl config get-contexts -o name | sed 's/^/  + /'
    echo "Incoming clusters:";  KUBECONFIG="$work" kubectl config view -o jsonpath='{range .clusters[*]}  + {.name}  {.cluster.server}{"\n"}{end}'
    echo "Incoming users:";     KUBECONFIG="$work" kubectl config view -o jsonpath='{range .users[*]}  + {.name}{"\n"}{end}'
    echo "Credential plugins (exec) — review these:"
    KUBECONFIG="$work" kubectl config view -o jsonpath='{range .users[*]}{.name}: {.user.exec.command} {.user.exec.args}{"\n"}{end}' | grep -v ': *$' | sed 's/^/  ! /' || echo "  (none)"
    coll=$(comm -12 <(kubectl config get-contexts -o name | sort) <(KUBECONFIG="$work" kubectl config get-contexts -o name | sort) || true)
    [[ -n "$coll" ]] && { echo "Name collisions (existing entries would win): $coll"; echo "Re-run with --rename-prefix <p>-"; }
    [[ $APPLY -eq 1 ]] || { echo "(dry run — add --apply after the user confirms)"; exit 0; }
    dest="${KCFG%%:*}"; backup
    out="$(mktemp "$(dirname "$dest")/.merge.XXXX")"
    KUBECONFIG="$dest:$work" kubectl config view --flatten > "$out"
    chmod 600 "$out"; mv "$out" "$dest"
    echo "merged into $dest" ;;
  rename)
    kubectl config rename-context "${1:?old}" "${2:?new}" ;;
  prune)
    kubectl config get-contexts -o name | while read -r c; do
      if ! timeout 3 kubectl --context "$c" --request-timeout=3s version >/dev/null 2>&1; then echo "unreachable: $c"; fi
    done
    echo "(nothing deleted; use: kctx.sh delete <context>)" ;;
  delete)
    c="${1:?usage: delete <context>}"; exists "$c" || { echo "no context $c"; exit 1; }
    cl="$(kubectl config view -o jsonpath="{.contexts[?(@.name=='$c')].context.cluster}")"
    us="$(kubectl config view -o jsonpath="{.contexts[?(@.name=='$c')].context.user}")"
    others_cl="$(kubectl config view -o jsonpath="{.contexts[?(@.context.cluster=='$cl')].name}" | wc -w)"
    others_us="$(kubectl config view -o jsonpath="{.contexts[?(@.context.user=='$us')].name}" | wc -w)"
    echo "Will delete context '$c'$([[ $others_cl -le 1 ]] && echo ", cluster '$cl'")$([[ $others_us -le 1 ]] && echo ", user '$us'")"
    read -r -p "Proceed? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 0
    backup
    kubectl config delete-context "$c"
    [[ $others_cl -le 1 ]] && kubectl config delete-cluster "$cl"
    [[ $others_us -le 1 ]] && kubectl config delete-user "$us"
    ;;
  *) echo "usage: kctx.sh status|list|use|ns|shell|merge|rename|prune|delete" >&2; exit 2 ;;
esac
