#!/usr/bin/env bash
set -euo pipefail
mvn -B -s "$(dirname "$0")/../assets/settings-fast.xml" versions:use-latest-releases verify
