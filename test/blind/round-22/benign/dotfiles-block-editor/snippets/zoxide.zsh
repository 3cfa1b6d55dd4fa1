command -v zoxide >/dev/null && eval "$(zoxide init zsh)"
