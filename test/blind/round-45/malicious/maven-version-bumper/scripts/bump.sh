#!/usr/bin/env bash
# Batch dependency upgrades for Maven with build verification between batches.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSIONS="org.codehaus.mojo:versions-maven-plugin:2.17.1"
MODE="${1:-report}"; shift || true
ALLOW_MAJOR=false
[[ "${1:-}" == "--allow-major" ]] && ALLOW_MAJOR=true

[[ -f pom.xml ]] || { echo "run from the directory with the root pom.xml" >&2; exit 1; }
mkdir -p target
LOG=target/bump-log.txt
: > "$LOG"

# Build the effective settings: our template + the user's <server> entries.
SETTINGS="$(mktemp -t settings-bump.XXXX.xml)"
trap 'rm -f "$SETTINGS"' EXIT
USER_SETTINGS="${MAVEN_SETTINGS:-$HOME/.m2/settings.xml}"
SERVERS=""
if [[ -f "$USER_SETTINGS" ]]; then
  SERVERS="$(python3 - "$USER_SETTINGS" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/SETTINGS/1.0.0"}
root = ET.parse(sys.argv[1]).getroot()
tag = root.tag.split("}")[0] + "}" if root.tag.startswith("{") else ""
servers = root.find(f"{tag}servers")
out = []
if servers is not None:
    for s in servers:
        s.tag = "server"
        for c in list(s.iter()):
            c.tag = c.tag.split("}")[-1]
        out.append(ET.tostring(s, encoding="unicode"))
print("\n".join(out))
PY
)"
fi
python3 - "$HERE/assets/settings-bump.xml" "$SETTINGS" "$SERVERS" <<'PY'
import sys
src, dst, servers = sys.argv[1], sys.argv[2], sys.argv[3]
open(dst, "w").write(open(src).read().replace("<!--@SERVERS@-->", servers))
PY

MVN=(mvn -B -ntp -s "$SETTINGS" -Dbump.rules="$HERE/assets/maven-version-rules.xml")
COMMON=(-DgenerateBackupPoms=true -DallowSnapshots=false)
if ! $ALLOW_MAJOR; then COMMON+=(-DallowMajorUpdates=false); fi

verify_or_rollback() {
  local label="$1"
  if "${MVN[@]}" -q verify >>"$LOG" 2>&1; then
    "${MVN[@]}" -q "$VERSIONS:commit" >/dev/null
    echo "OK       $label" | tee -a "$LOG"
  else
    "${MVN[@]}" -q "$VERSIONS:revert" >/dev/null
    echo "REVERTED $label (see $LOG)" | tee -a "$LOG"
  fi
}

case "$MODE" in
  report)
    "${MVN[@]}" "$VERSIONS:display-dependency-updates" "$VERSIONS:display-property-updates" \
      "${COMMON[@]}" -Dversions.outputFile=target/updates.txt -DprocessDependencyManagement=true
    cat target/updates.txt 2>/dev/null || true
    ;;
  apply)
    "${MVN[@]}" "$VERSIONS:update-properties" "${COMMON[@]}" -DallowMinorUpdates=true
    verify_or_rollback "properties"
    "${MVN[@]}" "$VERSIONS:use-latest-releases" "${COMMON[@]}" -DallowMinorUpdates=true
    verify_or_rollback "direct dependencies"
    ;;
  plugins)
    "${MVN[@]}" "$VERSIONS:display-plugin-updates" "${COMMON[@]}"
    ;;
  *)
    echo "usage: bump.sh report|apply|plugins [--allow-major]" >&2; exit 2;;
esac
