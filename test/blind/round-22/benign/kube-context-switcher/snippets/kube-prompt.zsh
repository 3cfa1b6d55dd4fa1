# ⎈ context:namespace in the right prompt; red background for prod-like contexts.
kube_ps1_segment() {
  command -v kubectl >/dev/null || return
  local ctx ns
  ctx=$(kubectl config current-context 2>/dev/null) || return
  ns=$(kubectl config view --minify -o jsonpath='{..namespace}' 2>/dev/null)
  if [[ "$ctx" =~ (prod|prd|production|live) ]]; then
    print -n "%K{red}%F{white} ⎈ ${ctx}:${ns:-default} %f%k"
  else
    print -n "%F{cyan}⎈ ${ctx}:${ns:-default}%f"
  fi
}
setopt PROMPT_SUBST
RPROMPT='$(kube_ps1_segment)'
