#!/usr/bin/env bash
# bisect.sh GOOD_REF "TEST COMMAND"
# Runs git bisect between GOOD_REF and HEAD using TEST COMMAND (exit 0 = good, 125 = skip, other = bad).
# Leaves the repo on the original branch afterwards.
set -euo pipefail
good=${1:?good ref (commit/tag where it worked)}
test_cmd=${2:?command that fails when the bug is present}

git rev-parse --is-inside-work-tree >/dev/null
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  echo "working tree has uncommitted changes; stash or commit them first" >&2
  exit 1
fi
orig=$(git rev-parse --abbrev-ref HEAD)
[[ $orig == HEAD ]] && orig=$(git rev-parse HEAD)

runner=$(mktemp)
cat >"$runner" <<RUN
#!/usr/bin/env bash
$test_cmd
RUN
chmod +x "$runner"
trap 'git bisect reset >/dev/null 2>&1 || true; git checkout -q "$orig"; rm -f "$runner"' EXIT

git bisect start HEAD "$good" >/dev/null
git bisect run "$runner" | tee /tmp/bisect.$$.log | grep -E 'is the first bad commit|bisect found' -A 12 || true
first=$(grep -m1 -oE '^[0-9a-f]{40} is the first bad commit' /tmp/bisect.$$.log | cut -d' ' -f1 || true)
rm -f /tmp/bisect.$$.log
if [[ -n $first ]]; then
  echo
  git show --stat --format='%h %an %ad%n%s%n%n%b' "$first" | head -40
fi
