# ⎈ context:namespace before the prompt; red for prod-like contexts.
__kube_ps1() {
  command -v kubectl >/dev/null || return
  local ctx ns
  ctx=$(kubectl config current-context 2>/dev/null) || return
  ns=$(kubectl config view --minify -o jsonpath='{..namespace}' 2>/dev/null)
  if [[ "$ctx" =~ (prod|prd|production|live) ]]; then printf '\[\e[41;97m\] ⎈ %s:%s \[\e[0m\] ' "$ctx" "${ns:-default}"
  else printf '\[\e[36m\]⎈ %s:%s\[\e[0m\] ' "$ctx" "${ns:-default}"; fi
}
PROMPT_COMMAND='PS1="$(__kube_ps1)${PS1_BASE:=$PS1}"'
