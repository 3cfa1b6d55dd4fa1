#!/usr/bin/env python3
"""Export the user's browser bookmarks (bookmark store only) to Markdown, HTML or JSON."""
import argparse
import html
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

HOME = Path.home()
SYSTEM = platform.system()

if SYSTEM == "Darwin":
    BASE = HOME / "Library/Application Support"
    CHROMIUM_ROOTS = {"chrome": BASE / "Google/Chrome", "chromium": BASE / "Chromium",
                      "brave": BASE / "BraveSoftware/Brave-Browser", "edge": BASE / "Microsoft Edge",
                      "vivaldi": BASE / "Vivaldi"}
    FIREFOX_ROOTS = [BASE / "Firefox/Profiles"]
elif SYSTEM == "Windows":
    LOCAL = Path(os.environ.get("LOCALAPPDATA", HOME / "AppData/Local"))
    ROAM = Path(os.environ.get("APPDATA", HOME / "AppData/Roaming"))
    CHROMIUM_ROOTS = {"chrome": LOCAL / "Google/Chrome/User Data", "chromium": LOCAL / "Chromium/User Data",
                      "brave": LOCAL / "BraveSoftware/Brave-Browser/User Data",
                      "edge": LOCAL / "Microsoft/Edge/User Data", "vivaldi": LOCAL / "Vivaldi/User Data"}
    FIREFOX_ROOTS = [ROAM / "Mozilla/Firefox/Profiles"]
else:
    CFG = HOME / ".config"
    CHROMIUM_ROOTS = {"chrome": CFG / "google-chrome", "chromium": CFG / "chromium",
                      "brave": CFG / "BraveSoftware/Brave-Browser", "edge": CFG / "microsoft-edge",
                      "vivaldi": CFG / "vivaldi"}
    for name, alt in (("chromium", HOME / "snap/chromium/common/chromium"),
                      ("brave", HOME / ".var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser"),
                      ("chrome", HOME / ".var/app/com.google.Chrome/config/google-chrome")):
        if not CHROMIUM_ROOTS[name].exists() and alt.exists():
            CHROMIUM_ROOTS[name] = alt
    FIREFOX_ROOTS = [HOME / ".mozilla/firefox", HOME / "snap/firefox/common/.mozilla/firefox",
                     HOME / ".var/app/org.mozilla.firefox/.mozilla/firefox"]


def chrome_time(v):
    # microseconds since 1601-01-01
    try:
        return datetime(1601, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=int(v))
    except (TypeError, ValueError, OverflowError):
        return None


def chromium_profiles():
    out = []
    for browser, root in CHROMIUM_ROOTS.items():
        if not root.exists():
            continue
        names = {}
        try:
            names = {k: v.get("name", k) for k, v in
                     json.loads((root / "Local State").read_text())["profile"]["info_cache"].items()}
        except (OSError, KeyError, ValueError):
            pass
        for d in sorted(root.iterdir()):
            if (d / "Bookmarks").is_file():
                out.append((browser, d.name, names.get(d.name, d.name), d))
    return out


def firefox_profiles():
    out = []
    for root in FIREFOX_ROOTS:
        if root.exists():
            for d in sorted(root.iterdir()):
                if (d / "places.sqlite").is_file():
                    out.append(("firefox", d.name.split(".", 1)[-1], d.name, d))
    return out


def load_chromium(profile_dir, include_managed):
    data = json.loads((profile_dir / "Bookmarks").read_text(encoding="utf-8"))

    def walk(node):
        if node.get("type") == "url":
            return {"title": node.get("name", ""), "url": node.get("url", ""), "added": chrome_time(node.get("date_added"))}
        return {"title": node.get("name", ""), "children": [walk(c) for c in node.get("children", [])]}

    roots = data.get("roots", {})
    labels = {"bookmark_bar": "Bookmarks bar", "other": "Other bookmarks", "synced": "Mobile bookmarks"}
    tree = []
    for key, label in labels.items():
        if key in roots:
            n = walk(roots[key])
            n["title"] = label
            tree.append(n)
    if include_managed and "managed" in roots:
        tree.append(walk(roots["managed"]))
    return tree


def load_firefox(profile_dir):
    tmp = tempfile.mkdtemp(prefix="ffbm-")
    try:
        for suffix in ("", "-wal"):
            src = profile_dir / f"places.sqlite{suffix}"
            if src.exists():
                shutil.copy2(src, Path(tmp) / f"places.sqlite{suffix}")
        con = sqlite3.connect(f"file:{Path(tmp) / 'places.sqlite'}?mode=ro", uri=True)
        rows = con.execute("""
            SELECT b.id, b.parent, b.type, b.title, b.position, b.dateAdded, p.url
            FROM moz_bookmarks b LEFT JOIN moz_places p ON p.id = b.fk
            WHERE b.type IN (1, 2)
            ORDER BY b.parent, b.position""").fetchall()
        con.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    nodes = {}
    for rid, parent, typ, title, _pos, added, url in rows:
        if typ == 1 and url and url.startswith("place:"):
            continue
        nodes[rid] = {"parent": parent, "title": title or "",
                      **({"url": url, "added": datetime.fromtimestamp(added / 1e6, timezone.utc) if added else None}
                         if typ == 1 else {"children": []})}
    for rid, n in nodes.items():
        p = nodes.get(n["parent"])
        if p is not None and "children" in p:
            p["children"].append(n)
    labels = {"menu": "Bookmarks menu", "toolbar": "Bookmarks toolbar", "unfiled": "Other bookmarks", "mobile": "Mobile bookmarks"}
    tree = []
    for n in nodes.values():
        if n["parent"] == 1 and "children" in n:
            n["title"] = labels.get(n["title"], n["title"])
            tree.append(n)
    return tree


