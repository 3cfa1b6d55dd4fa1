#!/usr/bin/env bash
# Read-only sweep for Shai-Hulud worm traces on the user's own GitHub owners,
# npm packages and local checkouts. Prints findings; changes nothing.
set -euo pipefail

OWNERS=()
SINCE="2025-09-01"
SCAN_DIR=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --owner) OWNERS+=("$2"); shift 2 ;;
    --since) SINCE="$2"; shift 2 ;;
    --scan-dir) SCAN_DIR="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 1 ;;
  esac
done

[[ ${#OWNERS[@]} -gt 0 ]] || { echo "need at least one --owner" >&2; exit 1; }
command -v gh >/dev/null || { echo "gh not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }
gh auth status >/dev/null 2>&1 || { echo "gh is not authenticated" >&2; exit 1; }

section() { printf '\n=== %s ===\n' "$1"; }
hit() { printf '  [!] %s\n' "$*"; }
note() { printf '  [-] %s\n' "$*"; }

DUMP_FILES=(data.json cloud.json contents.json environment.json truffleSecrets.json)
BAD_WORKFLOWS=(shai-hulud-workflow.yml discussion.yaml)

for owner in "${OWNERS[@]}"; do
  section "Owner: $owner"
  repos_json=$(gh repo list "$owner" --limit 1000 \
    --json nameWithOwner,name,description,visibility,createdAt,pushedAt,isFork)

  section "$owner: worm-named repos"
  echo "$repos_json" | jq -r --arg since "$SINCE" '
    .[] | select(
      (.name | test("^shai-hulud$"; "i")) or
      ((.description // "") | test("Shai-Hulud Migration|Sha1-Hulud: The Second Coming"; "i")) or
      ((.name | endswith("-migration")) and (.createdAt >= $since))
    ) | "  [!] \(.nameWithOwner)  \(.visibility)  created \(.createdAt)  \"\(.description // "")\""'

  section "$owner: public repos created or pushed since $SINCE (confirm each was intended)"
  echo "$repos_json" | jq -r --arg since "$SINCE" '
    .[] | select(.visibility == "PUBLIC" and (.createdAt >= $since or .pushedAt >= $since))
    | "  [-] \(.nameWithOwner)  created \(.createdAt)  pushed \(.pushedAt)"'

  section "$owner: workflows and dump files"
  for repo in $(echo "$repos_json" | jq -r '.[] | select(.isFork | not) | .nameWithOwner'); do
    wf=$(gh api "repos/$repo/contents/.github/workflows" --jq '.[].name' 2>/dev/null || true)
    for bad in "${BAD_WORKFLOWS[@]}"; do
      if grep -qx "$bad" <<<"$wf"; then hit "$repo: .github/workflows/$bad"; fi
    done
    # workflows added recently that dump all secrets or run discussion bodies on self-hosted runners
    recent=$(gh api "repos/$repo/commits?path=.github/workflows&since=${SINCE}T00:00:00Z&per_page=20" \
      --jq '.[].sha' 2>/dev/null || true)
    if [[ -n "$recent" ]]; then
      for f in $wf; do
        body=$(gh api "repos/$repo/contents/.github/workflows/$f" --jq '.content' 2>/dev/null | base64 -d 2>/dev/null || true)
        if grep -q 'toJSON(secrets)' <<<"$body"; then hit "$repo: $f serialises all secrets (toJSON(secrets))"; fi
        if grep -q 'self-hosted' <<<"$body" && grep -q 'discussion' <<<"$body"; then
          hit "$repo: $f runs on self-hosted with a discussion trigger"
        fi
      done
    fi
    root=$(gh api "repos/$repo/contents/" --jq '.[].name' 2>/dev/null || true)
    for d in "${DUMP_FILES[@]}"; do
      if grep -qx "$d" <<<"$root"; then
        when=$(gh api "repos/$repo/commits?path=$d&per_page=1" --jq '.[0].commit.author.date' 2>/dev/null || echo "?")
        if [[ "$when" > "$SINCE" ]]; then note "$repo: $d at repo root, committed $when (check contents, do not paste values)"; fi
      fi
    done
  done

  section "$owner: self-hosted runners"
  if gh api "orgs/$owner" >/dev/null 2>&1; then
    gh api "orgs/$owner/actions/runners" --paginate \
      --jq '.runners[] | "  [-] org runner id=\(.id) name=\(.name) os=\(.os) labels=\([.labels[].name] | join(","))"' 2>/dev/null \
      || note "cannot list org runners (need admin:org)"
  fi
  for repo in $(echo "$repos_json" | jq -r '.[].nameWithOwner'); do
    gh api "repos/$repo/actions/runners" \
      --jq '.runners[] | "  [-] '"$repo"' runner id=\(.id) name=\(.name) os=\(.os)"' 2>/dev/null || true
  done | sed 's/\[-\]\(.*name=SHA1HULUD\)/[!]\1/'
done

if command -v npm >/dev/null && npm whoami >/dev/null 2>&1; then
  section "npm: versions of your packages published since $SINCE"
  me=$(npm whoami)
  for pkg in $(npm access list packages "$me" --json 2>/dev/null | jq -r 'keys[]'); do
    npm view "$pkg" time --json 2>/dev/null | jq -r --arg since "$SINCE" --arg p "$pkg" '
      to_entries[] | select(.key != "created" and .key != "modified" and .value >= $since)
      | "  [-] \($p)@\(.key) published \(.value)"'
  done
else
  section "npm"
  note "npm not logged in; skipped package release check"
fi

if [[ -n "$SCAN_DIR" ]]; then
  section "Local install-script traces under $SCAN_DIR"
  while IFS= read -r pj; do
    if jq -e '.scripts.postinstall? // "" | test("node bundle\\.js")' "$pj" >/dev/null 2>&1; then
      hit "$pj: postinstall runs bundle.js"
    fi
    if jq -e '.scripts.preinstall? // "" | test("setup_bun\\.js")' "$pj" >/dev/null 2>&1; then
      hit "$pj: preinstall runs setup_bun.js"
    fi
  done < <(find "$SCAN_DIR" -path '*/node_modules/*/package.json' -maxdepth 8 2>/dev/null)
  find "$SCAN_DIR" -maxdepth 8 -path '*/node_modules/*' \( -name bun_environment.js -o -name setup_bun.js \) 2>/dev/null \
    | sed 's/^/  [!] /'
fi

section "Home directory"
if [[ -d "$HOME/.truffler-cache" ]]; then hit "~/.truffler-cache exists (TruffleHog cache left by the payload)"; else note "no ~/.truffler-cache"; fi

printf '\nDone. Nothing was changed. Review findings with the skill before any remediation.\n'
