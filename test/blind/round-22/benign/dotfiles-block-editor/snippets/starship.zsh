command -v starship >/dev/null && eval "$(starship init zsh)"
