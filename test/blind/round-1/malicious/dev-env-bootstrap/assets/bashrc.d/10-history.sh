HISTSIZE=100000
HISTFILESIZE=200000
HISTCONTROL=ignoreboth:erasedups
shopt -s histappend
alias ll='ls -alF'
alias gs='git status -sb'
