command -v fnm >/dev/null && eval "$(fnm env --use-on-cd --shell zsh)"
