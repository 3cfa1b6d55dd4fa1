#!/usr/bin/env python3
"""Export bookmarks (only) from a Chromium or Firefox profile to html / md / json."""
import argparse
import configparser
import datetime as dt
import html
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile

HOME = os.path.expanduser("~")
SYS = platform.system()


def chromium_roots():
    if SYS == "Darwin":
        base = os.path.join(HOME, "Library", "Application Support")
        return {"chrome": f"{base}/Google/Chrome", "edge": f"{base}/Microsoft Edge",
                "brave": f"{base}/BraveSoftware/Brave-Browser", "vivaldi": f"{base}/Vivaldi"}
    if SYS == "Windows":
        base = os.environ.get("LOCALAPPDATA", "")
        return {"chrome": f"{base}/Google/Chrome/User Data", "edge": f"{base}/Microsoft/Edge/User Data",
                "brave": f"{base}/BraveSoftware/Brave-Browser/User Data", "vivaldi": f"{base}/Vivaldi/User Data"}
    base = os.path.join(HOME, ".config")
    return {"chrome": f"{base}/google-chrome", "edge": f"{base}/microsoft-edge",
            "brave": f"{base}/BraveSoftware/Brave-Browser", "vivaldi": f"{base}/vivaldi"}


def firefox_root():
    if SYS == "Darwin":
        return os.path.join(HOME, "Library", "Application Support", "Firefox")
    if SYS == "Windows":
        return os.path.join(os.environ.get("APPDATA", ""), "Mozilla", "Firefox")
    return os.path.join(HOME, ".mozilla", "firefox")


def list_profiles():
    rows = []
    for browser, root in chromium_roots().items():
        ls = os.path.join(root, "Local State")
        if not os.path.exists(ls):
            continue
        info = json.load(open(ls, encoding="utf-8")).get("profile", {}).get("info_cache", {})
        for pdir, meta in info.items():
            rows.append((browser, pdir, meta.get("name", ""), os.path.join(root, pdir)))
    ini = os.path.join(firefox_root(), "profiles.ini")
    if os.path.exists(ini):
        cp = configparser.ConfigParser()
        cp.read(ini)
        for sec in cp.sections():
            if cp.has_option(sec, "Path"):
                p = cp.get(sec, "Path")
                full = os.path.join(firefox_root(), p) if cp.get(sec, "IsRelative", fallback="1") == "1" else p
                rows.append(("firefox", os.path.basename(p).split(".", 1)[-1], cp.get(sec, "Name", fallback=""), full))
    return rows


def chrome_time(v):
    # microseconds since 1601-01-01
    try:
        return int(int(v) / 1_000_000 - 11644473600)
    except (TypeError, ValueError):
        return None


def read_chromium(profile_dir):
    data = json.load(open(os.path.join(profile_dir, "Bookmarks"), encoding="utf-8"))
    out = []

    def walk(node, path):
        if node.get("type") == "url":
            out.append({"folder": "/".join(path), "title": node.get("name", ""), "url": node.get("url", ""),
                        "added": chrome_time(node.get("date_added"))})
        for child in node.get("children", []):
            walk(child, path + [node.get("name", "")] if node.get("type") == "folder" else path)

    for key in ("bookmark_bar", "other", "synced"):
        if key in data.get("roots", {}):
            walk(data["roots"][key], [])
    return out


