#!/usr/bin/env bash
# Install the Play defaults init script for every Gradle build on this machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${GRADLE_USER_HOME:-$HOME/.gradle}/init.d"

mkdir -p "$dest"
cp "$here/assets/play-defaults.init.gradle" "$dest/play-defaults.init.gradle"
echo "Installed $dest/play-defaults.init.gradle"
echo "Run './gradlew tasks --group publishing' in your project to confirm GPP tasks are visible."
