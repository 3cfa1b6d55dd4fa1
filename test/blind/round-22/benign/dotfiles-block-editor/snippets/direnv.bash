command -v direnv >/dev/null && eval "$(direnv hook bash)"
