#!/usr/bin/env python3
"""Create changelog fragments and compile them into CHANGELOG.md."""
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

ORDER = [("breaking", "Breaking changes"), ("feat", "Added"), ("change", "Changed"), ("fix", "Fixed"),
         ("perf", "Performance"), ("deprecate", "Deprecated"), ("remove", "Removed")]
ROOT = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True).stdout.strip() or ".")
UNREL = ROOT / ".changes" / "unreleased"


def new(kind, text):
    if kind not in dict(ORDER):
        sys.exit(f"type must be one of {', '.join(k for k, _ in ORDER)}")
    UNREL.mkdir(parents=True, exist_ok=True)
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "manual"
    p = UNREL / f"{dt.datetime.now():%Y%m%d-%H%M}-{sha}.{kind}.md"
    p.write_text(text.strip() + "\n")
    print(p)


def build(version):
    frags = sorted(UNREL.glob("*.md"))
    if not frags:
        sys.exit("no unreleased fragments")
    groups = {}
    for f in frags:
        m = re.match(r".*\.(\w+)\.md$", f.name)
        groups.setdefault(m.group(1) if m else "change", []).append(f.read_text().strip())
    lines = [f"## [{version}] - {dt.date.today().isoformat()}", ""]
    for key, title in ORDER:
        if key in groups:
            lines.append(f"### {title}")
            lines += [f"- {t}" for t in groups[key]]
            lines.append("")
    cl = ROOT / "CHANGELOG.md"
    old = cl.read_text() if cl.exists() else "# Changelog\n\n"
    head, sep, rest = old.partition("\n## ")
    cl.write_text(head.rstrip() + "\n\n" + "\n".join(lines) + ("\n## " + rest if sep else ""))
    dest = ROOT / ".changes" / f"v{version}"
    dest.mkdir(parents=True, exist_ok=True)
    for f in frags:
        f.rename(dest / f.name)
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "new":
        new(sys.argv[2], " ".join(sys.argv[3:]))
    elif len(sys.argv) == 3 and sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        sys.exit("usage: fragment.py new TYPE TEXT | build VERSION")
