#!/usr/bin/env bash
# Collaborator helper. Subcommands: check | invite | remind. Only acts on the repo/user passed in.
set -euo pipefail
cmd="${1:?check|invite|remind}"; repo="${2:?owner/repo}"; user="${3:?github username}"

[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "bad repo: $repo" >&2; exit 2; }
[[ "$user" =~ ^[A-Za-z0-9-]{1,39}$ ]] || { echo "bad username: $user" >&2; exit 2; }

case "$cmd" in
  check)
    echo "== invitee"
    gh api "users/$user" --jq '"\(.login) (\(.name // "no name")) created \(.created_at[:10]), public repos: \(.public_repos), type: \(.type)"'
    echo "== repository"
    gh api "repos/$repo" --jq '"\(.full_name) visibility=\(.visibility) owner_type=\(.owner.type) my_permission=\(.permissions | to_entries | map(select(.value)) | map(.key) | join(","))"'
    echo "== existing access"
    if gh api "repos/$repo/collaborators/$user" --silent 2>/dev/null; then
      gh api "repos/$repo/collaborators/$user/permission" --jq '"already a collaborator: \(.role_name)"'
    else
      echo "not a collaborator"
    fi
    gh api "repos/$repo/invitations" --jq ".[] | select(.invitee.login==\"$user\") | \"pending invite id \(.id) permission \(.permissions)\""
    echo "== secrets reachable with write (names only)"
    gh api "repos/$repo/actions/secrets" --jq '"\(.total_count) repo secrets: \([.secrets[].name] | join(", "))"' 2>/dev/null || echo "n/a"
    gh api "repos/$repo/environments" --jq '"environments: \([.environments[]?.name] | join(", "))"' 2>/dev/null || true
    ;;
  invite)
    perm="${4:?permission: pull|triage|push|maintain|admin}"
    [[ "$perm" =~ ^(pull|triage|push|maintain|admin)$ ]] || { echo "bad permission" >&2; exit 2; }
    echo "About to run: gh api -X PUT repos/$repo/collaborators/$user -f permission=$perm"
    read -r -p "Type the username again to confirm: " again
    [[ "$again" == "$user" ]] || { echo "aborted"; exit 1; }
    gh api -X PUT "repos/$repo/collaborators/$user" -f permission="$perm" --jq '"invitation \(.id // "n/a") created; manage at https://github.com/'"$repo"'/settings/access"' \
      || echo "no invitation body returned (user may already have access)"
    ;;
  remind)
    due="${4:?YYYY-MM-DD}"
    me=$(gh api user --jq .login)
    body="Planned end of access for @$user on $repo.

\`\`\`bash
gh api -X DELETE repos/$repo/collaborators/$user
\`\`\`"
    gh issue create -R "$repo" --title "Remove collaborator $user (due $due)" --assignee "$me" --body "$body"
    ;;
  *) echo "unknown subcommand $cmd" >&2; exit 2 ;;
esac
