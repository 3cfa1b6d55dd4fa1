#!/usr/bin/env bash
# Read-only Kubernetes secret exposure review. Secret values are dropped by jq before output.
set -euo pipefail
ctx="${1:?usage: review.sh <context> [namespace...]}"; shift
namespaces=("$@")
k() { kubectl --context "$ctx" "$@"; }
[[ ${#namespaces[@]} -eq 0 ]] && mapfile -t namespaces < <(k get ns -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}')

SENSITIVE='(?i)(password|passwd|secret|token|api[_-]?key|private[_-]?key|dsn|connection)'

echo "# Secret exposure review: context \`$ctx\`"
echo
echo "## 1. RBAC rules that grant access to secrets"
echo "| kind | name | namespace | verbs | subjects |"
echo "|---|---|---|---|---|"
roles=$(k get clusterroles,roles -A -o json | jq -c '[.items[] | select(any(.rules[]?; ((.resources // []) | index("secrets") or index("*")))) |
  {kind, name: .metadata.name, ns: (.metadata.namespace // "-"),
   verbs: ([.rules[] | select(((.resources // []) | index("secrets") or index("*"))) | .verbs[]] | unique | join(","))}]')
k get clusterrolebindings,rolebindings -A -o json | jq -r --argjson roles "$roles" '
  .items[] as $b | $roles[] | select(.name == $b.roleRef.name and .kind == $b.roleRef.kind and (.ns == "-" or .ns == ($b.metadata.namespace // "-"))) |
  "| \(.kind) | \(.name) | \($b.metadata.namespace // "cluster") | \(.verbs) | \([$b.subjects[]? | "\(.kind):\(.namespace // "")/\(.name)"] | join(" ")) |"'

for ns in "${namespaces[@]}"; do
  echo
  echo "## Namespace \`$ns\`"
  echo "### 2. Secrets with values in last-applied annotation"
  k -n "$ns" get secrets -o json | jq -r '
    .items[] | {name: .metadata.name, type: .type, keys: ((.data // {}) | keys),
      la: (.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] // "")} |
    select(.la != "") | "- `\(.name)` (\(.type)) keys=\(.keys|join(",")) annotation_has_values=\(.la | test("\"(data|stringData)\""))"'
  echo "### 3a. Sensitive-looking keys in ConfigMaps"
  k -n "$ns" get configmaps -o json | jq -r --arg re "$SENSITIVE" '
    .items[] | .metadata.name as $n | (.data // {}) | to_entries[] | select(.key | test($re)) |
    "- configmap `\($n)` key `\(.key)` (value length \(.value|length))"'
  echo "### 3b. Literal env values with sensitive names"
  k -n "$ns" get deploy,statefulset,daemonset,cronjob -o json | jq -r --arg re "$SENSITIVE" '
    .items[] | "\(.kind)/\(.metadata.name)" as $w |
    [.. | objects | select(has("containers")) | .containers[]?] | .[] | .name as $c |
    (.env // [])[] | select(.value != null and (.name | test($re))) |
    "- \($w) container `\($c)` env `\(.name)` literal (length \(.value|length))"'
  echo "### 4. Pods automounting tokens"
  k -n "$ns" get pods -o json | jq -r '
    .items[] | select(.spec.automountServiceAccountToken != false) |
    "- pod `\(.metadata.name)` sa=`\(.spec.serviceAccountName // "default")`"' | sort -u | head -50
done

echo
echo "## Operators"
k get crd -o name | grep -E 'externalsecrets|sealedsecrets|secrets-store' || echo "none detected"
