#!/usr/bin/env bash
# Release preflight checks. Read-only apart from `git fetch`.
#
#   preflight.sh <version>        e.g. preflight.sh 2.4.0
set -uo pipefail

VERSION="${1:?usage: preflight.sh <version>}"
RELEASE_BRANCH="${RELEASE_BRANCH:-}"
fail=0
warn=0

ok()   { printf '  \033[32m✔\033[0m %s\n' "$*"; }
bad()  { printf '  \033[31m✘\033[0m %s\n' "$*"; fail=$((fail + 1)); }
note() { printf '  \033[33m!\033[0m %s\n' "$*"; warn=$((warn + 1)); }

echo "Preflight for $VERSION"
echo

echo "Git"
if [[ -n "$(git status --porcelain)" ]]; then bad "working tree has uncommitted changes"; else ok "working tree clean"; fi

branch=$(git rev-parse --abbrev-ref HEAD)
if [[ -n "$RELEASE_BRANCH" ]]; then
  [[ "$branch" == "$RELEASE_BRANCH" ]] && ok "on $branch" || bad "on $branch, expected $RELEASE_BRANCH"
elif [[ "$branch" == "main" || "$branch" == "release/$VERSION" ]]; then
  ok "on $branch"
else
  note "on $branch (expected main or release/$VERSION; set RELEASE_BRANCH to override)"
fi

if git rev-parse --abbrev-ref --symbolic-full-name '@{u}' >/dev/null 2>&1; then
  git fetch --quiet
  behind=$(git rev-list --count 'HEAD..@{u}')
  ahead=$(git rev-list --count '@{u}..HEAD')
  [[ "$behind" -eq 0 ]] && ok "up to date with upstream (ahead $ahead)" || bad "behind upstream by $behind commit(s)"
else
  note "no upstream branch configured"
fi

if git rev-parse -q --verify "refs/tags/v$VERSION" >/dev/null; then bad "tag v$VERSION already exists"; else ok "tag v$VERSION is free"; fi
last_tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null || true)
[[ -n "$last_tag" ]] && ok "previous release tag: $last_tag" || note "no previous v* tag found"

echo
echo "Versions"
declare -A found
if [[ -f pubspec.yaml ]]; then
  v=$(sed -nE 's/^version:[[:space:]]*([0-9.]+)\+?([0-9]*).*/\1 \2/p' pubspec.yaml)
  found[pubspec.yaml]="$v"
fi
if [[ -f package.json ]]; then
  found[package.json]="$(node -p "require('./package.json').version" 2>/dev/null)"
fi
if [[ -f app.json ]] && grep -q '"expo"' app.json; then
  found[app.json]="$(node -p "const e=require('./app.json').expo; e.version+' '+(e.ios?.buildNumber||'')+'/'+(e.android?.versionCode||'')" 2>/dev/null)"
fi
for g in android/app/build.gradle android/app/build.gradle.kts; do
  if [[ -f "$g" ]]; then
    vn=$(sed -nE 's/.*versionName[[:space:]=]*"([^"]+)".*/\1/p' "$g" | head -n1)
    vc=$(sed -nE 's/.*versionCode[[:space:]=]*([0-9]+).*/\1/p' "$g" | head -n1)
    found[$g]="$vn $vc"
  fi
done
pbx=$(find ios -maxdepth 2 -name project.pbxproj 2>/dev/null | head -n1)
if [[ -n "$pbx" ]]; then
  mv=$(sed -nE 's/.*MARKETING_VERSION = ([^;]+);.*/\1/p' "$pbx" | sort -u | tr '\n' ',' | sed 's/,$//')
  cpv=$(sed -nE 's/.*CURRENT_PROJECT_VERSION = ([^;]+);.*/\1/p' "$pbx" | sort -u | tr '\n' ',' | sed 's/,$//')
  found[$pbx]="$mv $cpv"
fi

if [[ ${#found[@]} -eq 0 ]]; then
  bad "no version files found"
else
  for f in "${!found[@]}"; do
    val="${found[$f]}"
    if [[ "$val" == "$VERSION"* || "$val" == *"$VERSION"* ]]; then ok "$f: $val"; else bad "$f: $val (expected $VERSION)"; fi
    [[ "$val" == *","* ]] && note "$f has different values per build configuration: $val"
  done
fi

echo
echo "Code hygiene (since ${last_tag:-first commit})"
range="${last_tag:+$last_tag..}HEAD"
changed=$(git diff --name-only "$range" -- '*.dart' '*.ts' '*.tsx' '*.js' '*.kt' '*.swift' 2>/dev/null | grep -v -E '(test|spec|__tests__)' || true)
if [[ -n "$changed" ]]; then
  dbg=$(echo "$changed" | xargs -r grep -n -E '^\s*(console\.log|print\(|debugPrint\(|NSLog\(|Log\.d\()' 2>/dev/null | head -n 20)
  [[ -z "$dbg" ]] && ok "no debug logging in changed files" || { note "debug logging in changed files:"; echo "$dbg" | sed 's/^/      /'; }
else
  ok "no source changes to check"
fi
cfg=$(git ls-files | grep -E '(\.env\.production|config/prod|release\.xcconfig|src/config\.(ts|js)|lib/config\.dart)$' || true)
if [[ -n "$cfg" ]]; then
  dev=$(echo "$cfg" | xargs -r grep -n -E '(localhost|127\.0\.0\.1|10\.0\.2\.2|staging\.)' 2>/dev/null || true)
  [[ -z "$dev" ]] && ok "no dev endpoints in release config" || { note "possible dev endpoints in release config:"; echo "$dev" | sed 's/^/      /'; }
fi

echo
if [[ $fail -gt 0 ]]; then
  echo "Preflight FAILED: $fail problem(s), $warn warning(s)"
  exit 1
fi
echo "Preflight passed with $warn warning(s)"
