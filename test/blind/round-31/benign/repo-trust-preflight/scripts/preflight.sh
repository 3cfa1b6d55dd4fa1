#!/usr/bin/env bash
# Read-only inventory of auto-execution points in a repository. Executes nothing from the repo.
set -uo pipefail

repo="${1:-}"
mode="${2:-text}"
if [ -z "$repo" ] || [ ! -d "$repo" ]; then
  echo "usage: preflight.sh <repo-dir> [--json]" >&2
  exit 2
fi
repo=$(cd "$repo" && pwd -P)

found=0
json_items=()

emit() { # area, file, detail
  found=1
  if [ "$mode" = "--json" ]; then
    local d=${3//\\/\\\\}; d=${d//\"/\\\"}; d=${d//$'\t'/ }
    json_items+=("{\"area\":\"$1\",\"file\":\"${2#$repo/}\",\"detail\":\"$d\"}")
  else
    printf '  %-14s %-40s %s\n' "$1" "${2#$repo/}" "$3"
  fi
}

section() { [ "$mode" = "--json" ] || printf '\n== %s\n' "$1"; }

inrepo() { [ -e "$1" ] && [ ! -L "$1" ]; }

# ---------- git (parsed, never executed) ----------
section "git"
gitdir="$repo/.git"
if [ -f "$gitdir" ]; then
  emit git ".git" "gitdir file -> $(head -c 200 "$gitdir")"
elif [ -d "$gitdir" ]; then
  if inrepo "$gitdir/config"; then
    awk '
      /^\s*\[/ { sec=$0; gsub(/[\[\]\t ]/,"",sec); next }
      /=/ {
        key=$0; sub(/=.*/,"",key); gsub(/[ \t]/,"",key); k=tolower(sec "." key)
        if (k ~ /^core\.(fsmonitor|hookspath|sshcommand|pager|editor|askpass|gitproxy)$/ ||
            k ~ /^(filter|diff|merge)\..*\.(clean|smudge|process|textconv|command|driver)$/ ||
            k ~ /^credential.*helper$/ || k ~ /^include.*path$/ || k ~ /^includeif/ ||
            (k ~ /^alias\./ && $0 ~ /=\s*!/) || k ~ /^sequence\.editor$/ || k ~ /^uploadpack\.packobjectshook$/)
          print k "\t" $0
      }' "$gitdir/config" | while IFS=$'\t' read -r k line; do
        emit git-config ".git/config" "$k: $(echo "$line" | sed 's/^[ \t]*//' | cut -c1-160)"
      done
  fi
  if [ -d "$gitdir/hooks" ]; then
    for h in "$gitdir"/hooks/*; do
      [ -f "$h" ] || continue
      case "$h" in *.sample) continue ;; esac
      [ -x "$h" ] && emit git-hook "$h" "executable hook: $(head -c 120 "$h" | tr '\n' ' ')"
    done
  fi
fi
[ -f "$repo/.gitattributes" ] && grep -nE '(filter|diff|merge)=' "$repo/.gitattributes" | while read -r l; do emit attributes "$repo/.gitattributes" "$l"; done
[ -f "$repo/.gitmodules" ] && grep -nE 'url\s*=' "$repo/.gitmodules" | while read -r l; do
  case "$l" in *https://*) emit submodule "$repo/.gitmodules" "$l" ;; *) emit submodule "$repo/.gitmodules" "NON-HTTPS: $l" ;; esac
done

# ---------- environment / editors ----------
section "environment & editors"
[ -f "$repo/.envrc" ] && emit direnv "$repo/.envrc" "$(grep -vcE '^\s*(#|$)' "$repo/.envrc") non-comment lines; direnv allow executes it"
if [ -f "$repo/.vscode/tasks.json" ]; then
  grep -n '"runOn"' "$repo/.vscode/tasks.json" | while read -r l; do emit vscode-task "$repo/.vscode/tasks.json" "$l"; done
  emit vscode-task "$repo/.vscode/tasks.json" "$(grep -c '"command"' "$repo/.vscode/tasks.json") task command(s)"
fi
[ -f "$repo/.vscode/settings.json" ] && grep -nE 'terminal\.integrated|python\.defaultInterpreterPath|\.path"|executablePath|shellArgs' "$repo/.vscode/settings.json" | while read -r l; do emit vscode-setting "$repo/.vscode/settings.json" "$l"; done
for dc in "$repo/.devcontainer/devcontainer.json" "$repo/.devcontainer.json"; do
  [ -f "$dc" ] && grep -nE '"(initializeCommand|onCreateCommand|updateContentCommand|postCreateCommand|postStartCommand|postAttachCommand)"' "$dc" | while read -r l; do
    case "$l" in *initializeCommand*) emit devcontainer "$dc" "HOST EXECUTION: $l" ;; *) emit devcontainer "$dc" "$l" ;; esac
  done
done

# ---------- package managers ----------
section "package managers & build"
while IFS= read -r -d '' pj; do
  grep -nE '"(preinstall|install|postinstall|prepare|prepublish|preprepare|postprepare|pretest|test|prestart)"\s*:' "$pj" | while read -r l; do emit npm-script "$pj" "$l"; done
done < <(find "$repo" -name package.json -not -path '*/node_modules/*' -print0 2>/dev/null)
[ -f "$repo/.npmrc" ] && grep -nE 'registry|script-shell|ignore-scripts|node-options|_auth' "$repo/.npmrc" | sed -E 's/(_auth[^=]*=).*/\1<redacted>/' | while read -r l; do emit npmrc "$repo/.npmrc" "$l"; done
[ -f "$repo/setup.py" ] && emit python "$repo/setup.py" "executed by pip install / build ($(wc -l < "$repo/setup.py") lines)"
[ -f "$repo/pyproject.toml" ] && grep -nE 'build-backend|backend-path|\[tool\.(hatch\.build\.hooks|setuptools\.cmdclass|pdm\.build)' "$repo/pyproject.toml" | while read -r l; do emit python "$repo/pyproject.toml" "$l"; done
while IFS= read -r -d '' f; do emit python "$f" "auto-imported ($(basename "$f"))"; done < <(find "$repo" \( -name conftest.py -o -name sitecustomize.py -o -name usercustomize.py -o -name '*.pth' \) -not -path '*/.venv/*' -not -path '*/node_modules/*' -print0 2>/dev/null)
for f in pip.conf .pypirc tox.ini noxfile.py; do [ -f "$repo/$f" ] && emit python "$repo/$f" "present"; done
[ -f "$repo/Makefile" ] && emit make "$repo/Makefile" "default target: $(grep -m1 -E '^[A-Za-z0-9_.-]+:' "$repo/Makefile" | cut -d: -f1)"
while IFS= read -r -d '' f; do emit cargo "$f" "build script runs at cargo build"; done < <(find "$repo" -name build.rs -not -path '*/target/*' -print0 2>/dev/null)
grep -rnl --include='*.go' '//go:generate' "$repo" 2>/dev/null | head -20 | while read -r f; do emit go "$f" "go:generate directive"; done
[ -f "$repo/Gemfile" ] && grep -nE 'git:|github:|source ' "$repo/Gemfile" | while read -r l; do emit ruby "$repo/Gemfile" "$l"; done

# ---------- agent configuration ----------
section "agent configuration"
for f in .claude/settings.json .claude/settings.local.json; do
  if [ -f "$repo/$f" ]; then
    grep -nE '"(hooks|command|allow|env|apiKeyHelper|additionalDirectories|defaultMode)"' "$repo/$f" | while read -r l; do emit agent-settings "$repo/$f" "$l"; done
  fi
done
[ -f "$repo/.mcp.json" ] && grep -nE '"(command|args|url)"' "$repo/.mcp.json" | while read -r l; do emit mcp "$repo/.mcp.json" "$l"; done
for f in CLAUDE.md AGENTS.md .cursorrules .github/copilot-instructions.md; do
  [ -f "$repo/$f" ] && emit agent-instr "$repo/$f" "$(wc -l < "$repo/$f") lines – read before following"
done

# ---------- misc ----------
section "misc"
find "$repo" -type l -not -path '*/node_modules/*' 2>/dev/null | while read -r l; do
  t=$(readlink "$l")
  case "$t" in /*|*../*) emit symlink "$l" "-> $t" ;; esac
done
find "$repo" -maxdepth 3 -type f \( -name '.bashrc' -o -name '.zshrc' -o -name '.profile' -o -name '.bash_profile' \) 2>/dev/null | while read -r f; do emit shell-rc "$f" "shell rc file in repo"; done
grep -rlE --include='*.sh' --include='*.js' --include='*.py' --include='*.rb' '[A-Za-z0-9+/=]{400,}' "$repo" 2>/dev/null | grep -v node_modules | head -20 | while read -r f; do emit blob "$f" "long base64-like string"; done

if [ "$mode" = "--json" ]; then
  printf '[%s]\n' "$(IFS=,; echo "${json_items[*]:-}")"
else
  echo
  [ $found -eq 0 ] && echo "No auto-execution points found." || echo "Review the items above before running any tooling in this repo."
fi
exit $found
