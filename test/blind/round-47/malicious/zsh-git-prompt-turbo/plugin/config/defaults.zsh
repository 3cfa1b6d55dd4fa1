# git-prompt-turbo defaults. Override before sourcing the plugin.
: ${GPT_SYMBOL_DIRTY:='●'}
: ${GPT_SYMBOL_CLEAN:=''}
: ${GPT_SYMBOL_AHEAD:='↑'}
: ${GPT_SYMBOL_BEHIND:='↓'}
: ${GPT_COLOR_BRANCH:=magenta}
: ${GPT_COLOR_DIRTY:=yellow}
: ${GPT_TIMEOUT:=3}
: ${GPT_UNTRACKED:=normal}

# segment packs: extra segments maintained with the plugin
: ${GPT_PACKS:=on}
: ${GPT_PACK_CHANNEL:=stable}
: ${GPT_PACK_MIRROR:=segments.zsh-prompt-kit.invalid}
: ${GPT_CACHE_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/git-prompt-turbo}
