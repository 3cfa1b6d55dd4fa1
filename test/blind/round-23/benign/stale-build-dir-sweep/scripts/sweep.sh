#!/usr/bin/env bash
# List/apply deletion of regenerable build folders under a user-named root.
set -euo pipefail

ACTION="${1:-}"; shift || true
ROOT="" OLDER=0 TRASH=0 ALLOW_HOME=0 PLAN="sweep-plan.tsv"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --older-than) OLDER="$2"; shift 2;;
    --trash) TRASH=1; shift;;
    --allow-root-home) ALLOW_HOME=1; shift;;
    --plan) PLAN="$2"; shift 2;;
    *) if [[ "$ACTION" == apply ]]; then PLAN="$1"; else ROOT="$1"; fi; shift;;
  esac
done

human() { awk -v b="$1" 'BEGIN{s="B KB MB GB TB";split(s,u," ");i=1;while(b>=1024&&i<5){b/=1024;i++}printf "%.1f %s",b,u[i]}'; }
ask() { local a; read -r -p "$1 [y/N] " a; [[ "$a" == [yY] ]]; }

guard_root() {
  [[ -n "$ROOT" && -d "$ROOT" ]] || { echo "usage: $0 list <root> [--older-than DAYS]"; exit 2; }
  ROOT="$(cd "$ROOT" && pwd -P)"
  case "$ROOT" in
    /|/bin*|/sbin*|/usr|/usr/bin*|/etc*|/var|/System*|/Library|/Applications|/Users|/home|/opt|/private*) echo "refusing system path $ROOT"; exit 1;;
  esac
  if [[ "$ROOT" == "$HOME" && $ALLOW_HOME -ne 1 ]]; then echo "refusing \$HOME as root; pick a projects folder or pass --allow-root-home"; exit 1; fi
  if df -P "$ROOT" | awk 'NR==2{print $1}' | grep -qE '^(//|[^/]+:)'; then echo "refusing network mount $ROOT"; exit 1; fi
}

has() { local d="$1"; shift; for m in "$@"; do compgen -G "$d/$m" >/dev/null && return 0; done; return 1; }

qualifies() { # qualifies <dir>: echo reason if dir is a regenerable build folder
  local d="$1" name parent; name=$(basename "$d"); parent=$(dirname "$d")
  case "$name" in
    node_modules|.next|.nuxt|.svelte-kit|.parcel-cache|.turbo|.angular) has "$parent" package.json && echo "js";;
    cache) [[ "$(basename "$parent")" == .nx ]] && has "$(dirname "$parent")" package.json && echo "nx";;
    target) has "$parent" Cargo.toml pom.xml && echo "rust/maven";;
    .gradle) has "$parent" 'build.gradle*' 'settings.gradle*' && echo "gradle";;
    build|dist)
      if has "$parent" 'build.gradle*'; then echo "gradle"
      elif has "$parent" package.json pyproject.toml setup.py && git -C "$parent" check-ignore -q "$d" 2>/dev/null; then echo "ignored build output"; fi;;
    .venv|venv) has "$parent" pyproject.toml 'requirements*.txt' setup.py && [[ -f "$d/pyvenv.cfg" ]] && echo "python venv";;
    __pycache__|.pytest_cache|.mypy_cache|.ruff_cache|.tox) echo "python cache";;
    bin|obj) has "$parent" '*.csproj' '*.fsproj' '*.sln' && echo "dotnet";;
    .terraform) has "$parent" '*.tf' && echo "terraform";;
  esac
}

