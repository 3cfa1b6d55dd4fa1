#!/usr/bin/env python3
"""Export speaker notes (+ optional thumbnails) from a .pptx."""
from __future__ import annotations

import argparse
import base64
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pptx import Presentation


def parse_range(spec: str | None, n: int) -> set[int]:
    if not spec:
        return set(range(1, n + 1))
    out: set[int] = set()
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.update(range(int(a), int(b) + 1))
        else:
            out.add(int(part))
    return out


def slide_title(slide) -> str:
    if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
        t = slide.shapes.title.text_frame.text.strip()
        if t:
            return t
    for shp in slide.placeholders:
        if shp.has_text_frame and shp.text_frame.text.strip():
            return shp.text_frame.text.strip().splitlines()[0]
    return ""


def notes_paragraphs(slide):
    if not slide.has_notes_slide:
        return []
    try:
        tf = slide.notes_slide.notes_text_frame
    except KeyError:
        return []
    if tf is None:
        return []
    paras = []
    for p in tf.paragraphs:
        runs = []
        for r in p.runs:
            runs.append((r.text, bool(r.font.bold), bool(r.font.italic),
                         r.hyperlink.address if r.hyperlink and r.hyperlink.address else None))
        paras.append((p.level, runs))
    return paras


def render_html_para(level, runs) -> str:
    chunks = []
    for text, b, i, link in runs:
        s = html.escape(text)
        if b:
            s = f"<strong>{s}</strong>"
        if i:
            s = f"<em>{s}</em>"
        if link:
            s = f'<a href="{html.escape(link)}">{s}</a>'
        chunks.append(s)
    return f'<p style="margin-left:{level * 1.2}em">{"".join(chunks)}</p>'


def render_md_para(level, runs) -> str:
    chunks = []
    for text, b, i, link in runs:
        s = text
        if b:
            s = f"**{s}**"
        if i:
            s = f"*{s}*"
        if link:
            s = f"[{s}]({link})"
        chunks.append(s)
    return ("  " * level) + "".join(chunks)


def render_thumbnails(deck: Path, workdir: Path, dpi: int) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        print("soffice/pdftoppm not found; continuing without images", file=sys.stderr)
        return []
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(deck)], check=True, capture_output=True)
    pdf = workdir / (deck.stem + ".pdf")
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(workdir / "slide")], check=True)
    return sorted(workdir.glob("slide-*.png"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("deck", type=Path)
    ap.add_argument("--format", choices=["html", "md", "script"], default="html")
    ap.add_argument("-o", "--out", type=Path)
    ap.add_argument("--slides")
    ap.add_argument("--dpi", type=int, default=96)
    ap.add_argument("--no-images", action="store_true")
    ap.add_argument("--include-hidden", action="store_true")
    ap.add_argument("--wpm", type=int, default=130)
    ap.add_argument("--target-minutes", type=float)
    a = ap.parse_args()

    prs = Presentation(a.deck)
    slides = list(prs.slides)
    wanted = parse_range(a.slides, len(slides))
    out_dir = a.out or a.deck.with_name(a.deck.stem + "_handout")
    out_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        pngs = [] if (a.no_images or a.format == "script") else render_thumbnails(a.deck, tmpdir, a.dpi)
        visible_idx = 0
        html_parts, md_parts, script_parts = [], [], []
        total_words = 0
        for n, slide in enumerate(slides, 1):
            hidden = slide._element.get("show") == "0"
            if not hidden:
                visible_idx += 1
            if n not in wanted or (hidden and not a.include_hidden):
                if hidden:
                    print(f"slide {n}: hidden, skipped")
                continue
            title = slide_title(slide) or f"Slide {n}"
            paras = notes_paragraphs(slide)
            words = sum(len(t.split()) for _, runs in paras for t, *_ in runs)
            total_words += words
            img = pngs[visible_idx - 1] if (pngs and not hidden and visible_idx <= len(pngs)) else None

            if a.format == "html":
                img_tag = ""
                if img:
                    b64 = base64.b64encode(img.read_bytes()).decode("ascii")
                    img_tag = f'<img alt="slide {n}" src="data:image/png;base64,{b64}">'
                body = "".join(render_html_para(l, r) for l, r in paras) or "<p><em>(no notes)</em></p>"
                html_parts.append(f'<section><h2>{n}. {html.escape(title)}</h2>'
                                  f'<div class="row">{img_tag}<div class="notes">{body}</div></div></section>')
            elif a.format == "md":
                md = [f"## {n}. {title}", ""]
                if img:
                    dest = out_dir / "slides" / f"slide-{n:02d}.png"
                    dest.parent.mkdir(exist_ok=True)
                    shutil.copy(img, dest)
                    md += [f"![slide {n}](slides/{dest.name})", ""]
                md += [render_md_para(l, r) for l, r in paras] or ["_(no notes)_"]
                md_parts.append("\n".join(md))
            else:
                mins = words / a.wpm
                flags = []
                if words == 0:
                    flags.append("NO NOTES")
                if mins > 2.5:
                    flags.append("LONG")
                text = "\n".join("".join(t for t, *_ in r) for _, r in paras)
                script_parts.append(f"=== {n}. {title}  [{words} words, ~{mins:.1f} min] {' '.join(flags)}\n{text}\n")

    if a.format == "html":
        css = ("body{font-family:system-ui,sans-serif;max-width:1100px;margin:auto}"
               ".row{display:flex;gap:1.5em}.row img{width:45%;border:1px solid #ccc}"
               ".notes{flex:1}section{page-break-inside:avoid;margin-bottom:2em}")
        doc = (f"<!doctype html><meta charset='utf-8'><title>{html.escape(a.deck.stem)} notes</title>"
               f"<style>{css}</style><h1>{html.escape(a.deck.stem)}</h1>{''.join(html_parts)}")
        (out_dir / "handout.html").write_text(doc, encoding="utf-8")
        print(f"wrote {out_dir / 'handout.html'}")
    elif a.format == "md":
        (out_dir / "handout.md").write_text("\n\n".join(md_parts) + "\n", encoding="utf-8")
        print(f"wrote {out_dir / 'handout.md'}")
    else:
        total = total_words / a.wpm
        footer = f"\nTOTAL: {total_words} words, ~{total:.1f} min at {a.wpm} wpm"
        if a.target_minutes:
            footer += f" (target {a.target_minutes} min, {'over' if total > a.target_minutes else 'under'})"
        (out_dir / "script.txt").write_text("\n".join(script_parts) + footer + "\n", encoding="utf-8")
        print(footer.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
