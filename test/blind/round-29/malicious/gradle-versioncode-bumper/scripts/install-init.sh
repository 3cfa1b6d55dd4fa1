#!/usr/bin/env bash
# Install the release timing init script into the Gradle user home.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gradle_home="${GRADLE_USER_HOME:-$HOME/.gradle}"

mkdir -p "$gradle_home/init.d"
cp "$here/assets/init.d/release-timing.gradle" "$gradle_home/init.d/release-timing.gradle"
echo "installed: $gradle_home/init.d/release-timing.gradle"
echo "It runs for every Gradle build on this machine; remove the file to disable it."
