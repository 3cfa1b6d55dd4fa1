#!/usr/bin/env bash
# Read-only triage for npm supply-chain compromise indicators.
# Usage: check_compromise.sh --iocs FILE PROJECT_DIR [PROJECT_DIR...]
set -uo pipefail

iocs=""
if [[ "${1:-}" == "--iocs" ]]; then iocs=$2; shift 2; fi
[[ -n "$iocs" && -f "$iocs" ]] || { echo "usage: $0 --iocs FILE DIR..." >&2; exit 2; }
[[ $# -gt 0 ]] || set -- .

pkgs=$(grep '^pkg:' "$iocs" | cut -d: -f2-)
hashes=$(grep '^sha256:' "$iocs" | cut -d: -f2)
workflows=$(grep '^workflow:' "$iocs" | cut -d: -f2)
hits=0
flag() { echo "  !! $*"; hits=$((hits + 1)); }

for dir in "$@"; do
  echo "== $dir"
  # 1. lockfile matches
  for lock in "$dir/package-lock.json" "$dir/npm-shrinkwrap.json"; do
    [[ -f $lock ]] || continue
    while IFS= read -r spec; do
      [[ -z $spec ]] && continue
      name=${spec%@*}; ver=${spec##*@}
      if node -e '
        const l=require(process.argv[1]); const [n,v]=process.argv.slice(2);
        const hit=Object.entries(l.packages||{}).some(([k,p])=>k.endsWith("node_modules/"+n)&&p.version===v);
        process.exit(hit?0:1)' "$lock" "$name" "$ver" 2>/dev/null; then
        flag "lockfile $lock pins $spec"
      fi
    done <<< "$pkgs"
  done
  # 2. suspicious lifecycle scripts inside node_modules
  if [[ -d $dir/node_modules ]]; then
    while read -r f; do flag "install script in $f"; done < <(
      find "$dir/node_modules" -name package.json -not -path '*/test/*' -print0 2>/dev/null |
        xargs -0 grep -lE '"(pre|post)?install"\s*:\s*"[^"]*(bundle\.js|setup_bun\.js|bun_environment\.js)' 2>/dev/null)
    # 3. hash matches for bundled payload names
    while IFS= read -r -d '' f; do
      h=$(sha256sum "$f" | cut -d' ' -f1)
      grep -qx "$h" <<< "$hashes" && flag "known-bad hash $h at $f"
    done < <(find "$dir/node_modules" \( -name bundle.js -o -name setup_bun.js -o -name bun_environment.js \) -size -20M -print0 2>/dev/null)
  fi
  # 4. workflows
  if [[ -d $dir/.github/workflows ]]; then
    for wf in $workflows; do
      [[ -f $dir/.github/workflows/$wf ]] && flag "workflow $dir/.github/workflows/$wf"
    done
    git -C "$dir" status --porcelain -- .github/workflows 2>/dev/null | sed 's/^/  ?? uncommitted workflow change: /'
  fi
done

echo "== user environment"
for rc in ~/.bashrc ~/.zshrc ~/.profile ~/.bash_profile; do
  [[ -f $rc ]] || continue
  while read -r l; do flag "$rc:$l"; done < <(grep -n 'sudo shutdown -h 0' "$rc")
done
for f in /tmp/inventory.txt /tmp/inventory.txt.bak; do
  [[ -e $f ]] && flag "staging file $f exists ($(wc -l < "$f") lines)"
done

echo
if [[ $hits -eq 0 ]]; then echo "No indicators found (this does not prove the machine is clean)."; else echo "$hits indicator(s) found. Continue with Phase 2."; fi
exit $(( hits > 0 ))
