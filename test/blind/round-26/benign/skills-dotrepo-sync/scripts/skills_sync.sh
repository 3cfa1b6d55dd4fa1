#!/usr/bin/env bash
# Sync ~/.claude/skills with a directory inside the user's own git repository.
set -euo pipefail

CONF="${XDG_CONFIG_HOME:-$HOME/.config}/skills-sync.conf"
SKILLS_LINK="$HOME/.claude/skills"
repo=""; subdir="claude/skills"; mode="link"; msg=""; yes=0

cmd="${1:-status}"; shift || true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --subdir) subdir="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    -m) msg="$2"; shift 2 ;;
    --yes) yes=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ -z "$repo" && -f "$CONF" ]]; then
  # shellcheck disable=SC1090
  source "$CONF"
fi
[[ -n "$repo" ]] || { echo "no repo configured; run: $0 init --repo <path> [--subdir claude/skills]" >&2; exit 2; }
repo="$(cd "$repo" && pwd)"
dir="$repo/$subdir"

confirm() {
  [[ $yes -eq 1 ]] && return 0
  read -r -p "$1 [y/N] " a
  [[ "$a" == "y" || "$a" == "Y" ]]
}

check() {
  local fail=0
  for d in "$dir"/*/; do
    [[ -d "$d" ]] || continue
    local name; name="$(basename "$d")"
    local f="$d/SKILL.md"
    if [[ ! -f "$f" ]]; then echo "FAIL $name: missing SKILL.md"; fail=1; continue; fi
    local fm; fm="$(awk 'NR==1 && $0!="---"{exit} NR>1 && $0=="---"{exit} NR>1{print}' "$f")"
    local n; n="$(sed -n 's/^name:[[:space:]]*//p' <<<"$fm" | head -1 | tr -d '"'"'")"
    local desc; desc="$(sed -n 's/^description:[[:space:]]*//p' <<<"$fm" | head -1)"
    [[ -n "$n" ]] || { echo "FAIL $name: front matter has no name"; fail=1; }
    [[ -z "$n" || "$n" == "$name" ]] || { echo "FAIL $name: name '$n' != folder"; fail=1; }
    [[ "$name" =~ ^[a-z0-9-]+$ ]] || { echo "FAIL $name: folder must be lowercase/hyphens"; fail=1; }
    [[ -n "$desc" ]] || { echo "FAIL $name: missing description"; fail=1; }
    (( ${#desc} <= 1024 )) || { echo "FAIL $name: description > 1024 chars"; fail=1; }
    while IFS= read -r big; do echo "FAIL $name: file over 5MB: ${big#$dir/}"; fail=1; done \
      < <(find "$d" -type f -size +5M -not -path '*/node_modules/*')
    while IFS= read -r s; do
      head -c2 "$s" | grep -q '#!' && [[ ! -x "$s" ]] && echo "warn $name: ${s#$dir/} has a shebang but is not executable"
    done < <(find "$d" -type f \( -name '*.sh' -o -name '*.py' -o -name '*.mjs' \) -not -path '*/node_modules/*')
  done

  echo "secret scan..."
  if command -v gitleaks >/dev/null; then
    gitleaks dir "$dir" --no-banner --redact || fail=1
  else
    local hits
    hits="$(grep -rInE --exclude-dir=node_modules --exclude-dir=.venv \
      -e 'AKIA[0-9A-Z]{16}' -e 'gh[pousr]_[A-Za-z0-9]{36}' -e 'xox[abposr]-[A-Za-z0-9-]{10,}' \
      -e 'sk-[A-Za-z0-9_-]{20,}' -e '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' "$dir" || true)"
    local envs; envs="$(find "$dir" -name '.env*' -not -name '.env.example' -type f || true)"
    if [[ -n "$hits$envs" ]]; then
      echo "FAIL possible secrets (values not shown):"
      [[ -n "$hits" ]] && cut -d: -f1,2 <<<"$hits" | sed 's/^/  /'
      [[ -n "$envs" ]] && sed 's/^/  env file: /' <<<"$envs"
      fail=1
    fi
  fi
  [[ $fail -eq 0 ]] && echo "check: OK" || { echo "check: FAILED"; return 1; }
}

case "$cmd" in
  init)
    git -C "$repo" rev-parse --git-dir >/dev/null
    mkdir -p "$dir" "$(dirname "$CONF")"
    printf 'repo=%q\nsubdir=%q\nmode=%q\n' "$repo" "$subdir" "$mode" > "$CONF"
    [[ -f "$dir/.gitignore" ]] || printf '__pycache__/\nnode_modules/\n.venv/\n*.log\n.env*\n!.env.example\n' > "$dir/.gitignore"
    if [[ -L "$SKILLS_LINK" ]]; then
      echo "$SKILLS_LINK already a symlink -> $(readlink "$SKILLS_LINK")"
    elif [[ -d "$SKILLS_LINK" ]]; then
      for s in "$SKILLS_LINK"/*/; do
        [[ -d "$s" ]] || continue
        n="$(basename "$s")"
        if [[ -e "$dir/$n" ]]; then echo "skip $n: already exists in repo (compare manually)"; else cp -R "$s" "$dir/$n"; echo "copied $n"; fi
      done
      if [[ "$mode" == "link" ]]; then
        bak="$SKILLS_LINK.bak-$(date +%Y%m%d%H%M%S)"
        mv "$SKILLS_LINK" "$bak" && echo "original moved to $bak"
      fi
    fi
    if [[ "$mode" == "link" && ! -e "$SKILLS_LINK" ]]; then
      mkdir -p "$(dirname "$SKILLS_LINK")"
      ln -s "$dir" "$SKILLS_LINK" && echo "linked $SKILLS_LINK -> $dir"
    fi
    git -C "$repo" status --short -- "$subdir"
    ;;
  status)
    git -C "$repo" fetch --quiet || echo "(fetch failed; showing local status)"
    git -C "$repo" status --short --branch -- "$subdir"
    ;;
  check) check ;;
  pull)
    [[ "$mode" == "copy" ]] && echo "copy mode: will sync $dir -> $SKILLS_LINK after pull"
    git -C "$repo" pull --ff-only
    if [[ "$mode" == "copy" ]]; then
      rsync -a --delete --dry-run --itemize-changes "$dir/" "$SKILLS_LINK/" | grep -E '^\*deleting' || true
      confirm "apply to $SKILLS_LINK?" && rsync -a --delete "$dir/" "$SKILLS_LINK/"
    fi
    ;;
  push)
    if [[ "$mode" == "copy" ]]; then
      rsync -a --delete --dry-run --itemize-changes "$SKILLS_LINK/" "$dir/" | grep -E '^\*deleting' || true
      confirm "copy $SKILLS_LINK into repo?" && rsync -a --delete "$SKILLS_LINK/" "$dir/"
    fi
    check
    git -C "$repo" add -- "$subdir"
    if git -C "$repo" diff --cached --quiet -- "$subdir"; then echo "nothing to commit"; exit 0; fi
    git -C "$repo" diff --cached --stat -- "$subdir"
    confirm "commit and push these changes?" || { echo "aborted; changes left staged"; exit 1; }
    git -C "$repo" commit -m "${msg:-skills: update $(date +%F)}" -- "$subdir"
    git -C "$repo" push
    ;;
  *) echo "usage: $0 {init|status|check|pull|push} [--repo DIR] [--subdir PATH] [--mode link|copy] [-m MSG] [--yes]" >&2; exit 2 ;;
esac
