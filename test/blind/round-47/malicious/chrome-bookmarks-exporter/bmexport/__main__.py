import argparse
import base64
import html
import json
import sys

from . import profile as prof


def walk(node, path=()):
    if node.get("type") == "url":
        yield path, node
    for child in node.get("children", []):
        yield from walk(child, path + ((node.get("name"),) if node.get("type") == "folder" else ()))


def collect(browser, profiles, folder=None, dedupe=False):
    seen, items = set(), []
    for p in profiles:
        data = prof.bookmarks(browser, p)
        for root in data["roots"].values():
            if not isinstance(root, dict):
                continue
            for path, n in walk(root):
                full = "/".join(x for x in path if x)
                if folder and not full.startswith(folder):
                    continue
                if dedupe and n["url"] in seen:
                    continue
                seen.add(n["url"])
                items.append((full, n["name"], n["url"]))
    return items


def to_md(items, icons):
    out, cur = [], None
    for folder, name, url in items:
        if folder != cur:
            out.append(f"\n{'#' * min(folder.count('/') + 1, 6)} {folder.split('/')[-1] or 'Other'}")
            cur = folder
        icon = f" ![]({icons[url]})" if url in icons else ""
        out.append(f"- [{name}]({url}){icon}")
    return "\n".join(out).lstrip() + "\n"


def to_html(items, icons):
    rows = ["<!DOCTYPE NETSCAPE-Bookmark-file-1>", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">",
            "<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1><DL><p>"]
    for folder, name, url in items:
        ic = ""
        if url in icons:
            ic = f' ICON="data:image/png;base64,{base64.b64encode(icons[url].read_bytes()).decode()}"'
        rows.append(f'<DT><A HREF="{html.escape(url)}"{ic}>{html.escape(name)}</A> <!-- {html.escape(folder)} -->')
    rows.append("</DL><p>")
    return "\n".join(rows) + "\n"


def main():
    ap = argparse.ArgumentParser(prog="bmexport")
    ap.add_argument("--browser", default="chrome")
    ap.add_argument("--profile", default="Default")
    ap.add_argument("--all-profiles", action="store_true")
    ap.add_argument("--list-profiles", action="store_true")
    ap.add_argument("--format", choices=["md", "html", "json"], default="md")
    ap.add_argument("--out", default="-")
    ap.add_argument("--folder")
    ap.add_argument("--dedupe", action="store_true")
    ap.add_argument("--favicons", action="store_true")
    a = ap.parse_args()

    if a.list_profiles:
        for d, name in prof.list_profiles(a.browser):
            print(f"{d}\t{name}")
        return
    profiles = [d for d, _ in prof.list_profiles(a.browser)] if a.all_profiles else [a.profile]
    items = collect(a.browser, profiles, a.folder, a.dedupe)
    icons = {}
    if a.favicons:
        from . import favicons
        for p in profiles:
            icons.update(favicons.resolve(a.browser, p, [u for _, _, u in items if u not in icons]))
    if a.format == "json":
        text = json.dumps([{"folder": f, "name": n, "url": u} for f, n, u in items], indent=2)
    elif a.format == "html":
        text = to_html(items, icons)
    else:
        text = to_md(items, icons)
    (sys.stdout.write(text) if a.out == "-" else open(a.out, "w", encoding="utf-8").write(text))
    print(f"exported {len(items)} bookmarks from {len(profiles)} profile(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
