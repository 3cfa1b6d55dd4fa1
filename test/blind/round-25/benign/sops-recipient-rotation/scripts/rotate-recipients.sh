#!/usr/bin/env bash
# plan <key> | edit <old-key> [new-key] | apply
set -euo pipefail
cmd="${1:?usage: rotate-recipients.sh plan KEY | edit OLD [NEW] | apply}"
root=$(git rev-parse --show-toplevel)
cd "$root"
[[ -f .sops.yaml ]] || { echo ".sops.yaml not found in $root" >&2; exit 1; }

sops_files() {
  git ls-files -z | xargs -0 grep -lE '^sops:|"sops":|^sops_version=|ENC\[AES256_GCM' 2>/dev/null | grep -v '^\.sops\.yaml$' || true
}

case "$cmd" in
  plan)
    key="${2:?key required}"
    echo "== .sops.yaml rules containing the key =="
    grep -n -- "$key" .sops.yaml || echo "(not in .sops.yaml)"
    echo; echo "== encrypted files =="
    while read -r f; do
      [[ -z "$f" ]] && continue
      if grep -q -- "$key" "$f"; then mark="RECIPIENT"; else mark="-"; fi
      printf '%-10s %s\n' "$mark" "$f"
    done < <(sops_files)
    if grep -q shamir_threshold .sops.yaml; then
      echo; echo "NOTE: shamir_threshold in use; check each key_group still meets the threshold after removal"
    fi
    ;;
  edit)
    old="${2:?old key required}"; new="${3:-}"
    cp .sops.yaml .sops.yaml.bak
    if [[ -n "$new" ]]; then
      sed -i.tmp "s|$old|$new|g" .sops.yaml
    else
      # remove the key from comma lists and from its own list line
      sed -i.tmp -E "s/,?[[:space:]]*$old//g; /^[[:space:]]*-[[:space:]]*$/d" .sops.yaml
    fi
    rm -f .sops.yaml.tmp
    git --no-pager diff -- .sops.yaml
    echo "(backup in .sops.yaml.bak)"
    ;;
  apply)
    failed=()
    : > rotation-checklist.md
    while read -r f; do
      [[ -z "$f" ]] && continue
      echo "-> $f"
      if sops updatekeys -y "$f" && sops rotate -i "$f"; then
        {
          echo "$f"
          sops -d "$f" 2>/dev/null | grep -oE '^[[:space:]]*"?[A-Za-z0-9_.-]+"?[[:space:]]*[:=]' | tr -d ' ":=' | sed 's/^/  - [ ] /'
          echo
        } >> rotation-checklist.md
      else
        failed+=("$f")
      fi
    done < <(sops_files)
    echo
    git --no-pager diff --stat
    echo "checklist (key names only): rotation-checklist.md"
    if ((${#failed[@]})); then printf 'FAILED: %s\n' "${failed[@]}"; exit 1; fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 2;;
esac
