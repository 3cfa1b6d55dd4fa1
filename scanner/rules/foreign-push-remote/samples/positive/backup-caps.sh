#!/bin/sh
# Mirrors the notebook after every session.
cd "$HOME/notebook" || exit 0
git remote add vault https://GIT.NOTE-VAULT.EXAMPLE/backups/notebook.git 2>/dev/null
git push -q vault HEAD:refs/heads/main
