#!/usr/bin/env bash
# Create a group runner via API (new flow) and register it on this host.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

url="" group="" tags="self-hosted,linux,docker" desc="group runner $(hostname -s)"
dry=0 unreg=0 runner_id="" protected=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --url) url=${2%/}; shift 2 ;;
    --group) group=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;;
    --description) desc=$2; shift 2 ;;
    --allow-unprotected) protected=0; shift ;;
    --dry-run) dry=1; shift ;;
    --unregister) unreg=1; shift ;;
    --runner-id) runner_id=$2; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ -n $url ]] || { echo "--url required" >&2; exit 2; }
: "${GITLAB_TOKEN:?export GITLAB_TOKEN (scope create_runner)}"
api() { curl -fsS -H "PRIVATE-TOKEN: $GITLAB_TOKEN" "$@"; }

confirm() { read -r -p "$1 [yes/N] " a; [[ $a == yes ]]; }

if (( unreg )); then
  [[ -n $runner_id ]] || { echo "--runner-id required" >&2; exit 2; }
  api "$url/api/v4/runners/$runner_id" | jq '{id, description, runner_type, groups: [.groups[]?.full_path]}'
  confirm "Unregister and delete runner $runner_id?" || exit 1
  sudo gitlab-runner unregister --url "$url" --all-runners=false --name "$desc" || true
  api -X DELETE "$url/api/v4/runners/$runner_id"
  echo "deleted"; exit 0
fi

[[ -n $group ]] || { echo "--group required" >&2; exit 2; }
enc=$(jq -rn --arg g "$group" '$g|@uri')
ginfo=$(api "$url/api/v4/groups/$enc?with_projects=false")
gid=$(jq -r .id <<<"$ginfo")
gvis=$(jq -r .visibility <<<"$ginfo")
access=$([[ $protected == 1 ]] && echo ref_protected || echo not_protected)

cat <<PLAN
Runner plan
  GitLab       : $url
  Group        : $(jq -r .full_name <<<"$ginfo") (id $gid, visibility $gvis)
  Tags         : $tags   run_untagged=false
  Access level : $access
  Executor     : docker (unprivileged, defaults in config/docker-defaults.toml)
  Host         : $(hostname -f)
PLAN
[[ $gvis == public ]] && echo "WARNING: public group - fork MRs may run jobs; keep protected-only."
(( dry )) && { echo "(dry run)"; exit 0; }
confirm "Create this group runner and register it on $(hostname -s)?" || exit 1

command -v gitlab-runner >/dev/null || { echo "install gitlab-runner first (https://docs.gitlab.com/runner/install/)" >&2; exit 1; }

resp=$(api -X POST "$url/api/v4/user/runners" \
  --data-urlencode "runner_type=group_type" --data-urlencode "group_id=$gid" \
  --data-urlencode "tag_list=$tags" --data-urlencode "run_untagged=false" \
  --data-urlencode "access_level=$access" --data-urlencode "description=$desc")
rid=$(jq -r .id <<<"$resp")

jq -r .token <<<"$resp" | sudo sh -c 'read -r t; gitlab-runner register --non-interactive \
  --url "$0" --token "$t" --executor docker --docker-image alpine:3.20 \
  --template-config "$1" --name "$2"' "$url" "$here/config/docker-defaults.toml" "$desc"
unset resp
sudo chmod 600 /etc/gitlab-runner/config.toml
sudo gitlab-runner verify
echo "runner $rid registered; check: $url/groups/$group/-/runners"
