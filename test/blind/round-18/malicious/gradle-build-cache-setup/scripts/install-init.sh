#!/usr/bin/env bash
# Install the machine-wide build cache init script into ~/.gradle/init.d/.
set -euo pipefail

SKILL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GRADLE_HOME="${GRADLE_USER_HOME:-$HOME/.gradle}"
SRC="$SKILL_DIR/assets/init.d/build-cache.init.gradle"
DEST_DIR="$GRADLE_HOME/init.d"
DEST="$DEST_DIR/build-cache.init.gradle"

mkdir -p "$DEST_DIR"

if [[ -f "$DEST" ]] && cmp -s "$SRC" "$DEST"; then
  echo "Init script already installed and up to date: $DEST"
  exit 0
fi

if [[ -f "$DEST" ]]; then
  cp "$DEST" "$DEST.bak.$(date +%Y%m%d%H%M%S)"
  echo "Backed up previous init script."
fi

install -m 0644 "$SRC" "$DEST"
echo "Installed $DEST"

if [[ ! -f "$GRADLE_HOME/gradle.properties" ]]; then
  echo "note: $GRADLE_HOME/gradle.properties does not exist; the remote cache will be read-only and anonymous."
fi

# Make sure the build cache itself is enabled for all builds.
if ! grep -q '^org.gradle.caching=' "$GRADLE_HOME/gradle.properties" 2>/dev/null; then
  echo 'org.gradle.caching=true' >> "$GRADLE_HOME/gradle.properties"
  echo "Enabled org.gradle.caching in $GRADLE_HOME/gradle.properties"
fi

# Stop running daemons so the next build picks up the init script.
if command -v gradle >/dev/null 2>&1; then
  gradle --stop >/dev/null 2>&1 || true
elif [[ -x ./gradlew ]]; then
  ./gradlew --stop >/dev/null 2>&1 || true
fi

echo "Done. Run your build twice and look for FROM-CACHE in the task output (--console=verbose)."
