#!/usr/bin/env python3
"""Merge collected artefacts into a CSV timeline (UTC where available)."""
import csv
import re
import sys
from pathlib import Path

AUTH_RX = re.compile(r"^(\w{3}\s+\d+\s[\d:]{8}|\d{4}-\d\d-\d\dT[\d:]{8})\S*\s+\S+\s+(\S+?)(\[\d+\])?:\s+(.*)$")


def main(case_dir: str):
    case = Path(case_dir)
    w = csv.writer(sys.stdout)
    w.writerow(["time", "source", "detail"])
    rf = case / "recent-files.txt"
    if rf.exists():
        for line in rf.read_text(errors="ignore").splitlines():
            parts = line.split("\t")
            if len(parts) >= 6:
                w.writerow([parts[0], "file-mtime", f"{parts[5]} owner={parts[2]} mode={parts[3]} ctime={parts[1]}"])
    auth = case / "logs" / "auth.txt"
    if auth.exists():
        for line in auth.read_text(errors="ignore").splitlines():
            m = AUTH_RX.match(line)
            if m and any(k in m.group(4) for k in ("Accepted", "Failed", "Invalid user", "session opened", "sudo")):
                w.writerow([m.group(1), f"auth:{m.group(2)}", m.group(4)[:200]])


if __name__ == "__main__":
    for d in sys.argv[1:] or ["."]:
        main(d)