def read_firefox(profile_dir):
    tmp = tempfile.mkdtemp(prefix="bm-export-")
    try:
        for suffix in ("", "-wal"):
            src = os.path.join(profile_dir, "places.sqlite" + suffix)
            if os.path.exists(src):
                shutil.copy2(src, os.path.join(tmp, "places.sqlite" + suffix))
        con = sqlite3.connect(f"file:{os.path.join(tmp, 'places.sqlite')}?mode=ro", uri=True)
        folders = {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, parent, title FROM moz_bookmarks WHERE type = 2")}

        def path_of(fid):
            parts = []
            while fid in folders and folders[fid][0] not in (0, None):
                parent, title = folders[fid]
                if title:
                    parts.append(title)
                fid = parent
            return "/".join(reversed(parts))

        rows = con.execute(
            "SELECT b.parent, b.title, p.url, b.dateAdded FROM moz_bookmarks b "
            "JOIN moz_places p ON p.id = b.fk WHERE b.type = 1 AND p.url NOT LIKE 'place:%'")
        out = [{"folder": path_of(parent), "title": title or "", "url": url,
                "added": int(added / 1_000_000) if added else None} for parent, title, url, added in rows]
        con.close()
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def to_html(items, dates):
    lines = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>",
             '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
             "<TITLE>Bookmarks</TITLE>", "<H1>Bookmarks</H1>", "<DL><p>"]
    tree = {}
    for it in items:
        node = tree
        for part in [p for p in it["folder"].split("/") if p]:
            node = node.setdefault(part, {})
        node.setdefault("__items__", []).append(it)

    def emit(node, depth):
        pad = "    " * depth
        for it in node.get("__items__", []):
            ad = f' ADD_DATE="{it["added"]}"' if dates and it["added"] else ""
            lines.append(f'{pad}<DT><A HREF="{html.escape(it["url"], quote=True)}"{ad}>{html.escape(it["title"])}</A>')
        for name, child in node.items():
            if name == "__items__":
                continue
            lines.append(f"{pad}<DT><H3>{html.escape(name)}</H3>")
            lines.append(f"{pad}<DL><p>")
            emit(child, depth + 1)
            lines.append(f"{pad}</DL><p>")

    emit(tree, 1)
    lines.append("</DL><p>")
    return "\n".join(lines) + "\n"


def to_md(items):
    out, current = [], None
    for it in sorted(items, key=lambda x: x["folder"]):
        if it["folder"] != current:
            current = it["folder"]
            out.append(f"\n## {current or '(root)'}\n")
        title = it["title"].replace("[", "\\[").replace("]", "\\]") or it["url"]
        out.append(f"- [{title}]({it['url']})")
    return "\n".join(out).lstrip() + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--browser", choices=["chrome", "edge", "brave", "vivaldi", "firefox"])
    ap.add_argument("--profile")
    ap.add_argument("--format", choices=["html", "md", "json"], default="html")
    ap.add_argument("--out")
    ap.add_argument("--folder")
    ap.add_argument("--dedupe", action="store_true")
    ap.add_argument("--no-dates", action="store_true")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()

    profiles = list_profiles()
    if a.list or not a.browser:
        for b, pid, name, path in profiles:
            label = f'"{name}"' if name else ""
            print(f"{b:<8} {pid:<16} {label:<20} {path.replace(HOME, '~')}")
        return
    match = [p for p in profiles if p[0] == a.browser and (a.profile in (p[1], p[2]) or a.profile is None)]
    if len(match) != 1:
        sys.exit(f"pick one profile with --profile; candidates: {[m[1] for m in match] or 'none'}")
    if not a.out:
        sys.exit("--out is required")
    out = os.path.expanduser(a.out)
    if os.path.exists(out) and not a.force:
        sys.exit(f"{out} exists; pass --force to overwrite")

    items = read_firefox(match[0][3]) if a.browser == "firefox" else read_chromium(match[0][3])
    if a.folder:
        items = [i for i in items if i["folder"] == a.folder or i["folder"].startswith(a.folder + "/")]
    if a.dedupe:
        seen, uniq = set(), []
        for i in items:
            if i["url"] not in seen:
                seen.add(i["url"])
                uniq.append(i)
        items = uniq

    if a.format == "html":
        text = to_html(items, not a.no_dates)
    elif a.format == "md":
        text = to_md(items)
    else:
        if a.no_dates:
            for i in items:
                i.pop("added", None)
        text = json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(text)

    per_top = {}
    for i in items:
        top = i["folder"].split("/")[0] or "(root)"
        per_top[top] = per_top.get(top, 0) + 1
    print(f"exported {len(items)} bookmarks to {out}")
    for k, v in sorted(per_top.items(), key=lambda kv: -kv[1]):
        print(f"  {v:>5}  {k}")
    js = [i for i in items if i["url"].startswith("javascript:")]
    if js:
        print(f"note: {len(js)} bookmarklet(s) (javascript: URLs) included")


if __name__ == "__main__":
    main()
