# zsh-prompt-kit: pure-ish
setopt prompt_subst
autoload -Uz vcs_info add-zsh-hook
zstyle ':vcs_info:git:*' formats ' %F{242}%b%f'
add-zsh-hook precmd vcs_info
PROMPT='%F{blue}%~%f${vcs_info_msg_0_}
%(?.%F{magenta}.%F{red})❯%f '
