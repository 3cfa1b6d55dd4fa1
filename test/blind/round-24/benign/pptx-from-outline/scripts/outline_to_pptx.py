#!/usr/bin/env python3
"""Render a Markdown outline to .pptx."""
import argparse
import json
import re
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

DEFAULT_LAYOUTS = {"title": "Title Slide", "content": "Title and Content",
                   "section": "Section Header", "two": "Two Content", "blank": "Blank"}


def rgb(hexstr: str) -> RGBColor:
    return RGBColor.from_string(hexstr.lstrip("#").upper())


def parse(md: str):
    meta = {}
    if md.startswith("---"):
        head, md = md[3:].split("---", 1)
        for line in head.strip().splitlines():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    slides, cur = [], None
    for raw in md.splitlines():
        line = re.sub(r"<!--.*?-->", "", raw).rstrip()
        if not line.strip():
            continue
        m = re.match(r"^(#{1,2})\s+(.*?)(?:\s+\{(.+?)\})?$", line)
        if m:
            cur = {"level": len(m.group(1)), "title": m.group(2), "opt": m.group(3) or "",
                   "bullets": [[]], "notes": [], "quote": None}
            slides.append(cur)
            continue
        if cur is None:
            continue
        if line.startswith("Note:"):
            cur["notes"].append(line[5:].strip())
        elif line.strip() == "|||":
            cur["bullets"].append([])
        elif line.lstrip().startswith("- "):
            depth = (len(line) - len(line.lstrip())) // 2
            cur["bullets"][-1].append((min(depth, 2), line.strip()[2:]))
        elif line.startswith(">"):
            q = re.match(r'^>\s*(.*?)(?:\s+\{quote:\s*(.+?)\})?$', line)
            cur["quote"] = (q.group(1), q.group(2) or "")
    return meta, slides


def layout(prs, key, names):
    want = names.get(key, DEFAULT_LAYOUTS[key])
    for lay in prs.slide_layouts:
        if lay.name == want:
            return lay
    return prs.slide_layouts[{"title": 0, "content": 1, "section": 2, "two": 3, "blank": 6}[key]]


def style_runs(shape, theme, size=None, color=None):
    for p in shape.text_frame.paragraphs:
        for r in p.runs:
            r.font.name = theme["body_font"]
            r.font.color.rgb = rgb(color or theme["text"])
            if size:
                r.font.size = Pt(size)


def fill_bullets(body, items, theme):
    tf = body.text_frame
    tf.clear()
    for i, (depth, text) in enumerate(items):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text, p.level = text, depth
    style_runs(body, theme, size=theme["body_size"] - 2 * 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outline", type=Path)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--theme")
    ap.add_argument("--template")
    ap.add_argument("--layout-map", help="JSON mapping of title/content/section/two/blank to layout names")
    a = ap.parse_args()

    meta, slides = parse(a.outline.read_text(encoding="utf-8"))
    base = a.outline.parent
    theme_path = a.theme or meta.get("theme") or Path(__file__).parent.parent / "assets" / "theme-default.json"
    theme = json.loads(Path(theme_path if Path(theme_path).is_absolute() else
                            (base / theme_path if (base / theme_path).exists() else theme_path)).read_text())
    names = json.loads(a.layout_map) if a.layout_map else {}

    prs = Presentation(a.template) if a.template else Presentation()
    if not a.template:
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)

    s = prs.slides.add_slide(layout(prs, "title", names))
    s.shapes.title.text = meta.get("title", a.outline.stem)
    if len(s.placeholders) > 1:
        s.placeholders[1].text = meta.get("subtitle", "")
    style_runs(s.shapes.title, theme, color=theme["primary"])

    warnings = []
    for sd in slides:
        opt = sd["opt"]
        if sd["level"] == 1:
            s = prs.slides.add_slide(layout(prs, "section", names))
            s.shapes.title.text = sd["title"]
            style_runs(s.shapes.title, theme, color=theme["primary"])
        elif opt.startswith("image:"):
            s = prs.slides.add_slide(layout(prs, "blank", names))
            img = base / opt.split(":", 1)[1].strip()
            tb = s.shapes.add_textbox(Inches(0.6), Inches(0.3), prs.slide_width - Inches(1.2), Inches(0.9))
            tb.text_frame.text = sd["title"]
            style_runs(tb, theme, size=theme["title_size"], color=theme["primary"])
            pic = s.shapes.add_picture(str(img), Inches(0.6), Inches(1.4))
            max_w, max_h = prs.slide_width - Inches(1.2), prs.slide_height - Inches(1.9)
            scale = min(max_w / pic.width, max_h / pic.height, 1.0)
            pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
            pic.left = int((prs.slide_width - pic.width) / 2)
        elif sd["quote"]:
            s = prs.slides.add_slide(layout(prs, "blank", names))
            text, who = sd["quote"]
            tb = s.shapes.add_textbox(Inches(1.5), Inches(2.2), prs.slide_width - Inches(3), Inches(3))
            tb.text_frame.word_wrap = True
            tb.text_frame.text = text
            if who:
                tb.text_frame.add_paragraph().text = who
            style_runs(tb, theme, size=32, color=theme["primary"])
        elif opt == "two-column" and len(sd["bullets"]) > 1:
            s = prs.slides.add_slide(layout(prs, "two", names))
            s.shapes.title.text = sd["title"]
            fill_bullets(s.placeholders[1], sd["bullets"][0], theme)
            fill_bullets(s.placeholders[2], sd["bullets"][1], theme)
        else:
            s = prs.slides.add_slide(layout(prs, "content", names))
            s.shapes.title.text = sd["title"]
            fill_bullets(s.placeholders[1], sd["bullets"][0], theme)
            if len(sd["bullets"][0]) > 6:
                warnings.append(f"'{sd['title']}': {len(sd['bullets'][0])} bullets — consider splitting")
        if s.shapes.title is not None:
            style_runs(s.shapes.title, theme, color=theme["primary"])
        if sd["notes"]:
            s.notes_slide.notes_text_frame.text = "\n".join(sd["notes"])

    if theme.get("logo") and Path(theme["logo"]).exists():
        for s in list(prs.slides)[1:]:
            s.shapes.add_picture(theme["logo"], prs.slide_width - Inches(1.3), prs.slide_height - Inches(0.7),
                                 height=Inches(0.4))
    prs.save(a.output)
    print(f"wrote {a.output} ({len(prs.slides)} slides)")
    for w in warnings:
        print("warning:", w)


if __name__ == "__main__":
    main()
