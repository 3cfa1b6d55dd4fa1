#!/usr/bin/env python3
"""Build a UTC CSV timeline from a read-only evidence folder. Never writes inside the evidence root."""
from __future__ import annotations

import argparse
import csv
import os
import re
import sqlite3
import sys
from datetime import datetime, timezone, timedelta
from pathlib import Path

USER_DIRS = ("home/*", "Users/*", "root")
AUTH_RX = re.compile(r"^(\w{3}\s+\d+\s[\d:]{8})\s+(\S+)\s+(sshd|sudo|su|login|systemd-logind)[\[:].*?:\s*(.*)$")
ISO_AUTH_RX = re.compile(r"^(\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:?\d{2})\s+(\S+)\s+(sshd|sudo|su|login|systemd-logind)[\[:].*?:\s*(.*)$")


def utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_when(s: str | None) -> float | None:
    if not s:
        return None
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


class Timeline:
    def __init__(self, since: float | None, until: float | None):
        self.rows: list[tuple[float, str, str, str, str]] = []
        self.since, self.until = since, until

    def add(self, ts: float, source: str, kind: str, path: str, detail: str) -> None:
        if self.since and ts < self.since:
            return
        if self.until and ts > self.until:
            return
        self.rows.append((ts, source, kind, path, detail))


def user_homes(root: Path) -> list[Path]:
    homes = []
    for pattern in USER_DIRS:
        homes.extend(p for p in root.glob(pattern) if p.is_dir())
    return homes


def fs_times(root: Path, tl: Timeline) -> None:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if d not in {"proc", "sys", "dev"}]
        for name in filenames:
            p = Path(dirpath) / name
            try:
                st = p.lstat()
            except OSError:
                continue
            rel = "/" + str(p.relative_to(root))
            tl.add(st.st_mtime, "fs", "M", rel, f"size={st.st_size}")
            tl.add(st.st_ctime, "fs", "C", rel, "")
            birth = getattr(st, "st_birthtime", None)
            if birth:
                tl.add(birth, "fs", "B", rel, "")


def bash_history(home: Path, root: Path, tl: Timeline) -> None:
    f = home / ".bash_history"
    if not f.is_file():
        return
    ts = None
    for line in f.read_text(errors="replace").splitlines():
        if line.startswith("#") and line[1:].isdigit():
            ts = float(line[1:])
        elif ts is not None:
            tl.add(ts, "bash_history", "cmd", "/" + str(f.relative_to(root)), line)


def zsh_history(home: Path, root: Path, tl: Timeline) -> None:
    f = home / ".zsh_history"
    if not f.is_file():
        return
    rx = re.compile(r"^: (\d+):\d+;(.*)$")
    for line in f.read_bytes().decode("utf-8", errors="replace").splitlines():
        m = rx.match(line)
        if m:
            tl.add(float(m.group(1)), "zsh_history", "cmd", "/" + str(f.relative_to(root)), m.group(2))


def fish_history(home: Path, root: Path, tl: Timeline) -> None:
    f = home / ".local/share/fish/fish_history"
    if not f.is_file():
        return
    cmd = None
    for line in f.read_text(errors="replace").splitlines():
        if line.startswith("- cmd: "):
            cmd = line[7:]
        elif line.strip().startswith("when: ") and cmd is not None:
            tl.add(float(line.split(":", 1)[1]), "fish_history", "cmd", "/" + str(f.relative_to(root)), cmd)
            cmd = None


def auth_logs(root: Path, tl: Timeline, year: int) -> None:
    for pattern in ("var/log/auth.log*", "var/log/secure*"):
        for f in sorted(root.glob(pattern)):
            if f.suffix == ".gz":
                import gzip
                text = gzip.open(f, "rt", errors="replace").read()
            else:
                text = f.read_text(errors="replace")
            for line in text.splitlines():
                m = ISO_AUTH_RX.match(line)
                if m:
                    ts = datetime.fromisoformat(m.group(1)).timestamp()
                else:
                    m = AUTH_RX.match(line)
                    if not m:
                        continue
                    ts = datetime.strptime(f"{year} {m.group(1)}", "%Y %b %d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
                tl.add(ts, "auth", m.group(3), "/" + str(f.relative_to(root)), m.group(4))


def browser_history(home: Path, root: Path, tl: Timeline) -> None:
    chrome_like = list(home.glob(".config/google-chrome/*/History")) + \
        list(home.glob("Library/Application Support/Google/Chrome/*/History")) + \
        list(home.glob(".config/microsoft-edge/*/History"))
    for db in chrome_like:
        q = ("SELECT v.visit_time, u.url, u.title FROM visits v JOIN urls u ON u.id = v.url", "chrome_visit")
        _sqlite(db, root, tl, q, lambda t: (t / 1e6) - 11644473600)
        q = ("SELECT start_time, tab_url, target_path FROM downloads", "chrome_download")
        _sqlite(db, root, tl, q, lambda t: (t / 1e6) - 11644473600)
    for db in list(home.glob(".mozilla/firefox/*/places.sqlite")) + list(home.glob("Library/Application Support/Firefox/Profiles/*/places.sqlite")):
        q = ("SELECT h.visit_date, p.url, p.title FROM moz_historyvisits h JOIN moz_places p ON p.id = h.place_id", "firefox_visit")
        _sqlite(db, root, tl, q, lambda t: t / 1e6)


def _sqlite(db: Path, root: Path, tl: Timeline, q: tuple[str, str], conv) -> None:
    sql, kind = q
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
        for t, a, b in con.execute(sql):
            if t:
                tl.add(conv(t), "browser", kind, "/" + str(db.relative_to(root)), f"{a} {b or ''}".strip())
        con.close()
    except sqlite3.Error as e:
        print(f"warn: {db}: {e}", file=sys.stderr)


def persistence_notes(home: Path, root: Path, tl: Timeline) -> None:
    for f in list(home.glob("Library/LaunchAgents/*.plist")) + list(home.glob(".config/systemd/user/*")) + \
            [home / n for n in (".bashrc", ".zshrc", ".profile", ".bash_profile", ".ssh/authorized_keys")]:
        if f.is_file():
            st = f.lstat()
            tl.add(st.st_mtime, "persistence", "modified", "/" + str(f.relative_to(root)), "review content")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("evidence")
    ap.add_argument("--out", required=True)
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--year", type=int, default=datetime.now(timezone.utc).year, help="year for syslog lines without one")
    ap.add_argument("--no-fs", action="store_true", help="skip full file-system walk")
    args = ap.parse_args()

    root = Path(args.evidence).resolve()
    out = Path(args.out).resolve()
    if root in out.parents:
        sys.exit("refusing to write output inside the evidence folder")

    tl = Timeline(parse_when(args.since), parse_when(args.until))
    if not args.no_fs:
        fs_times(root, tl)
    for home in user_homes(root):
        bash_history(home, root, tl)
        zsh_history(home, root, tl)
        fish_history(home, root, tl)
        browser_history(home, root, tl)
        persistence_notes(home, root, tl)
    auth_logs(root, tl, args.year)

    tl.rows.sort(key=lambda r: r[0])
    with out.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["utc", "source", "type", "path", "detail"])
        for ts, src, kind, path, detail in tl.rows:
            w.writerow([utc(ts), src, kind, path, detail])
    print(f"{len(tl.rows)} events -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
