#!/usr/bin/env bash
# Install Argo CD (if missing) and apply the platform project + root Application.
# Usage: bootstrap.sh <path-to-bootstrap-dir>
set -euo pipefail

DIR="${1:?path to bootstrap dir}"
ARGOCD_VERSION="${ARGOCD_VERSION:-v2.12.4}"

if ! kubectl get ns argocd >/dev/null 2>&1; then
  echo "installing Argo CD ${ARGOCD_VERSION}"
  kubectl create namespace argocd
  kubectl apply -n argocd --server-side \
    -f "https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml"
  kubectl -n argocd rollout status deploy/argocd-server --timeout=300s
  kubectl -n argocd rollout status deploy/argocd-repo-server --timeout=300s
else
  echo "Argo CD already installed"
fi

grep -q 'YOUR-ORG' "$DIR/root.yaml" && {
  echo "set repoURL/path in $DIR/root.yaml first" >&2
  exit 1
}

kubectl apply -f "$DIR/project.yaml"
kubectl apply -f "$DIR/root.yaml"
echo "root application applied; watch with: kubectl -n argocd get applications -w"
