#!/usr/bin/env python3
"""Convert GitHub-flavoured Markdown to Confluence storage format (XHTML with ac: macros).

Usage: md2storage.py FILE.md [--attachments] [--no-toc]
Covers the subset used in docs repos: headings, paragraphs, emphasis, inline code, links,
images, ordered/unordered lists (one nesting level), tables, fenced code, blockquote panels,
horizontal rules.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

PANEL_RE = re.compile(r"^\*\*(Note|Info|Tip|Warning|Caution|Important):?\*\*:?\s*", re.I)
PANEL_MACRO = {"note": "note", "info": "info", "tip": "tip", "warning": "warning", "caution": "warning", "important": "note"}
LANG_ALIASES = {"sh": "bash", "shell": "bash", "console": "bash", "yml": "yaml", "ts": "typescript", "js": "javascript",
                "py": "python", "rb": "ruby", "tf": "text", "hcl": "text"}


def inline(text: str, attachments: bool) -> str:
    parts = re.split(r"(`[^`]+`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{html.escape(part[1:-1])}</code>")
            continue
        s = html.escape(part, quote=False)

        def img(m: re.Match) -> str:
            alt, src = m.group(1), m.group(2)
            if attachments and not re.match(r"https?://", src):
                return f'<ac:image ac:alt="{html.escape(alt)}"><ri:attachment ri:filename="{html.escape(Path(src).name)}"/></ac:image>'
            return f'<ac:image ac:alt="{html.escape(alt)}"><ri:url ri:value="{html.escape(src)}"/></ac:image>'

        s = re.sub(r"!\[([^\]]*)\]\(([^)\s]+)\)", img, s)
        s = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', s)
        s = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", s)
        s = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", s)
        s = re.sub(r"~~([^~]+)~~", r"<del>\1</del>", s)
        out.append(s)
    return "".join(out)


def code_macro(lang: str, body: str) -> str:
    lang = LANG_ALIASES.get(lang.lower(), lang.lower()) if lang else "text"
    body = body.replace("]]>", "]]]]><![CDATA[>")
    return (f'<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">{lang}</ac:parameter>'
            f'<ac:plain-text-body><![CDATA[{body}]]></ac:plain-text-body></ac:structured-macro>')


def table(rows: list[str], attachments: bool) -> str:
    cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
    header, body = cells[0], [r for r in cells[2:]]
    out = ["<table><tbody>", "<tr>" + "".join(f"<th>{inline(c, attachments)}</th>" for c in header) + "</tr>"]
    for r in body:
        out.append("<tr>" + "".join(f"<td>{inline(c, attachments)}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def convert(md: str, attachments: bool, toc: bool) -> str:
    lines = md.splitlines()
    out: list[str] = []
    i = 0
    h2_count = sum(1 for l in lines if l.startswith("## "))
    first_heading_skipped = False
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^(```|~~~)\s*([\w+-]*)", line)
        if fence:
            marker, lang = fence.group(1), fence.group(2)
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith(marker):
                body.append(lines[i])
                i += 1
            out.append(code_macro(lang, "\n".join(body)))
            i += 1
            continue
        h = re.match(r"^(#{1,6})\s+(.*)", line)
        if h:
            level = len(h.group(1))
            if level == 1 and not first_heading_skipped:
                first_heading_skipped = True  # the page title carries the H1
            else:
                out.append(f"<h{level}>{inline(h.group(2), attachments)}</h{level}>")
            if level <= 2 and toc and h2_count > 3 and not any("ac:name=\"toc\"" in o for o in out):
                out.append('<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro>')
            i += 1
            continue
        if re.match(r"^\s*\|.*\|\s*$", line) and i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append(table(rows, attachments))
            continue
        if line.startswith(">"):
            quote = []
            while i < len(lines) and lines[i].startswith(">"):
                quote.append(lines[i][1:].lstrip())
                i += 1
            text = " ".join(quote)
            m = PANEL_RE.match(text)
            if m:
                macro = PANEL_MACRO[m.group(1).lower()]
                out.append(f'<ac:structured-macro ac:name="{macro}"><ac:rich-text-body><p>{inline(text[m.end():], attachments)}</p>'
                           "</ac:rich-text-body></ac:structured-macro>")
            else:
                out.append(f"<blockquote><p>{inline(text, attachments)}</p></blockquote>")
            continue
        lm = re.match(r"^(\s*)([-*+]|\d+[.)])\s+(.*)", line)
        if lm:
            ordered = lm.group(2)[0].isdigit()
            tag = "ol" if ordered else "ul"
            items: list[str] = []
            while i < len(lines):
                m2 = re.match(r"^(\s*)([-*+]|\d+[.)])\s+(.*)", lines[i])
                if not m2:
                    if lines[i].startswith("  ") and items:
                        items[-1] += " " + lines[i].strip()
                        i += 1
                        continue
                    break
                nested = len(m2.group(1)) >= 2
                text = inline(m2.group(3), attachments)
                if nested and items:
                    items[-1] += f"<ul><li>{text}</li></ul>"
                else:
                    items.append(text)
                i += 1
            out.append(f"<{tag}>" + "".join(f"<li>{it}</li>" for it in items) + f"</{tag}>")
            continue
        if re.match(r"^\s*([-*_])\s*(\1\s*){2,}$", line):
            out.append("<hr/>")
            i += 1
            continue
        if not line.strip():
            i += 1
            continue
        para = [line.strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and not re.match(r"^(#|```|~~~|>|\s*([-*+]|\d+[.)])\s|\s*\|)", lines[i]):
            para.append(lines[i].strip())
            i += 1
        out.append(f"<p>{inline(' '.join(para), attachments)}</p>")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--attachments", action="store_true", help="reference local images as page attachments")
    ap.add_argument("--no-toc", action="store_true")
    args = ap.parse_args()
    sys.stdout.write(convert(args.file.read_text(encoding="utf-8"), args.attachments, not args.no_toc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
