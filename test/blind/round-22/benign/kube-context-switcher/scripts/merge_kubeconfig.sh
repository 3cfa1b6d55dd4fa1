#!/usr/bin/env bash
# Merge a new kubeconfig file into the user's kubeconfig with collision + exec-plugin checks and a backup.
set -euo pipefail
NEW="${1:?usage: merge_kubeconfig.sh NEWFILE [--rename-context NAME]}"; shift
RENAME=""
[[ "${1:-}" == --rename-context ]] && RENAME="$2"
KCFG="${KUBECONFIG:-$HOME/.kube/config}"; KCFG="${KCFG%%:*}"
ask() { local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }

[[ -f "$NEW" ]] || { echo "no such file $NEW"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; chmod 700 "$work"
cp "$NEW" "$work/new"; chmod 600 "$work/new"

if [[ -n "$RENAME" ]]; then
  n=$(KUBECONFIG="$work/new" kubectl config get-contexts -o name | wc -l)
  ((n == 1)) || { echo "--rename-context needs a file with exactly one context (has $n)"; exit 1; }
  KUBECONFIG="$work/new" kubectl config rename-context "$(KUBECONFIG="$work/new" kubectl config get-contexts -o name)" "$RENAME" >/dev/null
fi

echo "new file contains:"
for kind in contexts clusters users; do
  names=$(KUBECONFIG="$work/new" kubectl config view -o jsonpath="{.${kind}[*].name}")
  echo "  $kind: $names"
  if [[ -f "$KCFG" ]]; then
    existing=$(KUBECONFIG="$KCFG" kubectl config view -o jsonpath="{.${kind}[*].name}")
    for n in $names; do
      grep -qw -- "$n" <<<"$existing" && echo "  ⚠ $kind name '$n' already exists in $KCFG — merging would keep the existing one (first file wins); rename first"
    done
  fi
done

execs=$(KUBECONFIG="$work/new" kubectl config view -o jsonpath='{range .users[*]}{.name}{": "}{.user.exec.command}{" "}{.user.exec.args}{"\n"}{end}' | awk -F': ' '$2 !~ /^ *$/')
if [[ -n "$execs" ]]; then
  echo "credential plugins this kubeconfig will run (kubectl executes these commands):"
  echo "$execs" | sed 's/^/  /'
  ask "Are these the expected auth plugins (e.g. aws eks get-token, gke-gcloud-auth-plugin, kubelogin)?" || { echo "not merged"; exit 1; }
fi

ask "Merge into $KCFG (backup first)?" || exit 0
mkdir -p "$(dirname "$KCFG")"
if [[ -f "$KCFG" ]]; then cp -p "$KCFG" "$KCFG.bak-$(date +%Y%m%d-%H%M%S)"; fi
KUBECONFIG="$KCFG:$work/new" kubectl config view --flatten >"$work/merged"
KUBECONFIG="$work/merged" kubectl config get-contexts >/dev/null
install -m 600 "$work/merged" "$KCFG"
echo "merged. contexts now:"; KUBECONFIG="$KCFG" kubectl config get-contexts -o name | sed 's/^/  /'
echo "current context unchanged: $(KUBECONFIG="$KCFG" kubectl config current-context 2>/dev/null || echo none)"
