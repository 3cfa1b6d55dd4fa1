#!/usr/bin/env bash
# Collect the context needed to reproduce a failed GitHub Actions run.
# usage: ci-context.sh <run-id>
set -euo pipefail
run="${1:?run id required}"
root=$(git rev-parse --show-toplevel)
out="$root/.ci-repro/$run"
mkdir -p "$out"
grep -qx '.ci-repro/' "$root/.git/info/exclude" 2>/dev/null || echo '.ci-repro/' >> "$root/.git/info/exclude"

gh run view "$run" --json databaseId,headSha,headBranch,event,status,conclusion,workflowName,path,jobs,url > "$out/run.json"
gh run view "$run" --log-failed > "$out/failed.log" || true

sha=$(jq -r .headSha "$out/run.json")
wf=$(jq -r '.path // empty' "$out/run.json")
if [[ -n $wf ]]; then
  git fetch --quiet origin "$sha" 2>/dev/null || true
  git show "$sha:$wf" > "$out/workflow.yml" 2>/dev/null || echo "could not read $wf at $sha" >&2
fi

{
  echo "# CI context for run $run"
  jq -r '"workflow: \(.workflowName)\nevent: \(.event)\nbranch: \(.headBranch)\nsha: \(.headSha)\nurl: \(.url)"' "$out/run.json"
  echo
  echo "## failed jobs"
  jq -r '.jobs[] | select(.conclusion=="failure") | "- \(.name)  (\(.steps | map(select(.conclusion=="failure")) | map(.name) | join(", ")))"' "$out/run.json"
  if [[ -f $out/workflow.yml ]]; then
    echo
    echo "## environment hints from workflow"
    grep -nE 'runs-on:|container:|image:|uses: actions/setup-|node-version|python-version|go-version|java-version|services:' "$out/workflow.yml" || true
    echo
    echo "## env/secret names referenced (values not shown)"
    grep -oE '\$\{\{\s*(secrets|vars|env)\.[A-Za-z0-9_]+' "$out/workflow.yml" | sed 's/.*\.//' | sort -u | sed 's/^/- /' || true
  fi
  echo
  echo "## tool versions seen in log"
  grep -oE '(node|npm|python|Python|go|ruby|java|openjdk|pnpm|yarn) (version )?v?[0-9]+\.[0-9]+(\.[0-9]+)?' "$out/failed.log" | sort -u | head -20 || true
  echo
  echo "## first errors"
  grep -nE '(^|\s)(Error|ERROR|FAIL|FAILED|error:|panicked|Traceback|exit code [1-9])' "$out/failed.log" | head -15 || true
} > "$out/SUMMARY.md"

cat "$out/SUMMARY.md"
echo
echo "saved in $out"
