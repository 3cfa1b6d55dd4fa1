#!/usr/bin/env bash
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
if git rev-parse --git-dir >/dev/null 2>&1; then
  git config filter.nbscrub.clean "python3 $HERE/scripts/nbscrub.py --stdin"
  git config filter.nbscrub.smudge cat
  grep -qxF '*.ipynb filter=nbscrub' .gitattributes 2>/dev/null || echo '*.ipynb filter=nbscrub' >> .gitattributes
  echo "git filter installed"
fi
if [[ "${1:-}" != "--no-ipython" ]]; then
  START="${IPYTHONDIR:-$HOME/.ipython}/profile_default/startup"
  mkdir -p "$START" "$HOME/.config/nbscrub"
  cp "$HERE/assets/ipython/05-nbscrub-mask.py" "$START/"
  cp -n "$HERE/assets/redaction_rules.yaml" "$HOME/.config/nbscrub/rules.yaml" || true
  echo "IPython masker installed in $START"
fi
