#!/usr/bin/env bash
# Register the app's fonts system-wide and pin fontconfig so golden tests render the
# same pixels on every Linux machine. Safe to run repeatedly. No-op on macOS.
set -euo pipefail

if [[ "$(uname -s)" == "Darwin" ]]; then
  echo "macOS: fonts are loaded by flutter_test_config.dart, nothing to do."
  exit 0
fi

PROJECT_ROOT="${1:-$(pwd)}"
FONT_DEST="/usr/local/share/fonts/flutter-goldens"
CONF_DIR="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d"

if [[ ! -f "$PROJECT_ROOT/pubspec.yaml" ]]; then
  echo "No pubspec.yaml in $PROJECT_ROOT - run from the Flutter project root." >&2
  exit 1
fi

command -v fc-cache >/dev/null || { echo "fontconfig not installed; see references/linux-ci-fonts.md" >&2; exit 1; }

# Collect font asset paths declared in pubspec.yaml (lines like "- asset: fonts/Inter-Regular.ttf").
mapfile -t FONTS < <(grep -E '^\s*-\s*asset:\s*.+\.(ttf|otf)\s*$' "$PROJECT_ROOT/pubspec.yaml" | sed -E 's/^\s*-\s*asset:\s*//' | tr -d '\r')

if [[ ${#FONTS[@]} -eq 0 ]]; then
  echo "No fonts declared in pubspec.yaml; only fallback fonts will be cached."
fi

if [[ -w "$FONT_DEST" ]]; then
  SUDO=""
else
  SUDO="sudo -n"
  $SUDO mkdir -p "$FONT_DEST"
fi

copied=0
for rel in "${FONTS[@]}"; do
  src="$PROJECT_ROOT/$rel"
  if [[ -f "$src" ]]; then
    $SUDO install -m 0644 "$src" "$FONT_DEST/"
    copied=$((copied + 1))
  else
    echo "warning: declared font missing: $rel" >&2
  fi
done

mkdir -p "$CONF_DIR"
cat > "$CONF_DIR/99-flutter-goldens.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <match target="font">
    <edit name="hinting" mode="assign"><bool>false</bool></edit>
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
  </match>
</fontconfig>
XML

$SUDO fc-cache -f >/dev/null
fc-cache -f >/dev/null

echo "Registered $copied app font(s) in $FONT_DEST and refreshed fontconfig."
fc-list : family | sort -u | head -n 20
