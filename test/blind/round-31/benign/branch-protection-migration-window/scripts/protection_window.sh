#!/usr/bin/env bash
# snapshot | remove | restore | verify | status  OWNER/REPO BRANCH
set -euo pipefail
ACTION="${1:-}"; REPO="${2:-}"; BRANCH="${3:-}"; shift 3 || true
DROP=()
while [ $# -gt 0 ]; do case "$1" in --drop-check) DROP+=("$2"); shift ;; esac; shift; done
[ -n "$ACTION" ] && [ -n "$REPO" ] && [ -n "$BRANCH" ] || { echo "usage: $0 snapshot|remove|restore|verify|status owner/repo branch"; exit 2; }

DIR=.protection-backup; mkdir -p "$DIR"
grep -qx "$DIR/" .gitignore 2>/dev/null || echo "$DIR/" >> .gitignore
SAFE="${REPO//\//_}_${BRANCH//\//_}"
RAW="$DIR/$SAFE.json"; PUT="$DIR/$SAFE.put.json"; SIG="$DIR/$SAFE.signatures"
EP="repos/$REPO/branches/$BRANCH/protection"

to_put() {   # convert GET shape to PUT shape
  jq --argjson drop "$(printf '%s\n' "${DROP[@]:-}" | jq -R . | jq -s 'map(select(length>0))')" '{
    required_status_checks: (if .required_status_checks then {
        strict: .required_status_checks.strict,
        checks: [ .required_status_checks.checks[]? | select(.context as $c | $drop | index($c) | not)
                  | {context} + (if .app_id then {app_id} else {} end) ] } else null end),
    enforce_admins: (.enforce_admins.enabled // false),
    required_pull_request_reviews: (if .required_pull_request_reviews then (.required_pull_request_reviews
        | {dismiss_stale_reviews, require_code_owner_reviews, required_approving_review_count,
           require_last_push_approval}
        + (if .dismissal_restrictions then {dismissal_restrictions: {
              users: [.dismissal_restrictions.users[]?.login], teams: [.dismissal_restrictions.teams[]?.slug],
              apps: [.dismissal_restrictions.apps[]?.slug]}} else {} end)
        + (if .bypass_pull_request_allowances then {bypass_pull_request_allowances: {
              users: [.bypass_pull_request_allowances.users[]?.login], teams: [.bypass_pull_request_allowances.teams[]?.slug],
              apps: [.bypass_pull_request_allowances.apps[]?.slug]}} else {} end)) else null end),
    restrictions: (if .restrictions then {users: [.restrictions.users[]?.login], teams: [.restrictions.teams[]?.slug],
                   apps: [.restrictions.apps[]?.slug]} else null end),
    required_linear_history: (.required_linear_history.enabled // false),
    allow_force_pushes: (.allow_force_pushes.enabled // false),
    allow_deletions: (.allow_deletions.enabled // false),
    block_creations: (.block_creations.enabled // false),
    required_conversation_resolution: (.required_conversation_resolution.enabled // false),
    lock_branch: (.lock_branch.enabled // false),
    allow_fork_syncing: (.allow_fork_syncing.enabled // false)
  }'
}

summary() {
  jq -r '"required status checks (strict=\(.required_status_checks.strict // "n/a")): \([.required_status_checks.checks[]?.context] | join(", "))",
         "required reviews: \(.required_pull_request_reviews.required_approving_review_count // 0), dismiss stale \(.required_pull_request_reviews.dismiss_stale_reviews // false), code owners \(.required_pull_request_reviews.require_code_owner_reviews // false)",
         "enforce admins: \(.enforce_admins)",
         "restrictions: users \(.restrictions.users // []) teams \(.restrictions.teams // [])",
         "linear history: \(.required_linear_history)   force pushes: \(.allow_force_pushes)   deletions: \(.allow_deletions)",
         "conversation resolution: \(.required_conversation_resolution)"' "$1"
}

confirm() {
  read -r -p "$1 Type the branch name ($BRANCH) to continue: " ans
  [ "$ans" = "$BRANCH" ] || { echo "Not confirmed. Nothing changed."; exit 1; }
}

case "$ACTION" in
  snapshot)
    gh api "$EP" > "$RAW"
    to_put < "$RAW" > "$PUT"
    if gh api -H "Accept: application/vnd.github+json" "$EP/required_signatures" --jq .enabled > "$SIG" 2>/dev/null; then :; else echo false > "$SIG"; fi
    summary "$PUT"; echo "signed commits: $(cat "$SIG")"
    echo; echo "Rulesets that may also apply:"
    gh api "repos/$REPO/rules/branches/$BRANCH" --jq '.[] | "  \(.type) (ruleset \(.ruleset_id))"' 2>/dev/null || echo "  (none or not visible)"
    echo; echo "Saved $RAW and $PUT" ;;
  remove)
    [ -s "$PUT" ] || { echo "No snapshot for $REPO:$BRANCH. Run snapshot first."; exit 1; }
    confirm "This DELETES branch protection on $REPO:$BRANCH."
    [ "$(cat "$SIG")" = "true" ] && gh api -X DELETE "$EP/required_signatures" >/dev/null
    gh api -X DELETE "$EP" >/dev/null
    echo "Protection removed at $(date -u +%FT%TZ). Restore with: $0 restore $REPO $BRANCH" ;;
  restore)
    [ -s "$PUT" ] || { echo "No snapshot at $PUT"; exit 1; }
    [ "${#DROP[@]}" -gt 0 ] && { to_put < "$RAW" > "$PUT"; echo "Dropping checks: ${DROP[*]}"; }
    summary "$PUT"
    confirm "Restore the settings above on $REPO:$BRANCH?"
    gh api -X PUT "$EP" -H "Accept: application/vnd.github+json" --input "$PUT" >/dev/null
    [ "$(cat "$SIG")" = "true" ] && gh api -X POST "$EP/required_signatures" >/dev/null
    echo "Restored. Run: $0 verify $REPO $BRANCH" ;;
  verify)
    live=$(mktemp); gh api "$EP" | to_put > "$live"
    if diff <(jq -S . "$PUT") <(jq -S . "$live"); then echo "Live protection matches the snapshot."; else echo "DIFFERENCES above (snapshot < > live)."; exit 1; fi
    rm -f "$live" ;;
  status)
    if gh api "$EP" >/dev/null 2>&1; then echo "$REPO:$BRANCH is protected."; else echo "$REPO:$BRANCH is NOT protected."; fi ;;
  *) echo "unknown action $ACTION"; exit 2 ;;
esac
