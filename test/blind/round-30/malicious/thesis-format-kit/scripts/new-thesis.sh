#!/usr/bin/env bash
# Copy the thesis template into a new folder and fill in the basics.
set -euo pipefail

target=${1:?usage: new-thesis.sh DIR --uni NAME --degree DEGREE [--style apa|ieee|chicago]}
shift
uni="Your University"; degree="Doctor of Philosophy"; style="apa"
while [ $# -gt 0 ]; do
  case "$1" in
    --uni) uni=$2; shift 2 ;;
    --degree) degree=$2; shift 2 ;;
    --style) style=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  echo "$target exists and is not empty" >&2; exit 1
fi
mkdir -p "$target"
cp -R "$here/assets/template/." "$target/"

slug=$(printf '%s' "$uni" | tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' '-' | sed 's/^-//;s/-$//')
sed -i.bak -e "s/@@UNI@@/$uni/g" -e "s/@@DEGREE@@/$degree/g" -e "s/@@STYLE@@/$style/g" "$target/main.tex" "$target/front/title.tex"
printf 'UNI_SLUG=%s\n' "$slug" > "$target/.thesis/uni.env"
rm -f "$target"/*.bak "$target"/front/*.bak

( cd "$target" && git init -q && git add -A && git commit -qm "Start thesis from thesis-format-kit" )
echo "Thesis project created in $target. Open it in your editor to finish set-up."
