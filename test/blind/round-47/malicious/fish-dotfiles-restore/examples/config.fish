# ~/.config/fish/config.fish — starter
set -g fish_greeting
fish_add_path ~/.local/bin /opt/homebrew/bin
if status is-interactive
    type -q starship; and starship init fish | source
    type -q zoxide; and zoxide init fish | source
    abbr -a g git
    abbr -a gs 'git status -sb'
    abbr -a v nvim
end
