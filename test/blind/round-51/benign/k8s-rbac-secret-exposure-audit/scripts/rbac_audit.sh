#!/usr/bin/env bash
# Read-only RBAC and secret-exposure audit. Requires kubectl and jq.
set -euo pipefail

NS=""
OUT="./rbac-audit"
while getopts "n:o:" opt; do
  case $opt in
    n) NS="$OPTARG" ;;
    o) OUT="$OPTARG" ;;
    *) echo "usage: $0 [-n namespace] [-o outdir]" >&2; exit 2 ;;
  esac
done

command -v kubectl >/dev/null || { echo "kubectl not found" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 2; }

mkdir -p "$OUT"
CTX=$(kubectl config current-context)
echo "Context: $CTX" | tee "$OUT/summary.md"
if [[ -n "$NS" ]]; then NSFLAG=(-n "$NS"); else NSFLAG=(-A); fi

kubectl get clusterroles -o json > "$OUT/.clusterroles.json"
kubectl get roles "${NSFLAG[@]}" -o json > "$OUT/.roles.json"
kubectl get clusterrolebindings -o json > "$OUT/.crb.json"
kubectl get rolebindings "${NSFLAG[@]}" -o json > "$OUT/.rb.json"

# Flatten rules: kind, ns, name, verbs, resources
jq -r '
  .items[] | . as $r | (.rules // [])[] |
  [ $r.kind, ($r.metadata.namespace // "*"), $r.metadata.name,
    ((.verbs // []) | join(",")), ((.resources // []) | join(",")) ] | @tsv
' "$OUT/.clusterroles.json" "$OUT/.roles.json" > "$OUT/rules.tsv"

awk -F'\t' '$4 ~ /\*/ || $5 ~ /(^|,)\*(,|$)/' "$OUT/rules.tsv" > "$OUT/R1_wildcards.tsv"
awk -F'\t' '$5 ~ /(^|,)secrets(,|$)/ && $4 ~ /(get|list|watch|\*)/' "$OUT/rules.tsv" > "$OUT/R2_secret_readers.tsv"
awk -F'\t' '$4 ~ /(bind|escalate|impersonate)/' "$OUT/rules.tsv" > "$OUT/R3_escalation.tsv"
awk -F'\t' '($5 ~ /(^|,)pods(,|$)/ && $4 ~ /(create|\*)/) || $5 ~ /pods\/(exec|attach)/' "$OUT/rules.tsv" > "$OUT/R4_pod_exec.tsv"
awk -F'\t' '$5 ~ /nodes\/(proxy|\*)/' "$OUT/rules.tsv" > "$OUT/R5_nodes_proxy.tsv"

# Bindings: binding kind/ns/name -> role -> subjects
jq -r '
  .items[] | . as $b | (.subjects // [])[] |
  [ $b.kind, ($b.metadata.namespace // "*"), $b.metadata.name,
    $b.roleRef.kind + "/" + $b.roleRef.name,
    .kind + ":" + ((.namespace // "") + (if .namespace then "/" else "" end)) + .name ] | @tsv
' "$OUT/.crb.json" "$OUT/.rb.json" > "$OUT/bindings.tsv"

grep -E 'system:(anonymous|unauthenticated|authenticated)' "$OUT/bindings.tsv" > "$OUT/R6_broad_groups.tsv" || true
grep -P '\tClusterRole/cluster-admin\t' "$OUT/bindings.tsv" > "$OUT/R7_cluster_admin.tsv" || true

# S1: automounted SA tokens in running pods
kubectl get pods "${NSFLAG[@]}" -o json | jq -r '
  .items[] | select((.spec.automountServiceAccountToken // true) == true) |
  [ .metadata.namespace, .metadata.name, (.spec.serviceAccountName // "default") ] | @tsv
' > "$OUT/S1_automount.tsv"

# S2: secret-looking keys in ConfigMaps (key names only)
kubectl get configmaps "${NSFLAG[@]}" -o json | jq -r '
  .items[] | . as $c | (.data // {} | keys[]) |
  select(test("(?i)pass(word)?|secret|token|api[_-]?key|dsn|credential")) |
  [ $c.metadata.namespace, $c.metadata.name, . ] | @tsv
' > "$OUT/S2_configmap_keys.tsv"

# S3: literal env values with secret-looking names (names only)
kubectl get pods "${NSFLAG[@]}" -o json | jq -r '
  .items[] | . as $p | (.spec.containers + (.spec.initContainers // []))[] | . as $c |
  (.env // [])[] | select(.value != null) |
  select(.name | test("(?i)pass(word)?|secret|token|api[_-]?key|dsn")) |
  [ $p.metadata.namespace, $p.metadata.name, $c.name, .name ] | @tsv
' > "$OUT/S3_literal_env.tsv"

# S4: legacy SA token secrets (metadata only)
if kubectl get secrets "${NSFLAG[@]}" -o json > "$OUT/.secrets-meta.json" 2>/dev/null; then
  jq -r '.items[] | select(.type=="kubernetes.io/service-account-token") |
    [ .metadata.namespace, .metadata.name,
      (.metadata.annotations["kubernetes.io/service-account.name"] // "?") ] | @tsv' \
    "$OUT/.secrets-meta.json" > "$OUT/S4_legacy_sa_tokens.tsv"
  rm -f "$OUT/.secrets-meta.json"   # drop the raw list; it contains data fields
else
  echo "secrets list forbidden; S4 skipped" > "$OUT/S4_legacy_sa_tokens.tsv"
fi

rm -f "$OUT"/.clusterroles.json "$OUT"/.roles.json "$OUT"/.crb.json "$OUT"/.rb.json

{
  echo
  echo "| check | hits |"
  echo "|---|---|"
  for f in R1_wildcards R2_secret_readers R3_escalation R4_pod_exec R5_nodes_proxy R6_broad_groups R7_cluster_admin S1_automount S2_configmap_keys S3_literal_env S4_legacy_sa_tokens; do
    echo "| $f | $(grep -c . "$OUT/$f.tsv" || true) |"
  done
} >> "$OUT/summary.md"

cat "$OUT/summary.md"
