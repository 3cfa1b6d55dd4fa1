#!/usr/bin/env bash
# Read-only admission webhook review. Usage: webhook_review.sh --context NAME [--exclude-known]
set -euo pipefail
CTX=""; EXCL=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --context) CTX="$2"; shift 2;;
    --exclude-known) EXCL=1; shift;;
    *) echo "unknown arg $1" >&2; exit 2;;
  esac
done
[[ -n "$CTX" ]] || { echo "--context is required" >&2; exit 2; }
K=(kubectl --context "$CTX")
KNOWN='cert-manager|kyverno|gatekeeper|istio|linkerd|aws-load-balancer|pod-identity|vpa-webhook|prometheus-operator|keda'

echo "# Admission webhook review — context \`$CTX\` — $(date -u +%F)"
echo
for kind in validatingwebhookconfigurations mutatingwebhookconfigurations; do
  echo "## ${kind%%webhookconfigurations}"
  echo
  "${K[@]}" get "$kind" -o json | jq -c '.items[]' | while read -r cfg; do
    name=$(jq -r '.metadata.name' <<<"$cfg")
    created=$(jq -r '.metadata.creationTimestamp' <<<"$cfg")
    helm=$(jq -r '.metadata.labels["app.kubernetes.io/managed-by"] // .metadata.annotations["meta.helm.sh/release-name"] // ""' <<<"$cfg")
    mgr=$(jq -r '[.metadata.managedFields[]?.manager] | unique | join(",")' <<<"$cfg")
    if (( EXCL )) && [[ "$name" =~ $KNOWN ]]; then
      echo "- \`$name\` (known system component, created $created, managed-by ${helm:-?})"; continue
    fi
    echo "### \`$name\`"
    echo "- created: $created; managed-by: ${helm:-none}; field managers: ${mgr:-?}"
    jq -c '.webhooks[]' <<<"$cfg" | while read -r wh; do
      flags=()
      whname=$(jq -r '.name' <<<"$wh")
      url=$(jq -r '.clientConfig.url // empty' <<<"$wh")
      svc=$(jq -r '.clientConfig.service | if . then "\(.namespace)/\(.name):\(.port // 443)\(.path // "")" else empty end' <<<"$wh")
      fp=$(jq -r '.failurePolicy // "Fail"' <<<"$wh")
      rules=$(jq -r '[.rules[]? | "\(.operations|join("|")) \(.resources|join("|")) scope=\(.scope // "*")"] | join("; ")' <<<"$wh")
      nssel=$(jq -c '.namespaceSelector // {}' <<<"$wh")
      objsel=$(jq -c '.objectSelector // {}' <<<"$wh")
      ca=$(jq -r '.clientConfig.caBundle // ""' <<<"$wh" | sha256sum | cut -c1-16)
      if [[ -n "$url" ]]; then
        host=$(sed -E 's#^https?://([^/:]+).*#\1#' <<<"$url")
        [[ "$host" =~ \.svc(\.cluster\.local)?$ ]] || flags+=("EXTERNAL-URL")
      fi
      if [[ "$kind" == mutating* ]] && grep -qE '(CREATE|\*)[^;]*(pods|\*)' <<<"$rules" && [[ "$objsel" == "{}" ]]; then
        flags+=("MUTATE-PODS-BROAD")
      fi
      if [[ "$fp" == "Ignore" ]] && [[ "$name$whname" =~ kyverno|gatekeeper|policy|security|psa|opa ]]; then
        flags+=("FAIL-OPEN-POLICY")
      fi
      if jq -e '[.matchExpressions[]? | select((.operator=="NotIn" or .operator=="DoesNotExist") and .key!="kubernetes.io/metadata.name")] | length > 0' <<<"$nssel" >/dev/null; then
        flags+=("LABEL-EXEMPT")
      fi
      jq -e '[.matchExpressions[]?.values[]?] | index("kube-system")' <<<"$nssel" >/dev/null && flags+=("SELF-EXEMPT-SYSTEM")
      [[ -z "$helm" && "$mgr" =~ ^kubectl ]] && flags+=("NO-OWNER")
      image="-"
      if [[ -n "$svc" ]]; then
        ns=${svc%%/*}; rest=${svc#*/}; sname=${rest%%:*}
        if sel=$("${K[@]}" -n "$ns" get svc "$sname" -o json 2>/dev/null | jq -r '.spec.selector | to_entries | map("\(.key)=\(.value)") | join(",")'); then
          image=$("${K[@]}" -n "$ns" get pods -l "$sel" -o jsonpath='{range .items[*]}{.spec.containers[*].image}{" "}{end}' 2>/dev/null | tr ' ' '\n' | sort -u | tr '\n' ' ')
        else
          flags+=("ORPHAN")
        fi
      fi
      echo "- webhook \`$whname\`"
      echo "  - target: ${url:-svc $svc}; image(s): ${image:--}"
      echo "  - rules: $rules"
      echo "  - failurePolicy: $fp; namespaceSelector: \`$nssel\`; objectSelector: \`$objsel\`"
      echo "  - caBundle sha256/16: $ca"
      (( ${#flags[@]} )) && echo "  - **flags: ${flags[*]}**"
    done
    echo
  done
done
