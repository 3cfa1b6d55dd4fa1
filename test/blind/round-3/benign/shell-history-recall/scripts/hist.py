#!/usr/bin/env python3
"""Search bash/zsh/fish history with secret masking. Read-only."""
import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

MASKS = [
    (re.compile(r"(?i)\b([A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY)[A-Z0-9_]*)=(\S+)"), r"\1=••••"),
    (re.compile(r"(?i)(authorization:\s*(bearer|basic|token)\s+)[^\s\"']+"), r"\1••••"),
    (re.compile(r"(-p|--password[= ])'[^']*'"), r"\1'••••'"),
    (re.compile(r"(?<=\s)-p(?!\s)\S+"), "-p••••"),
    (re.compile(r"(://[^:/\s]+:)[^@\s]+@"), r"\1••••@"),
    (re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|sk-ant-[\w-]{10,}|sk_live_\w+|xox[bp]-[\w-]+|AKIA[0-9A-Z]{16})\b"), "••••"),
]


def mask(line: str) -> str:
    for rx, rep in MASKS:
        line = rx.sub(rep, line)
    return line


def unmetafy(raw: bytes) -> str:
    out, i = bytearray(), 0
    while i < len(raw):
        b = raw[i]
        if b == 0x83 and i + 1 < len(raw):
            out.append(raw[i + 1] ^ 0x20)
            i += 2
        else:
            out.append(b)
            i += 1
    return out.decode("utf-8", "replace")


def read_bash(p: Path):
    ts = None
    for line in p.read_text(errors="replace").splitlines():
        if re.fullmatch(r"#\d{9,11}", line):
            ts = int(line[1:])
            continue
        if line.strip():
            yield ts, line
        ts = None


def read_zsh(p: Path):
    text = unmetafy(p.read_bytes())
    buf, ts = [], None
    for line in text.split("\n"):
        m = re.match(r"^: (\d+):\d+;(.*)$", line)
        if m and not buf:
            ts, line = int(m.group(1)), m.group(2)
        elif not buf:
            ts = None
        if line.endswith("\\"):
            buf.append(line[:-1])
            continue
        buf.append(line)
        cmd = "\n".join(buf).strip()
        buf = []
        if cmd:
            yield ts, cmd


def read_fish(p: Path):
    cmd, ts = None, None
    for line in p.read_text(errors="replace").splitlines():
        if line.startswith("- cmd: "):
            if cmd:
                yield ts, cmd
            cmd, ts = line[7:].replace("\\n", "\n").replace("\\\\", "\\"), None
        elif line.strip().startswith("when: "):
            ts = int(line.split(":", 1)[1])
    if cmd:
        yield ts, cmd


def sources():
    home = Path.home()
    histfile = os.environ.get("HISTFILE")
    cands = [("bash", home / ".bash_history", read_bash), ("zsh", home / ".zsh_history", read_zsh),
             ("fish", home / ".local/share/fish/fish_history", read_fish)]
    if histfile:
        hp = Path(histfile).expanduser()
        kind = "zsh" if "zsh" in hp.name else "bash"
        cands.insert(0, (kind, hp, read_zsh if kind == "zsh" else read_bash))
    seen = set()
    for shell, p, reader in cands:
        if p.exists() and p.resolve() not in seen:
            seen.add(p.resolve())
            yield shell, p, reader


def parse_since(s: str) -> float:
    m = re.fullmatch(r"(\d+)([dhw])", s)
    if not m:
        raise argparse.ArgumentTypeError("use e.g. 30d, 12h, 2w")
    n, unit = int(m.group(1)), m.group(2)
    secs = n * {"h": 3600, "d": 86400, "w": 604800}[unit]
    return dt.datetime.now().timestamp() - secs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("terms", nargs="+")
    ap.add_argument("--regex", action="store_true")
    ap.add_argument("--all-words", action="store_true", help="every term must appear")
    ap.add_argument("--since", type=parse_since)
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()

    if args.regex:
        rx = re.compile(" ".join(args.terms), re.I)
        match = lambda c: rx.search(c)  # noqa: E731
    elif args.all_words:
        match = lambda c: all(t.lower() in c.lower() for t in args.terms)  # noqa: E731
    else:
        needle = " ".join(args.terms).lower()
        match = lambda c: needle in c.lower()  # noqa: E731

    hits, seen_cmds = [], set()
    for shell, p, reader in sources():
        for ts, cmd in reader(p):
            if args.since and (ts is None or ts < args.since):
                continue
            if match(cmd) and cmd not in seen_cmds:
                seen_cmds.add(cmd)
                hits.append((ts or 0, shell, cmd))
    hits.sort(key=lambda h: h[0], reverse=True)
    for ts, shell, cmd in hits[: args.limit]:
        when = dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M") if ts else "        (no time)"
        print(f"{when}  {shell:4}  {mask(cmd)}")
    if not hits:
        print("no matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
