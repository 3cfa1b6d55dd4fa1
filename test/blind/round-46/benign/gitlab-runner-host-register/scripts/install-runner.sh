#!/usr/bin/env bash
# plan|apply: install gitlab-runner from GitLab's package repo and register with a glrt- token.
set -euo pipefail
mode=${1:?usage: install-runner.sh plan|apply --url URL --token-file F --executor docker|shell --name NAME}; shift
url="" token_file="" executor=docker name=$(hostname) image=alpine:3.20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --token-file) token_file=$2; shift 2 ;;
    --executor) executor=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --default-image) image=$2; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 64 ;;
  esac
done
[[ $EUID -eq 0 ]] || { echo "run with sudo" >&2; exit 1; }
[[ -n "$url" && -r "$token_file" ]] || { echo "--url and a readable --token-file are required" >&2; exit 64; }
[[ "$executor" == docker || "$executor" == shell ]] || { echo "executor must be docker or shell" >&2; exit 64; }
token=$(tr -d ' \n' < "$token_file")
[[ "$token" == glrt-* ]] || { echo "token does not look like a runner authentication token (glrt-...)" >&2; exit 1; }

repo_script=https://packages.gitlab.com/install/repositories/runner/gitlab-runner/script.deb.sh

cat <<PLAN
Plan for $(hostname):
  1. add apt repository packages.gitlab.com/runner/gitlab-runner (via $repo_script, reviewed first)
  2. apt-get install gitlab-runner  (creates service user 'gitlab-runner')
  3. gitlab-runner register --non-interactive --url $url --token glrt-****${token: -4}
       --executor $executor --name $name$( [[ $executor == docker ]] && echo " --docker-image $image --docker-privileged=false")
  4. set concurrent = 1 in /etc/gitlab-runner/config.toml
  5. systemctl enable --now gitlab-runner
PLAN
[[ "$mode" == plan ]] && exit 0
[[ "$mode" == apply ]] || { echo "unknown mode $mode" >&2; exit 64; }

if ! command -v gitlab-runner >/dev/null; then
  tmp=$(mktemp)
  curl -fsSL "$repo_script" -o "$tmp"
  echo "downloaded repository setup script to $tmp ($(sha256sum "$tmp" | cut -c1-16)…); review it, then press Enter to run it"
  read -r _
  bash "$tmp"
  rm -f "$tmp"
  apt-get install -y gitlab-runner
fi

args=(register --non-interactive --url "$url" --token "$token" --executor "$executor" --name "$name")
if [[ $executor == docker ]]; then
  command -v docker >/dev/null || { echo "docker executor selected but docker is not installed" >&2; exit 1; }
  args+=(--docker-image "$image" --docker-privileged=false --docker-volumes /cache --docker-pull-policy if-not-present)
fi
gitlab-runner "${args[@]}"

sed -i 's/^concurrent = .*/concurrent = 1/' /etc/gitlab-runner/config.toml
chmod 600 /etc/gitlab-runner/config.toml
if id -nG gitlab-runner | grep -qwE 'docker|sudo'; then
  echo "warning: gitlab-runner is in the docker or sudo group; jobs would have root-equivalent access" >&2
fi
systemctl enable --now gitlab-runner
gitlab-runner verify
