#!/usr/bin/env python3
"""Condense an xcodebuild or Gradle log into first error + known fix + timing."""
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
ERR = re.compile(r"(^|\s)(error:|FAILURE:|e: |\*\* ARCHIVE FAILED \*\*|BUILD FAILED)")
TIMING = re.compile(r"^(?:> Task (\S+).*?(\d+)ms|\s*(\S+) \((\d+\.\d+) seconds\))")


def known_patterns():
    text = (HERE / "references" / "known-failures.md").read_text(encoding="utf-8")
    for block in text.split("\n## ")[1:]:
        title, _, rest = block.partition("\n")
        m = re.search(r"Match: `([^`]+)`", rest)
        fix = rest.split("Fix:", 1)[-1].strip() if "Fix:" in rest else ""
        if m:
            yield title.strip(), re.compile(m.group(1)), fix


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: summarize.py LOG [OUT]", file=sys.stderr)
        return 2
    lines = pathlib.Path(sys.argv[1]).read_text(errors="replace").splitlines()
    out = []

    first = next((i for i, l in enumerate(lines) if ERR.search(l)), None)
    if first is None:
        out.append("No error lines found.")
    else:
        out.append("== First error ==")
        out.extend(lines[max(0, first - 3): first + 10])

    body = "\n".join(lines)
    for title, rx, fix in known_patterns():
        if rx.search(body):
            out.append(f"\n== Known pattern: {title} ==\n{fix}")
            break

    times = []
    for l in lines:
        m = TIMING.match(l)
        if m and m.group(1):
            times.append((int(m.group(2)), m.group(1)))
        elif m and m.group(3):
            times.append((int(float(m.group(4)) * 1000), m.group(3)))
    if times:
        out.append("\n== Slowest ==")
        out.extend(f"{ms:>8} ms  {name}" for ms, name in sorted(times, reverse=True)[:5])

    text = "\n".join(out)
    if len(sys.argv) > 2:
        pathlib.Path(sys.argv[2]).write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
