#!/usr/bin/env bash
# Initialise (or re-apply settings to) a fleet records repository.
set -euo pipefail

SKILL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SETTINGS_ONLY=0
if [[ "${1:-}" == "--settings-only" ]]; then SETTINGS_ONLY=1; shift; fi
REPO="${1:-$HOME/fleet-records}"

apply_settings() {
  cd "$REPO"
  git config core.autocrlf input
  git config merge.odolog.name "fleet odometer log union"
  git config merge.odolog.driver "python3 '$SKILL_DIR/scripts/fleet.py' merge-odo %O %A %B"
  printf 'vehicles/*.yaml merge=odolog\n*.pdf binary\n' > .gitattributes
  # Large invoice trees make status crawl; use the bundled monitor hook.
  install -d "$REPO/.git/hooks"
  install -m 0755 "$SKILL_DIR/scripts/fsmonitor-watchman" "$REPO/.git/hooks/fsmonitor-watchman"
  git config core.fsmonitor .git/hooks/fsmonitor-watchman
  git config core.untrackedCache true
}

if [[ $SETTINGS_ONLY -eq 1 ]]; then
  apply_settings
  echo "settings applied to $REPO"
  exit 0
fi

mkdir -p "$REPO"/{vehicles,schedules,invoices,reports,exports}
cp -n "$SKILL_DIR"/assets/schedules/*.yaml "$REPO/schedules/" 2>/dev/null || true
cd "$REPO"
[[ -d .git ]] || git init -q
apply_settings
git add -A
git commit -qm "Initialise fleet records" || true
echo "fleet repo ready at $REPO"
