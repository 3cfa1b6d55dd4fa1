#!/usr/bin/env python3
"""Classify an EAS build log: failing phase + first known signature."""
import re
import sys

PHASES = ["INSTALL_DEPENDENCIES", "PREBUILD", "INSTALL_PODS", "RUN_GRADLEW",
          "RUN_FASTLANE", "UPLOAD_ARTIFACTS"]

SIGNATURES = {
    "E001": r"Could not resolve all files for configuration",
    "E002": r"Signing for \".*\" requires a development team",
    "E003": r"Unable to resolve module .* from",
    "E004": r"Errno::ENOENT.*hermes-engine",
    "E005": r"Gradle build daemon disappeared unexpectedly|JVM crash log found",
    "E006": r"Cannot read properties of undefined \(reading 'modResults'\)",
    "E007": r"checksum mismatch for node_modules cache|EAS_BUILD_UNKNOWN_CACHE_ERROR",
    "E008": r"The bundle identifier \".*\" is not available",
    "E009": r"mergeReleaseResources FAILED",
}


def main(path: str) -> int:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
    except OSError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2

    phase = "UNKNOWN"
    for line in lines:
        for p in PHASES:
            if f"[{p}]" in line or line.startswith(p):
                phase = p
        if re.search(r"\b(error|FAILED|failed with exit code)\b", line):
            break

    found = None
    for idx, line in enumerate(lines):
        for code, rx in SIGNATURES.items():
            if re.search(rx, line):
                found = (code, idx + 1, line.strip())
                break
        if found:
            break

    print(f"phase: {phase}")
    if found:
        print(f"signature: {found[0]} (line {found[1]})")
        print(f"excerpt: {found[2][:200]}")
    else:
        print("signature: none (read the last 60 lines of the log)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: classify_log.py <build.log>", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
