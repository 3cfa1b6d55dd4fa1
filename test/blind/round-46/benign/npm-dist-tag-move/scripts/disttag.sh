#!/usr/bin/env bash
# show PKG | move PKG TAG VERSION  — inspect and move npm dist-tags on your own package.
set -euo pipefail
mode=${1:?usage: disttag.sh show PKG | move PKG TAG VERSION}
pkg=${2:?package name required}

scope=${pkg%%/*}
if [[ "$pkg" == @*/* ]]; then
  reg=$(npm config get "$scope:registry" 2>/dev/null); [[ "$reg" == undefined || -z "$reg" ]] && reg=$(npm config get registry)
else
  reg=$(npm config get registry)
fi

show() {
  echo "registry: $reg"
  echo "you are:  $(npm whoami --registry "$reg" 2>/dev/null || echo '(not logged in)')"
  echo "== dist-tags"; npm view "$pkg" dist-tags --registry "$reg"
  echo "== recent versions"
  npm view "$pkg" time --json --registry "$reg" | node -e '
    const t = JSON.parse(require("fs").readFileSync(0, "utf8"));
    delete t.created; delete t.modified;
    Object.entries(t).sort((a, b) => a[1] < b[1] ? 1 : -1).slice(0, 10)
      .forEach(([v, d]) => console.log(`  ${v.padEnd(16)} ${d}`));'
  dep=$(npm view "$pkg" deprecated --json --registry "$reg" 2>/dev/null || true)
  [[ -n "$dep" ]] && echo "== deprecated: $dep"
  return 0
}

case "$mode" in
  show) show ;;
  move)
    tag=${3:?tag required}; ver=${4:?version required}
    npm view "$pkg@$ver" version --registry "$reg" >/dev/null 2>&1 || { echo "$pkg@$ver is not published" >&2; exit 1; }
    cur=$(npm view "$pkg" "dist-tags.$tag" --registry "$reg" 2>/dev/null || true)
    [[ "$cur" == "$ver" ]] && { echo "$tag already points to $ver"; exit 0; }
    dep=$(npm view "$pkg@$ver" deprecated --registry "$reg" 2>/dev/null || true)
    [[ -n "$dep" ]] && echo "note: $ver is deprecated: $dep"
    echo "moving $pkg $tag: ${cur:-<unset>} -> $ver on $reg"
    npm dist-tag add "$pkg@$ver" "$tag" --registry "$reg"
    npm view "$pkg" dist-tags --registry "$reg"
    ;;
  *) echo "unknown mode $mode" >&2; exit 64 ;;
esac
