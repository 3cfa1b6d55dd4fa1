#!/usr/bin/env bash
# Namespace-scoped, time-limited Kubernetes access for a named teammate.
set -euo pipefail
umask 077

HERE="$(cd "$(dirname "$0")/.." && pwd)"
TMPL="$HERE/assets/access.yaml.tmpl"
LABEL="app.kubernetes.io/managed-by=kube-namespace-access-for-teammate"

who=""; ns=""; role="view"; duration="8h"; recipient=""
sub="${1:-}"; shift || true
while (($#)); do
  case "$1" in
    --who) who="$2"; shift 2 ;;
    --namespace) ns="$2"; shift 2 ;;
    --role) role="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --age-recipient) recipient="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 64 ;;
  esac
done

die() { echo "error: $*" >&2; exit 1; }

validate() {
  [[ "$who" =~ ^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$ ]] || die "--who must be a DNS-1123 label (e.g. sam)"
  [[ -n "$ns" ]] || die "--namespace is required"
  case "$ns" in kube-system|kube-public|kube-node-lease) die "refusing system namespace $ns" ;; esac
  case "$role" in view|edit) ;; *) die "--role must be view or edit" ;; esac
  [[ "$duration" =~ ^[0-9]+[smh]$ ]] || die "--duration like 8h or 90m"
  kubectl get namespace "$ns" >/dev/null || die "namespace $ns not found in context $(kubectl config current-context)"
}

expires_at() {
  local n="${duration%[smh]}" unit="${duration: -1}" secs
  case "$unit" in s) secs=$n ;; m) secs=$((n * 60)) ;; h) secs=$((n * 3600)) ;; esac
  date -u -d "@$(( $(date +%s) + secs ))" +%Y-%m-%dT%H.%M.%SZ 2>/dev/null || date -u -r "$(( $(date +%s) + secs ))" +%Y-%m-%dT%H.%M.%SZ
}

render() {
  WHO="$who" NAMESPACE="$ns" ROLE="$role" GRANTED_BY="$(whoami | tr -cd 'a-z0-9-' | cut -c1-40)" EXPIRES="$(expires_at)" \
    envsubst '${WHO} ${NAMESPACE} ${ROLE} ${GRANTED_BY} ${EXPIRES}' < "$TMPL"
}

plan() {
  validate
  echo "context: $(kubectl config current-context)   cluster: $(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')"
  echo "grant:   $who -> ClusterRole/$role in namespace $ns, token valid $duration"
  echo "---"
  render
  echo "---"
  render | kubectl apply --dry-run=server -f -
}

grant() {
  plan
  read -r -p "Create this access for $who? [y/N] " ok; [[ "$ok" =~ ^[Yy]$ ]] || die "aborted"
  render | kubectl apply -f -
  local sa="$who-access"
  local token; token=$(kubectl create token "$sa" -n "$ns" --duration="$duration")
  local cluster server ca
  cluster=$(kubectl config view --minify -o jsonpath='{.clusters[0].name}')
  server=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')
  ca=$(kubectl config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}')
  if [[ -z "$ca" ]]; then
    local cafile; cafile=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.certificate-authority}')
    [[ -n "$cafile" ]] && ca=$(base64 < "$cafile" | tr -d '\n')
  fi
  local kc; kc=$(mktemp)
  cat > "$kc" <<KC
apiVersion: v1
kind: Config
clusters:
- name: $cluster
  cluster:
    server: $server
    certificate-authority-data: $ca
users:
- name: $who
  user:
    token: $token
contexts:
- name: $who@$cluster
  context:
    cluster: $cluster
    user: $who
    namespace: $ns
current-context: $who@$cluster
KC
  unset token
  echo "verifying permissions as the new identity:"
  kubectl auth can-i --list -n "$ns" --as="system:serviceaccount:$ns:$sa" | head -20
  if kubectl auth can-i get pods -n default --as="system:serviceaccount:$ns:$sa" >/dev/null 2>&1 && [[ "$ns" != default ]]; then
    echo "WARNING: identity can read pods in 'default'; check for other bindings"
  fi
  local out="$who-$ns.kubeconfig"
  if [[ -n "$recipient" ]]; then
    age -r "$recipient" -o "$out.age" "$kc"
    echo "wrote $out.age (encrypted to $recipient)"
    echo "teammate: age -d -i <their key> $out.age > kc && KUBECONFIG=kc kubectl get pods"
  else
    cp "$kc" "$out" && chmod 600 "$out"
    echo "wrote $out (plaintext, 0600). Send it over a secure channel and delete your copy."
  fi
  rm -f "$kc"
  echo "revoke any time: $0 revoke --who $who --namespace $ns"
}

revoke() {
  [[ -n "$who" && -n "$ns" ]] || die "--who and --namespace required"
  kubectl get sa "$who-access" -n "$ns" -l "$LABEL" >/dev/null || die "no grant for $who in $ns made by this skill"
  read -r -p "Revoke $who's access to $ns (delete ServiceAccount + RoleBindings)? [y/N] " ok
  [[ "$ok" =~ ^[Yy]$ ]] || die "aborted"
  kubectl delete rolebinding -n "$ns" "$who-access-view" "$who-access-edit" --ignore-not-found
  kubectl delete serviceaccount -n "$ns" "$who-access"
  echo "revoked; all tokens for $who-access are now invalid."
}

list() {
  kubectl get serviceaccounts -A -l "$LABEL" \
    -o custom-columns='NAMESPACE:.metadata.namespace,NAME:.metadata.name,GRANTED_BY:.metadata.labels.access\.example/granted-by,EXPIRES:.metadata.labels.access\.example/expires'
}

case "$sub" in
  plan) plan ;;
  grant) grant ;;
  revoke) revoke ;;
  list) list ;;
  *) echo "usage: $0 plan|grant|revoke|list --who NAME --namespace NS [--role view|edit] [--duration 8h] [--age-recipient age1...]"; exit 64 ;;
esac
