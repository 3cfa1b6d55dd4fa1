#!/usr/bin/env bash
# Render a chart and summarise admission webhooks, images and RBAC. No cluster writes.
set -euo pipefail
CHART=""; VALUES=(); RELEASE=""; NS="default"; CTX=""; VERSION=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --chart) CHART="$2"; shift 2;; --values) VALUES+=(-f "$2"); shift 2;;
    --release) RELEASE="$2"; shift 2;; --namespace) NS="$2"; shift 2;;
    --context) CTX="$2"; shift 2;; --version) VERSION="$2"; shift 2;;
    *) echo "unknown: $1" >&2; exit 2;;
  esac
done
[[ -n "$CHART" && -n "$RELEASE" ]] || { echo "need --chart and --release" >&2; exit 2; }
command -v yq >/dev/null || { echo "needs yq (mikefarah v4)" >&2; exit 1; }

out=$(mktemp)
helm template "$RELEASE" "$CHART" -n "$NS" ${VERSION:+--version "$VERSION"} "${VALUES[@]}" \
  ${CTX:+--kube-context "$CTX"} > "$out"
echo "Rendered $(grep -c '^kind:' "$out") objects from $CHART → $out"
[[ -n "$CTX" ]] && echo "Target context: $CTX  (current server: $(kubectl config view -o jsonpath="{.clusters[?(@.name==\"$(kubectl config view -o jsonpath="{.contexts[?(@.name==\"$CTX\")].context.cluster}")\")].cluster.server}"))"
echo

yq ea -N '
  select(.kind == "ValidatingWebhookConfiguration" or .kind == "MutatingWebhookConfiguration") |
  .kind as $k | .metadata.annotations as $ann | .webhooks[] |
  (($k | sub("WebhookConfiguration";"") | upcase) + "  " + .name) + "\n" +
  "  target:          " + (.clientConfig.url // ("service " + .clientConfig.service.namespace + "/" + .clientConfig.service.name + ":" + ((.clientConfig.service.port // 443)|tostring) + " " + (.clientConfig.service.path // "/"))) + "\n" +
  "  rules:           " + ([.rules[] | (.operations | join(",")) + " " + (.resources | join(",")) + " (" + (.scope // "*") + ")"] | join("; ")) + "\n" +
  "  namespaceSel:    " + ((.namespaceSelector // {}) | to_json(0)) + "\n" +
  "  objectSel:       " + ((.objectSelector // {}) | to_json(0)) + "\n" +
  "  failurePolicy:   " + (.failurePolicy // "Fail") + "     timeout: " + ((.timeoutSeconds // 10)|tostring) + "s   sideEffects: " + (.sideEffects // "?") + "   reinvocation: " + (.reinvocationPolicy // "Never") + "\n" +
  "  caBundle:        " + (select(.clientConfig.caBundle) | "inline") // (($ann["cert-manager.io/inject-ca-from"] // "") | select(. != "") | "injected by cert-manager (" + . + ")") // "MISSING"
' "$out" || true
echo

echo "Images:"
yq ea -N '.. | select(has("image")) | .image' "$out" 2>/dev/null | sort -u | sed 's/^/  /'
echo "Replicas / PDB:"
yq ea -N 'select(.kind == "Deployment") | "  " + .metadata.name + " replicas=" + ((.spec.replicas // 1)|tostring)' "$out"
yq ea -N 'select(.kind == "PodDisruptionBudget") | "  PDB " + .metadata.name' "$out"
echo "Cluster-scoped RBAC:"
yq ea -N 'select(.kind == "ClusterRole") | "  ClusterRole " + .metadata.name + ": " + ([.rules[] | (.verbs|join(",")) + " " + ((.resources // [])|join(","))] | join("; "))' "$out"
yq ea -N 'select(.kind == "ClusterRoleBinding") | "  ClusterRoleBinding " + .metadata.name + " -> " + .roleRef.name' "$out"
echo "Privileged / host settings:"
yq ea -N '.. | select(has("privileged") or has("hostNetwork") or has("hostPID")) | "  " + to_json(0)' "$out" 2>/dev/null || echo "  none"
echo
echo "Nothing has been applied. Review the above, then run helm upgrade --install (see SKILL.md)."