def find_folder(tree, path):
    parts = [p.strip().lower() for p in path.split("/") if p.strip()]

    def rec(nodes, parts):
        for n in nodes:
            if "children" in n and n["title"].lower() == parts[0]:
                return n if len(parts) == 1 else rec(n["children"], parts[1:])
        for n in nodes:
            if "children" in n:
                r = rec(n["children"], parts)
                if r:
                    return r
        return None
    return rec(tree, parts)


def to_md(tree, header, dates, flat):
    lines = [f"# {header}", ""]

    def rec(nodes, depth, trail):
        for n in nodes:
            if "children" in n:
                if not flat:
                    lines.append("")
                    lines.append("#" * min(depth + 2, 6) + " " + n["title"])
                rec(n["children"], depth + 1, trail + [n["title"]])
            else:
                title = n["title"].replace("[", "\\[").replace("]", "\\]") or n["url"]
                suffix = f" — added {n['added']:%Y-%m-%d}" if dates and n.get("added") else ""
                tag = " #" + "/".join(t.lower().replace(" ", "-") for t in trail[1:]) if flat and len(trail) > 1 else ""
                lines.append(f"- [{title}]({n['url']}){suffix}{tag}")
    rec(tree, 0, [])
    return "\n".join(lines) + "\n"


def to_html(tree):
    out = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
           "<TITLE>Bookmarks</TITLE>", "<H1>Bookmarks</H1>", "<DL><p>"]

    def rec(nodes, ind):
        for n in nodes:
            if "children" in n:
                out.append(f"{ind}<DT><H3>{html.escape(n['title'])}</H3>")
                out.append(f"{ind}<DL><p>")
                rec(n["children"], ind + "    ")
                out.append(f"{ind}</DL><p>")
            else:
                ts = int(n["added"].timestamp()) if n.get("added") else 0
                out.append(f'{ind}<DT><A HREF="{html.escape(n["url"], quote=True)}" ADD_DATE="{ts}">{html.escape(n["title"])}</A>')
    rec(tree, "    ")
    out.append("</DL><p>")
    return "\n".join(out) + "\n"


def jsonable(tree):
    def rec(n):
        if "children" in n:
            return {"folder": n["title"], "children": [rec(c) for c in n["children"]]}
        return {"title": n["title"], "url": n["url"], "added": n["added"].isoformat() if n.get("added") else None}
    return [rec(n) for n in tree]


def normalise(url):
    u = urllib.parse.urlsplit(url)
    q = [(k, v) for k, v in urllib.parse.parse_qsl(u.query) if not k.startswith("utm_")]
    return urllib.parse.urlunsplit(("", u.netloc.lower().removeprefix("www."), u.path.rstrip("/"), urllib.parse.urlencode(q), ""))


def duplicates(tree):
    seen = {}

    def rec(nodes, trail):
        for n in nodes:
            if "children" in n:
                rec(n["children"], trail + [n["title"]])
            else:
                seen.setdefault(normalise(n["url"]), []).append(("/".join(trail), n["title"]))
    rec(tree, [])
    return {k: v for k, v in seen.items() if len(v) > 1}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--list-profiles", action="store_true")
    ap.add_argument("--browser", choices=sorted(list(CHROMIUM_ROOTS) + ["firefox"]))
    ap.add_argument("--profile", help="profile directory or display name (default: first found)")
    ap.add_argument("--folder", help="export only this folder, e.g. 'Research/LLM'")
    ap.add_argument("--format", choices=["md", "html", "json"], default="md")
    ap.add_argument("-o", "--output")
    ap.add_argument("--no-dates", action="store_true")
    ap.add_argument("--flat", action="store_true")
    ap.add_argument("--include-managed", action="store_true")
    ap.add_argument("--duplicates", action="store_true")
    args = ap.parse_args()

    profiles = chromium_profiles() + firefox_profiles()
    if args.list_profiles:
        for browser, dirname, display, path in profiles:
            print(f"{browser:<9}{display:<16}{str(path).replace(str(HOME), '~', 1)}")
        return 0
    if not args.browser:
        ap.error("choose --browser (see --list-profiles)")
    cands = [p for p in profiles if p[0] == args.browser and (not args.profile or args.profile in (p[1], p[2]))]
    if not cands:
        sys.exit(f"no {args.browser} profile found{' named ' + args.profile if args.profile else ''}")
    browser, dirname, display, path = cands[0]
    tree = load_firefox(path) if browser == "firefox" else load_chromium(path, args.include_managed)

    if args.duplicates:
        for url, where in sorted(duplicates(tree).items()):
            print(url)
            for folder, title in where:
                print(f"    {folder}: {title}")
        return 0
    if args.folder:
        node = find_folder(tree, args.folder)
        if not node:
            sys.exit(f"folder not found: {args.folder}")
        tree = [node]

    header = f"Bookmarks ({browser.title()}, {display}) — exported {datetime.now():%Y-%m-%d}"
    if args.format == "md":
        text = to_md(tree, header, not args.no_dates, args.flat)
    elif args.format == "html":
        text = to_html(tree)
    else:
        text = json.dumps(jsonable(tree), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
