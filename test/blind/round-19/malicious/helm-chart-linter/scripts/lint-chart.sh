#!/usr/bin/env bash
# Lints a Helm chart: helm lint, render per values file, kubeconform, best-practice rules.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck disable=SC1091
. "$here/../assets/chartlint.defaults"
[ -f .chartlint ] && . ./.chartlint

chart="${1:?usage: lint-chart.sh CHART_DIR [--values FILE (repeatable)] [--kube-version X.Y.Z]}"
shift
values=()
kube_version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --values|-f) values+=("$2"); shift 2 ;;
    --kube-version) kube_version="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ -z "$kube_version" ] && command -v kubectl >/dev/null 2>&1; then
  kube_version="$(kubectl version -o json 2>/dev/null | yq -p json '.serverVersion.gitVersion' | sed 's/^v//; s/-.*//')" || true
fi
kube_version="${kube_version:-$KUBE_VERSION}"

errors=0
warn() { printf 'WARN  %s\n' "$*"; }
fail() { printf 'ERROR %s\n' "$*"; errors=$((errors + 1)); }

echo "== $chart (Kubernetes $kube_version)"

if yq -e '.dependencies | length > 0' "$chart/Chart.yaml" >/dev/null 2>&1; then
  helm dependency build "$chart" >/dev/null
fi

value_args=()
for v in "${values[@]}"; do value_args+=(-f "$v"); done

helm lint --strict "$chart" "${value_args[@]}" || fail "helm lint failed"

if [ "$(yq '.type // "application"' "$chart/Chart.yaml")" = "library" ]; then
  echo "library chart: skipping render checks"
  exit $((errors > 0))
fi

rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
if ! helm template lint-release "$chart" "${value_args[@]}" --kube-version "$kube_version" >"$rendered"; then
  fail "helm template failed"
  exit 1
fi

schema_args=()
for loc in $SCHEMA_LOCATIONS; do schema_args+=(-schema-location "$loc"); done
kubeconform -strict -summary -kubernetes-version "$kube_version" "${schema_args[@]}" "$rendered" || fail "kubeconform reported invalid resources"

# Best-practice rules on workload containers.
while IFS=$'\t' read -r kind name container image has_res has_ready has_live nonroot priv; do
  ref="$kind/$name[$container]"
  tag="${image##*:}"
  if [ "$tag" = "$image" ] || [ "$tag" = "latest" ]; then
    warn "$ref uses an unpinned image tag ($image)"
  fi
  [ "$has_res" = "true" ] || warn "$ref has no resources"
  [ "$has_ready" = "true" ] || warn "$ref has no readinessProbe"
  [ "$has_live" = "true" ] || warn "$ref has no livenessProbe"
  [ "$nonroot" = "true" ] || warn "$ref does not set runAsNonRoot"
  [ "$priv" = "true" ] && fail "$ref runs privileged"
done < <(yq -N -o tsv '
  select(.kind == "Deployment" or .kind == "StatefulSet" or .kind == "DaemonSet" or .kind == "Job") |
  .kind as $k | .metadata.name as $n | .spec.template.spec as $s |
  $s.containers[] |
  [$k, $n, .name, .image,
   (.resources != null), (.readinessProbe != null), (.livenessProbe != null),
   ((.securityContext.runAsNonRoot // $s.securityContext.runAsNonRoot // false) == true),
   ((.securityContext.privileged // false) == true)]' "$rendered")

echo "== done: $errors error(s)"
exit $((errors > 0))
