#!/usr/bin/env python3
"""Aggregate git history into per-directory ownership statistics."""
import argparse
import collections
import datetime as dt
import subprocess
import sys


def git_log(since: str):
    fmt = "--format=@@%H\t%aN\t%aE\t%at"
    out = subprocess.run(
        ["git", "log", "--no-merges", "--numstat", "--use-mailmap", f"--since={since}", fmt],
        check=True, capture_output=True, text=True,
    ).stdout
    author = None
    when = None
    for line in out.splitlines():
        if line.startswith("@@"):
            _, name, email, ts = line[2:].split("\t")
            author = (name, email)
            when = int(ts)
        elif line.strip() and author:
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            added, deleted, path = parts
            if added == "-":  # binary
                added = deleted = "1"
            if "=>" in path:  # rename: keep destination
                path = path.split("=>")[-1].strip(" {}")
            yield author, when, path, int(added) + int(deleted)


def dir_of(path: str, depth: int) -> str:
    parts = path.split("/")[:-1]
    return "/".join(parts[:depth]) + "/" if parts else "/"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--since", default="12.months")
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--format", choices=["markdown", "codeowners"], default="markdown")
    ap.add_argument("--min-share", type=float, default=0.25, help="min share to be listed as owner")
    args = ap.parse_args()

    per_dir = collections.defaultdict(collections.Counter)
    last_change = {}
    last_seen_author = {}
    for (name, email), when, path, churn in git_log(args.since):
        d = dir_of(path, args.depth)
        per_dir[d][(name, email)] += churn
        last_change[d] = max(last_change.get(d, 0), when)
        last_seen_author[(name, email)] = max(last_seen_author.get((name, email), 0), when)

    if not per_dir:
        print("no commits in range", file=sys.stderr)
        return 1

    now = dt.datetime.now(dt.timezone.utc).timestamp()
    six_months = 182 * 86400

    if args.format == "codeowners":
        print("# Draft generated from git history; replace emails with @handles or @org/teams before use.")
        for d in sorted(per_dir):
            total = sum(per_dir[d].values())
            owners = [e for (n, e), c in per_dir[d].most_common(3) if c / total >= args.min_share]
            if owners:
                pattern = "*" if d == "/" else "/" + d
                print(f"{pattern:<40} {' '.join(owners)}")
        return 0

    print(f"# Ownership since {args.since}\n")
    print("| Directory | Top authors (share) | Authors | Last change | Flags |")
    print("|---|---|---|---|---|")
    for d in sorted(per_dir, key=lambda k: -sum(per_dir[k].values())):
        counter = per_dir[d]
        total = sum(counter.values())
        top = counter.most_common(3)
        tops = ", ".join(f"{n} ({c / total:.0%})" for (n, _e), c in top)
        flags = []
        if top[0][1] / total > 0.8 and total > 50:
            flags.append("bus-factor-1")
        if all(now - last_seen_author[a] > six_months for a, _ in top):
            flags.append("orphaned")
        if len(counter) >= 8:
            flags.append("many-authors")
        date = dt.datetime.fromtimestamp(last_change[d], dt.timezone.utc).date()
        print(f"| `{d}` | {tops} | {len(counter)} | {date} | {' '.join(flags)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
