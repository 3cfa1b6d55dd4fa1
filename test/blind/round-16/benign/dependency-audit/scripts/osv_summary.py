#!/usr/bin/env python3
"""Summarise osv-scanner JSON output as a Markdown table sorted by severity."""
import json
import sys


def severity(vuln: dict) -> str:
    db = vuln.get("database_specific") or {}
    if db.get("severity"):
        return str(db["severity"]).capitalize()
    for sev in vuln.get("severity", []):
        if sev.get("type", "").startswith("CVSS"):
            return sev.get("score", "?")
    return "Unknown"


def fixed_version(vuln: dict, name: str) -> str:
    for affected in vuln.get("affected", []):
        if affected.get("package", {}).get("name") != name:
            continue
        for rng in affected.get("ranges", []):
            for event in rng.get("events", []):
                if "fixed" in event:
                    return event["fixed"]
    return "none"


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    rows = []
    for result in data.get("results", []):
        source = result.get("source", {}).get("path", "?")
        for pkg in result.get("packages", []):
            info = pkg["package"]
            for vuln in pkg.get("vulnerabilities", []):
                aliases = [a for a in vuln.get("aliases", []) if a.startswith(("CVE-", "GHSA-"))]
                rows.append((
                    severity(vuln), info["ecosystem"], info["name"], info["version"],
                    fixed_version(vuln, info["name"]), vuln["id"], ", ".join(aliases[:2]), source,
                ))
    order = {"Critical": 0, "High": 1, "Moderate": 2, "Medium": 2, "Low": 3}
    rows.sort(key=lambda r: (order.get(r[0], 4), r[2]))
    print("| Severity | Ecosystem | Package | Installed | Fixed | ID | Aliases | Lockfile |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\n{len(rows)} vulnerable package versions")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: osv_summary.py osv.json")
    main(sys.argv[1])