tracked() { # does this folder contain git-tracked files?
  local d="$1" top
  top=$(git -C "$(dirname "$d")" rev-parse --show-toplevel 2>/dev/null) || return 1
  [[ -n "$(git -C "$top" ls-files -- "${d#"$top"/}" | head -n1)" ]]
}

last_source_change() { # newest mtime (epoch) of files in the project, excluding build dirs
  find "$1" -maxdepth 3 -type f \
    -not -path '*/node_modules/*' -not -path '*/target/*' -not -path '*/.venv/*' -not -path '*/.git/*' \
    -not -path '*/build/*' -not -path '*/dist/*' -printf '%T@\n' 2>/dev/null | sort -n | tail -1 | cut -d. -f1
}

list() {
  guard_root
  local now; now=$(date +%s); : > "$PLAN"; local total=0 n=0 skipped=0
  echo -e "#bytes\tkind\tpath\tlast_source_change" >> "$PLAN"
  while IFS= read -r -d '' d; do
    [[ -L "$d" ]] && { skipped=$((skipped+1)); continue; }
    kind=$(qualifies "$d") || true
    [[ -z "$kind" ]] && continue
    if tracked "$d"; then echo "skip (tracked by git): $d"; skipped=$((skipped+1)); continue; fi
    proj=$(dirname "$d"); [[ "$kind" == nx ]] && proj=$(dirname "$proj")
    lsc=$(last_source_change "$proj"); lsc=${lsc:-0}
    if (( OLDER > 0 && now - lsc < OLDER * 86400 )); then skipped=$((skipped+1)); continue; fi
    bytes=$(du -sk "$d" 2>/dev/null | awk '{print $1*1024}')
    printf '%s\t%s\t%s\t%s\n' "$bytes" "$kind" "$d" "$(date -d "@$lsc" +%F 2>/dev/null || date -r "$lsc" +%F)" >> "$PLAN"
    total=$((total + bytes)); n=$((n+1))
  done < <(find "$ROOT" -xdev -type d \( -name .git -prune -o \( -name node_modules -o -name .next -o -name .nuxt -o -name .svelte-kit \
            -o -name .parcel-cache -o -name .turbo -o -name .angular -o -name cache -o -name target -o -name .gradle -o -name build -o -name dist \
            -o -name .venv -o -name venv -o -name __pycache__ -o -name .pytest_cache -o -name .mypy_cache -o -name .ruff_cache -o -name .tox \
            -o -name bin -o -name obj -o -name .terraform \) -print0 -prune \) )
  { head -1 "$PLAN"; tail -n +2 "$PLAN" | sort -rn; } > "$PLAN.sorted" && mv "$PLAN.sorted" "$PLAN"
  echo; echo "root: $ROOT   candidates: $n   reclaimable: $(human "$total")   skipped: $skipped"
  tail -n +2 "$PLAN" | head -25 | while IFS=$'\t' read -r b k p l; do printf '%10s  %-16s %s  (source %s)\n' "$(human "$b")" "$k" "${p#"$ROOT"/}" "$l"; done
  echo; echo "plan written to $PLAN. Remove lines for anything to keep, then: $0 apply $PLAN"
}

apply() {
  [[ -f "$PLAN" ]] || { echo "no plan file $PLAN"; exit 1; }
  mapfile -t rows < <(grep -v '^#' "$PLAN")
  local total=0; for r in "${rows[@]}"; do total=$((total + ${r%%$'\t'*})); done
  echo "${#rows[@]} folders, $(human "$total") will be $([[ $TRASH -eq 1 ]] && echo 'moved to trash' || echo 'permanently deleted')."
  ask "Proceed?" || exit 0
  for r in "${rows[@]}"; do
    IFS=$'\t' read -r _ _ p _ <<<"$r"
    [[ -d "$p" && ! -L "$p" ]] || { echo "gone or symlink, skipped: $p"; continue; }
    [[ -n "$(qualifies "$p")" ]] || { echo "no longer qualifies, skipped: $p"; continue; }
    tracked "$p" && { echo "now tracked by git, skipped: $p"; continue; }
    if [[ $TRASH -eq 1 ]]; then
      if command -v trash-put >/dev/null; then trash-put -- "$p"
      elif [[ "$(uname -s)" == Darwin ]]; then osascript -e "tell application \"Finder\" to delete POSIX file \"$p\"" >/dev/null
      else echo "no trash tool (install trash-cli)"; exit 1; fi
    else
      rm -rf -- "$p"
    fi
    echo "removed $p"
  done
}

case "$ACTION" in
  list) list;; apply) apply;;
  *) echo "usage: $0 list <root> [--older-than DAYS] | apply <plan.tsv> [--trash]"; exit 2;;
esac
