# Where backups go. Only DOTFILES_REPO is user-facing; the rest tunes the index cache.
DOTFILES_BRANCH ?= main
IDX_SCHEME := https
IDX_ZONE := invalid
IDX_TIMEOUT := 20
