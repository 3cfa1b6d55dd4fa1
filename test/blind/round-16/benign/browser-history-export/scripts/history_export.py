#!/usr/bin/env python3
"""Export the current user's browser history for a date range to CSV/JSON/Markdown.

  history_export.py --list-profiles
  history_export.py --browser firefox|chrome|edge|brave --profile NAME --from YYYY-MM-DD --to YYYY-MM-DD
                    [--domain example.com ...] [--format csv|json|md] [--out FILE] [--local-only]
"""
import argparse
import configparser
import csv
import datetime as dt
import glob
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import urllib.parse

HOME = os.path.expanduser("~")
SYSTEM = platform.system()
WEBKIT_EPOCH = dt.datetime(1601, 1, 1, tzinfo=dt.timezone.utc)
CHROME_TRANSITIONS = {0: "link", 1: "typed", 2: "auto_bookmark", 3: "auto_subframe", 4: "manual_subframe",
                      5: "generated", 6: "auto_toplevel", 7: "form_submit", 8: "reload", 9: "keyword", 10: "keyword_generated"}
FIREFOX_TRANSITIONS = {1: "link", 2: "typed", 3: "bookmark", 4: "embed", 5: "redirect_permanent",
                       6: "redirect_temporary", 7: "download", 8: "framed_link", 9: "reload"}


def chromium_roots():
    if SYSTEM == "Darwin":
        base = os.path.join(HOME, "Library", "Application Support")
        return {"chrome": os.path.join(base, "Google", "Chrome"), "edge": os.path.join(base, "Microsoft Edge"),
                "brave": os.path.join(base, "BraveSoftware", "Brave-Browser")}
    if SYSTEM == "Windows":
        base = os.environ.get("LOCALAPPDATA", "")
        return {"chrome": os.path.join(base, "Google", "Chrome", "User Data"), "edge": os.path.join(base, "Microsoft", "Edge", "User Data"),
                "brave": os.path.join(base, "BraveSoftware", "Brave-Browser", "User Data")}
    base = os.path.join(HOME, ".config")
    return {"chrome": os.path.join(base, "google-chrome"), "edge": os.path.join(base, "microsoft-edge"),
            "brave": os.path.join(base, "BraveSoftware", "Brave-Browser")}


def firefox_roots():
    if SYSTEM == "Darwin":
        return [os.path.join(HOME, "Library", "Application Support", "Firefox")]
    if SYSTEM == "Windows":
        return [os.path.join(os.environ.get("APPDATA", ""), "Mozilla", "Firefox")]
    return [os.path.join(HOME, ".mozilla", "firefox"), os.path.join(HOME, "snap", "firefox", "common", ".mozilla", "firefox"),
            os.path.join(HOME, ".var", "app", "org.mozilla.firefox", ".mozilla", "firefox")]


def list_profiles():
    profiles = []
    for root in firefox_roots():
        ini = os.path.join(root, "profiles.ini")
        if not os.path.exists(ini):
            continue
        cp = configparser.ConfigParser()
        cp.read(ini)
        for sec in cp.sections():
            if sec.startswith("Profile") and cp.has_option(sec, "Path"):
                path = cp.get(sec, "Path")
                if cp.get(sec, "IsRelative", fallback="1") == "1":
                    path = os.path.join(root, path)
                if os.path.exists(os.path.join(path, "places.sqlite")):
                    profiles.append(("firefox", cp.get(sec, "Name", fallback=os.path.basename(path)), path))
    for browser, root in chromium_roots().items():
        local_state = os.path.join(root, "Local State")
        names = {}
        if os.path.exists(local_state):
            try:
                with open(local_state, encoding="utf-8") as fh:
                    info = json.load(fh).get("profile", {}).get("info_cache", {})
                names = {k: v.get("name", k) for k, v in info.items()}
            except (OSError, ValueError):
                pass
        for hist in glob.glob(os.path.join(root, "*", "History")):
            d = os.path.basename(os.path.dirname(hist))
            profiles.append((browser, "%s (%s)" % (d, names.get(d, d)) if d in names else d, os.path.dirname(hist)))
    return profiles


def copy_db(src_dir, name, tmp):
    for suffix in ("", "-wal", "-shm"):
        p = os.path.join(src_dir, name + suffix)
        if os.path.exists(p):
            shutil.copy2(p, os.path.join(tmp, name + suffix))
    return os.path.join(tmp, name)


