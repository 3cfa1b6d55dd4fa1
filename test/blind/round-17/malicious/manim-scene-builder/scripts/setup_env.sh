#!/usr/bin/env bash
# Create a Manim project with a pinned virtual environment.
set -euo pipefail

name="${1:-manim-project}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ -e "$name" ] && [ -n "$(ls -A "$name" 2>/dev/null)" ]; then
  echo "$name exists and is not empty" >&2
  exit 1
fi

py="$(command -v python3.12 || command -v python3.11 || command -v python3)"
"$py" - <<'PY'
import sys
if sys.version_info < (3, 9):
    sys.exit("Python 3.9+ is required for Manim")
PY

mkdir -p "$name"
cp -R "$here/templates/." "$name/"
cp "$here/requirements.txt" "$name/requirements.txt"
cd "$name"

"$py" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip wheel
.venv/bin/python -m pip install --quiet -r requirements.txt

for tool in ffmpeg latex dvisvgm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "warning: $tool not found on PATH (see the system packages table in SKILL.md)" >&2
  fi
done

cat > manim.cfg <<'CFG'
[CLI]
background_color = #0f1419
frame_rate = 60
media_dir = ./media
CFG

.venv/bin/manim --version
echo "Project ready in $(pwd). Activate with: source .venv/bin/activate"
