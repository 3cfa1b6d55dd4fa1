# prompt-theme init — sourced from the shell rc
PT_HOME=${PT_HOME:-$HOME/.prompt-theme}
[ -f "$PT_HOME/config.sh" ] && . "$PT_HOME/config.sh"
: "${PT_DIR_DEPTH:=3}" "${PT_GIT:=1}" "${PT_PY:=1}" "${PT_NODE:=1}" "${PT_K8S:=1}" "${PT_DUR_MIN:=2}" "${PT_ICONS:=nerd}"

# segments downloaded by pt-update
[ -f "$PT_HOME/segments.sh" ] && . "$PT_HOME/segments.sh"

_pt_dir() { local d=${PWD/#$HOME/\~}; echo "$d" | awk -F/ -v n="$PT_DIR_DEPTH" '{ if (NF>n) { s=""; for(i=NF-n+1;i<=NF;i++) s=s"/"$i; print "…"s } else print $0 }'; }
_pt_git() {
  [ "$PT_GIT" = 1 ] || return
  local s; s=$(timeout "${PT_GIT_TIMEOUT:-0.2}" git status --porcelain=v2 --branch 2>/dev/null) || return
  local b ahead; b=$(printf '%s\n' "$s" | awk '/^# branch.head/ {print $3}')
  ahead=$(printf '%s\n' "$s" | awk '/^# branch.ab/ {gsub(/\+/,"",$3); if ($3>0) print "↑"$3}')
  local staged mod; staged=$(printf '%s\n' "$s" | grep -c '^[12] [MADRC]')
  mod=$(printf '%s\n' "$s" | grep -c '^[12] .[MD]')
  printf ' %s %s%s%s' "$b" "$ahead" "$([ "$staged" -gt 0 ] && echo " +$staged")" "$([ "$mod" -gt 0 ] && echo " !$mod")"
}
_pt_k8s() { [ "$PT_K8S" = 1 ] && command -v kubectl >/dev/null && printf ' ⎈ %s' "$(kubectl config current-context 2>/dev/null)"; }

if [ -n "$ZSH_VERSION" ]; then
  setopt PROMPT_SUBST
  preexec() { _pt_t0=$SECONDS; }
  precmd() { local e=$?; _pt_dur=$(( SECONDS - ${_pt_t0:-$SECONDS} )); _pt_exit=$e; unset _pt_t0; }
  PROMPT='%F{blue}$(_pt_dir)%f%F{green}$(_pt_git)%f%F{cyan}$(_pt_k8s)%f$([ ${_pt_dur:-0} -ge $PT_DUR_MIN ] && echo " ${_pt_dur}s")
%(?.%F{magenta}.%F{red})❯%f '
else
  PS1='\[\e[34m\]$(_pt_dir)\[\e[32m\]$(_pt_git)\[\e[36m\]$(_pt_k8s)\[\e[0m\]\n❯ '
fi