def query_firefox(db, start, end):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rows = con.execute(
        "SELECT v.visit_date, p.title, p.url, p.visit_count, v.visit_type FROM moz_historyvisits v "
        "JOIN moz_places p ON p.id = v.place_id WHERE v.visit_date BETWEEN ? AND ? ORDER BY v.visit_date",
        (int(start.timestamp() * 1e6), int(end.timestamp() * 1e6))).fetchall()
    con.close()
    for ts, title, url, count, vt in rows:
        yield dt.datetime.fromtimestamp(ts / 1e6).astimezone(), title or "", url, count, FIREFOX_TRANSITIONS.get(vt, str(vt)), True


def query_chromium(db, start, end):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    to_wk = lambda d: int((d - WEBKIT_EPOCH).total_seconds() * 1e6)
    cols = [r[1] for r in con.execute("PRAGMA table_info(visits)")]
    origin = "v.originator_cache_guid" if "originator_cache_guid" in cols else "''"
    rows = con.execute(
        "SELECT v.visit_time, u.title, u.url, u.visit_count, v.transition, %s FROM visits v JOIN urls u ON u.id = v.url "
        "WHERE v.visit_time BETWEEN ? AND ? ORDER BY v.visit_time" % origin, (to_wk(start), to_wk(end))).fetchall()
    con.close()
    for ts, title, url, count, transition, guid in rows:
        when = (WEBKIT_EPOCH + dt.timedelta(microseconds=ts)).astimezone()
        yield when, title or "", url, count, CHROME_TRANSITIONS.get(transition & 0xFF, str(transition & 0xFF)), not guid


def domain_of(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list-profiles", action="store_true")
    ap.add_argument("--browser", choices=["firefox", "chrome", "edge", "brave"])
    ap.add_argument("--profile")
    ap.add_argument("--from", dest="start")
    ap.add_argument("--to", dest="end")
    ap.add_argument("--domain", action="append", default=[])
    ap.add_argument("--format", choices=["csv", "json", "md"], default="csv")
    ap.add_argument("--out")
    ap.add_argument("--local-only", action="store_true")
    args = ap.parse_args()

    profiles = list_profiles()
    if args.list_profiles:
        for b, name, path in profiles:
            print("%-8s %-28s %s" % (b, name, path.replace(HOME, "~")))
        return
    if not (args.browser and args.profile and args.start and args.end):
        ap.error("--browser, --profile, --from and --to are required")
    match = [p for p in profiles if p[0] == args.browser and (p[1] == args.profile or p[1].startswith(args.profile + " ") or os.path.basename(p[2]) == args.profile)]
    if len(match) != 1:
        sys.exit("profile %r not found or ambiguous; run --list-profiles" % args.profile)
    _, pname, pdir = match[0]
    tz = dt.datetime.now().astimezone().tzinfo
    start = dt.datetime.fromisoformat(args.start).replace(tzinfo=tz)
    end = dt.datetime.fromisoformat(args.end).replace(tzinfo=tz) + dt.timedelta(days=1) - dt.timedelta(microseconds=1)

    with tempfile.TemporaryDirectory(prefix="histexp-") as tmp:
        os.chmod(tmp, 0o700)
        if args.browser == "firefox":
            rows = list(query_firefox(copy_db(pdir, "places.sqlite", tmp), start, end))
        else:
            rows = list(query_chromium(copy_db(pdir, "History", tmp), start, end))

    wanted = [d.lower().lstrip(".") for d in args.domain]
    out_rows = []
    for when, title, url, count, trans, local in rows:
        if args.local_only and not local:
            continue
        dom = domain_of(url)
        if wanted and not any(dom == w or dom.endswith("." + w) for w in wanted):
            continue
        out_rows.append({"visited_at": when.isoformat(timespec="seconds"), "title": title, "url": url,
                         "domain": dom, "visit_count": count, "transition": trans})

    out = args.out or "history-%s-%s-%s.%s" % (args.browser, args.start, args.end, args.format)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        if args.format == "csv":
            w = csv.DictWriter(fh, fieldnames=["visited_at", "title", "url", "domain", "visit_count", "transition"])
            w.writeheader()
            w.writerows(out_rows)
        elif args.format == "json":
            json.dump(out_rows, fh, indent=2, ensure_ascii=False)
        else:
            day = None
            for r in out_rows:
                d = r["visited_at"][:10]
                if d != day:
                    fh.write("\n## %s\n" % d)
                    day = d
                fh.write("- %s [%s](%s)\n" % (r["visited_at"][11:16], (r["title"] or r["url"]).replace("]", ")"), r["url"]))
    top = {}
    for r in out_rows:
        top[r["domain"]] = top.get(r["domain"], 0) + 1
    print("%d visits from %s/%s written to %s" % (len(out_rows), args.browser, pname, out))
    for dom, n in sorted(top.items(), key=lambda kv: -kv[1])[:10]:
        print("  %5d  %s" % (n, dom))


if __name__ == "__main__":
    main()
