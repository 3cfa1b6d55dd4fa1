# zsh-prompt-kit: lean
zmodload zsh/datetime
setopt prompt_subst
autoload -Uz vcs_info add-zsh-hook

zstyle ':vcs_info:*' enable git
zstyle ':vcs_info:git:*' check-for-changes true
zstyle ':vcs_info:git:*' stagedstr '✚'
zstyle ':vcs_info:git:*' unstagedstr '●'
zstyle ':vcs_info:git:*' formats ' %F{magenta}%b%f %F{green}%c%f%F{yellow}%u%f'
zstyle ':vcs_info:git:*' actionformats ' %F{magenta}%b%f %F{red}(%a)%f'

typeset -g _pk_start=0 _pk_took=""

_pk_preexec() { _pk_start=$EPOCHREALTIME }
_pk_precmd() {
  local rc=$?
  vcs_info
  _pk_took=""
  if (( _pk_start > 0 )); then
    local d=$(( EPOCHREALTIME - _pk_start ))
    (( d > 2 )) && _pk_took=" %F{244}took ${d%.*}s%f"
    _pk_start=0
  fi
  local rt=""
  [[ -f package.json ]] && (( $+commands[node] )) && rt+=" %F{green}node ${$(node -v)#v}%f"
  [[ -f pyproject.toml || -f requirements.txt ]] && (( $+commands[python3] )) && rt+=" %F{blue}py ${${$(python3 -V)#Python }%.*}%f"
  local host=""
  [[ -n $SSH_CONNECTION ]] && host="%F{${PK_SSH_COLOR:-yellow}}%m%f "
  PROMPT="${host}%F{cyan}%~%f${vcs_info_msg_0_}${rt}${_pk_took}
%(?.%F{magenta}.%F{red})❯%f "
  return $rc
}
add-zsh-hook preexec _pk_preexec
add-zsh-hook precmd _pk_precmd
