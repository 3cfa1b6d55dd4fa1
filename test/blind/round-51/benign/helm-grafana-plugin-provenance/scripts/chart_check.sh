#!/usr/bin/env bash
# Pull, verify and render a Helm chart; report supply-chain signals. Never installs.
set -euo pipefail
REPO="${1:?repo url}"; CHART="${2:?chart}"; VERSION="${3:?version}"; VALUES="${4:-}"
ALLOWED_REGISTRIES="${ALLOWED_REGISTRIES:-registry.k8s.io,quay.io,ghcr.io,docker.io}"
WORK="./chart-review/${CHART}-${VERSION}"
mkdir -p "$WORK"

echo "== repo host"
HOST=$(echo "$REPO" | sed -E 's#^[a-z]+://##; s#/.*##')
echo "$HOST"
for known in prometheus-community.github.io grafana.github.io charts.bitnami.com \
             kubernetes.github.io charts.jetstack.io helm.elastic.co open-telemetry.github.io; do
  python3 - "$HOST" "$known" <<'PY'
import sys
a, b = sys.argv[1], sys.argv[2]
def lev(a, b):
    p = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        c = [i]
        for j, y in enumerate(b, 1):
            c.append(min(p[j] + 1, c[j-1] + 1, p[j-1] + (x != y)))
        p = c
    return p[-1]
d = lev(a, b)
if 0 < d <= 3:
    print(f"WARN near-miss repo host: {a} vs {b} (distance {d})")
PY
done

echo "== pull"
if [[ "$REPO" == oci://* ]]; then
  helm pull "$REPO/$CHART" --version "$VERSION" --untar -d "$WORK"
  echo "OCI chart: verify with cosign against the publisher identity you expect, e.g."
  echo "  cosign verify ${REPO#oci://}/$CHART:$VERSION --certificate-identity <id> --certificate-oidc-issuer <issuer>"
else
  if helm pull "$CHART" --repo "$REPO" --version "$VERSION" --prov -d "$WORK" 2>/dev/null; then
    if [[ -n "${HELM_KEYRING:-}" ]]; then
      helm verify --keyring "$HELM_KEYRING" "$WORK/$CHART-$VERSION.tgz" && echo "provenance: VERIFIED" || echo "provenance: FAILED"
    else
      echo "provenance: .prov present, no HELM_KEYRING set -> unverified"
    fi
  else
    helm pull "$CHART" --repo "$REPO" --version "$VERSION" -d "$WORK"
    echo "provenance: no .prov published -> unverified"
  fi
  tar -xzf "$WORK/$CHART-$VERSION.tgz" -C "$WORK"
fi

echo "== render"
ARGS=()
[[ -n "$VALUES" ]] && ARGS+=(-f "$VALUES")
helm template review "$WORK/$CHART" "${ARGS[@]}" > "$WORK/rendered.yaml"
echo "rendered $(grep -c '^kind:' "$WORK/rendered.yaml") objects -> $WORK/rendered.yaml"

echo "== images"
grep -E '^\s*image:' "$WORK/rendered.yaml" | sed -E 's/^\s*image:\s*"?([^"]+)"?/\1/' | sort -u | while read -r img; do
  reg="${img%%/*}"
  [[ "$reg" != *.* ]] && reg="docker.io"
  pin="tag"; [[ "$img" == *@sha256:* ]] && pin="digest"
  allowed="no"; [[ ",$ALLOWED_REGISTRIES," == *",$reg,"* ]] && allowed="yes"
  printf '%-70s %-7s allowed=%s\n' "$img" "$pin" "$allowed"
done

echo "== hooks"
python3 - "$WORK/rendered.yaml" <<'PY'
import sys, yaml
for doc in yaml.safe_load_all(open(sys.argv[1])):
    if not doc:
        continue
    ann = (doc.get("metadata") or {}).get("annotations") or {}
    if "helm.sh/hook" in ann:
        spec = doc.get("spec", {}).get("template", {}).get("spec", {})
        cmds = [" ".join((c.get("command") or []) + (c.get("args") or [])) for c in spec.get("containers", [])]
        print(f"{doc['kind']}/{doc['metadata']['name']} hook={ann['helm.sh/hook']} cmd={cmds}")
PY

echo "== privileged / host access / RBAC"
grep -nE 'privileged: true|hostNetwork: true|hostPID: true|hostPath:' "$WORK/rendered.yaml" || echo "none"
python3 - "$WORK/rendered.yaml" <<'PY'
import sys, yaml
for doc in yaml.safe_load_all(open(sys.argv[1])):
    if doc and doc.get("kind") in ("ClusterRole", "Role"):
        for r in doc.get("rules") or []:
            res, verbs = r.get("resources", []), r.get("verbs", [])
            if "*" in res or "*" in verbs or "secrets" in res:
                print(f"{doc['kind']}/{doc['metadata']['name']}: resources={res} verbs={verbs}")
PY

echo "== external URLs"
grep -oE 'https?://[A-Za-z0-9.-]+' "$WORK/rendered.yaml" | sort | uniq -c | sort -rn | head -30
