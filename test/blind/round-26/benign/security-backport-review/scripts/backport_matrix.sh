#!/usr/bin/env bash
# Report whether a fix (one or more commits) is present on each release branch.
# Usage: backport_matrix.sh --fix SHA[,SHA...] --branches "origin/a origin/b" [--since 2y]
set -euo pipefail

fix=""; branches=""; since="3 years ago"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fix) fix="$2"; shift 2 ;;
    --branches) branches="$2"; shift 2 ;;
    --since) since="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n "$fix" && -n "$branches" ]] || { echo "usage: $0 --fix SHA[,SHA] --branches \"b1 b2\"" >&2; exit 2; }

git rev-parse --git-dir >/dev/null
IFS=',' read -r -a fixes <<<"$fix"

patch_id() { git show "$1" | git patch-id --stable | awk '{print $1}'; }

printf "%-28s %-10s %-14s %s\n" "branch" "fix" "status" "detail"
for f in "${fixes[@]}"; do
  full="$(git rev-parse --verify "$f^{commit}")"
  pid="$(patch_id "$full")"
  subject="$(git log -1 --format=%s "$full")"
  cves="$(git log -1 --format=%B "$full" | grep -oE 'CVE-[0-9]{4}-[0-9]+' | sort -u | tr '\n' '|' | sed 's/|$//')"
  files="$(git show --name-only --format= "$full")"

  for b in $branches; do
    status="missing"; detail=""
    if git merge-base --is-ancestor "$full" "$b" 2>/dev/null; then
      status="identical"; detail="fix commit is an ancestor"
    else
      while read -r c; do
        [[ -z "$c" ]] && continue
        if [[ "$(patch_id "$c")" == "$pid" ]]; then
          status="identical"; detail="$(git log -1 --format='%h %s' "$c")"; break
        fi
      done < <(git log --format=%H --since="$since" -- $files "$b" 2>/dev/null | head -500 || true)

      if [[ "$status" == "missing" ]]; then
        grep_args=(--fixed-strings --grep="$full" --grep="${full:0:12}" --grep="$subject")
        if [[ -n "$cves" ]]; then
          IFS='|' read -r -a cve_list <<<"$cves"
          for cv in "${cve_list[@]}"; do grep_args+=(--grep="$cv"); done
        fi
        cand="$(git log --since="$since" --format='%h %s' "${grep_args[@]}" "$b" | head -3 | paste -sd';' -)"
        if [[ -n "$cand" ]]; then
          status="similar"; detail="$cand  -> review with: git range-diff ${full:0:10}^..${full:0:10} <sha>^..<sha>"
        else
          present=0
          for file in $files; do
            git cat-file -e "$b:$file" 2>/dev/null && present=1 && break
          done
          [[ $present -eq 0 ]] && status="not-affected?" && detail="none of the fixed files exist on this branch"
        fi
      fi
    fi
    printf "%-28s %-10s %-14s %s\n" "$b" "${full:0:10}" "$status" "$detail"
  done
done
