alias gs='git status -sb'
alias gd='git diff'
alias gl='git log --oneline --graph --decorate -20'
