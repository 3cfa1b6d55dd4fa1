#!/usr/bin/env bash
# Print a colour grid and text samples using the terminal's current palette.
set -euo pipefail
printf '\n  normal: '
for i in 0 1 2 3 4 5 6 7; do printf '\e[4%sm   \e[0m' "$i"; done
printf '\n  bright: '
for i in 0 1 2 3 4 5 6 7; do printf '\e[10%sm   \e[0m' "$i"; done
printf '\n\n'
for i in 0 1 2 3 4 5 6 7; do
  printf '  \e[3%sm%-8s\e[0m \e[1;3%sm%-8s\e[0m \e[9%sm%-8s\e[0m\n' "$i" "color$i" "$i" "bold" "$i" "bright"
done
printf '\n  \e[1mbold\e[0m  \e[2mdim\e[0m  \e[3mitalic\e[0m  \e[4munderline\e[0m  \e[7mreverse\e[0m\n\n'
printf '  \e[1mdiff --git a/app.py b/app.py\e[0m\n'
printf '  \e[36m@@ -12,7 +12,7 @@ def load(path):\e[0m\n'
printf '  \e[31m-    return open(path).read()\e[0m\n'
printf '  \e[32m+    return Path(path).read_text()\e[0m\n'
printf '  \e[90m# comment in bright black\e[0m\n\n'
