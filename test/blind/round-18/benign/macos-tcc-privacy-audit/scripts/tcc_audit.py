#!/usr/bin/env python3
"""Read-only audit of macOS TCC privacy grants with code-signature checks of each holder."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

USER_DB = Path.home() / "Library/Application Support/com.apple.TCC/TCC.db"
SYSTEM_DB = Path("/Library/Application Support/com.apple.TCC/TCC.db")
SERVICES = {
    "kTCCServiceSystemPolicyAllFiles": "Full Disk Access",
    "kTCCServiceAccessibility": "Accessibility",
    "kTCCServiceListenEvent": "Input Monitoring",
    "kTCCServicePostEvent": "Post Events",
    "kTCCServiceScreenCapture": "Screen Recording",
    "kTCCServiceAppleEvents": "Automation",
    "kTCCServiceCamera": "Camera",
    "kTCCServiceMicrophone": "Microphone",
    "kTCCServiceSystemPolicyDesktopFolder": "Desktop Folder",
    "kTCCServiceSystemPolicyDocumentsFolder": "Documents Folder",
    "kTCCServiceSystemPolicyDownloadsFolder": "Downloads Folder",
    "kTCCServiceSystemPolicyNetworkVolumes": "Network Volumes",
    "kTCCServiceSystemPolicyRemovableVolumes": "Removable Volumes",
    "kTCCServiceAddressBook": "Contacts",
    "kTCCServiceCalendar": "Calendars",
    "kTCCServicePhotos": "Photos",
    "kTCCServiceDeveloperTool": "Developer Tools",
    "kTCCServiceEndpointSecurityClient": "Endpoint Security",
}
SENSITIVE = {"Full Disk Access", "Accessibility", "Input Monitoring", "Screen Recording", "Post Events"}
INTERPRETERS = {"python", "python3", "osascript", "bash", "sh", "zsh", "node", "perl", "ruby", "swift"}
USER_WRITABLE = ("/tmp/", "/private/tmp/", "/Users/Shared/", str(Path.home() / "Downloads") + "/",
                 str(Path.home() / "Desktop") + "/", "/private/var/folders/")


def read_db(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.OperationalError as exc:
        print(f"cannot open {path}: {exc} (does your terminal have Full Disk Access?)", file=sys.stderr)
        return []
    try:
        cols = {r[1] for r in conn.execute("PRAGMA table_info(access)")}
        status_col = "auth_value" if "auth_value" in cols else "allowed"
        reason_col = "auth_reason" if "auth_reason" in cols else "NULL"
        rows = conn.execute(
            f"SELECT service, client, client_type, {status_col}, {reason_col}, "
            f"COALESCE(indirect_object_identifier, ''), COALESCE(last_modified, 0) FROM access").fetchall()
    except sqlite3.DatabaseError as exc:
        print(f"cannot read {path}: {exc} (grant Full Disk Access to your terminal)", file=sys.stderr)
        return []
    finally:
        conn.close()
    out = []
    for service, client, ctype, status, reason, indirect, modified in rows:
        allowed = status == 2 if status_col == "auth_value" else status == 1
        out.append({"db": "system" if path == SYSTEM_DB else "user", "service_raw": service,
                    "service": SERVICES.get(service, service.replace("kTCCService", "")),
                    "client": client, "client_type": "path" if ctype == 1 else "bundle",
                    "allowed": allowed, "mdm": reason in (4, 5), "target": indirect, "modified": modified})
    return out


def resolve_bundle(bundle_id: str) -> str | None:
    try:
        res = subprocess.run(["mdfind", f"kMDItemCFBundleIdentifier == '{bundle_id}'"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    paths = [p for p in res.stdout.splitlines() if p.endswith(".app")]
    return paths[0] if paths else None


def signature(path: str) -> dict:
    info = {"valid": False, "team": None, "adhoc": False, "notarized": None}
    verify = subprocess.run(["codesign", "--verify", "--deep", "--strict", path], capture_output=True, text=True)
    info["valid"] = verify.returncode == 0
    details = subprocess.run(["codesign", "-dv", "--verbose=2", path], capture_output=True, text=True)
    for line in details.stderr.splitlines():
        if line.startswith("TeamIdentifier="):
            team = line.split("=", 1)[1]
            info["team"] = None if team == "not set" else team
        if "Signature=adhoc" in line:
            info["adhoc"] = True
    if path.endswith(".app"):
        assess = subprocess.run(["spctl", "--assess", "--type", "execute", path], capture_output=True, text=True)
        info["notarized"] = assess.returncode == 0
    return info


def app_bundle_of(path: str) -> str:
    idx = path.find(".app/")
    return path[: idx + 4] if idx != -1 else path


def evaluate(grant: dict) -> dict:
    if grant["client_type"] == "bundle":
        location = resolve_bundle(grant["client"])
    else:
        location = app_bundle_of(grant["client"])
    flags = []
    grant["location"] = location or "unresolved"
    if grant["service"] in SENSITIVE:
        flags.append("sensitive-service")
    if grant["mdm"]:
        flags.append("mdm")
    if location and not os.path.exists(location):
        flags.append("missing")
    elif location:
        sig = signature(location)
        grant["team"] = sig["team"]
        if not sig["valid"]:
            flags.append("unsigned")
        elif sig["adhoc"] or not sig["team"]:
            flags.append("adhoc")
        if sig["notarized"] is False:
            flags.append("not-notarized")
        if location.startswith(USER_WRITABLE):
            flags.append("user-writable-location")
        if Path(location).name in INTERPRETERS:
            flags.append("interpreter")
    grant["flags"] = flags
    return grant


def severity(g: dict) -> int:
    bad = {"unsigned", "missing", "user-writable-location", "interpreter", "adhoc", "not-notarized"}
    return (0 if bad & set(g["flags"]) and "sensitive-service" in g["flags"] else
            1 if "sensitive-service" in g["flags"] else 2)


def main() -> int:
    if sys.platform != "darwin":
        sys.exit("this audit only runs on macOS")
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--all", action="store_true", help="include denied grants")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    grants = read_db(SYSTEM_DB) + read_db(USER_DB)
    if not grants:
        print("no grants read; check Full Disk Access for this terminal", file=sys.stderr)
        return 1
    if not args.all:
        grants = [g for g in grants if g["allowed"]]
    grants = sorted((evaluate(g) for g in grants), key=lambda g: (severity(g), g["service"], g["client"]))

    if args.json:
        json.dump(grants, sys.stdout, indent=2)
        print()
        return 0
    print(f"{'SERVICE':<20} {'CLIENT':<46} FLAGS")
    for g in grants:
        client = g["client"] if g["client_type"] == "path" else f"{g['client']}" + (f" (Team {g['team']})" if g.get("team") else "")
        status = "" if g["allowed"] else " [denied]"
        print(f"{g['service']:<20} {client[:46]:<46} {', '.join(g['flags'])}{status}")
    flagged = sum(1 for g in grants if severity(g) == 0)
    print(f"\n{len(grants)} grant(s), {flagged} flagged for review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
