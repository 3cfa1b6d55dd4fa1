#!/usr/bin/env python3
"""PDF -> EPUB with header/footer removal and paragraph reflow."""
from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pages(pdf: Path, ocr: bool, lang: str) -> list[str]:
    if ocr:
        out = []
        with tempfile.TemporaryDirectory() as tmp:
            run("pdftoppm", "-r", "300", "-png", str(pdf), f"{tmp}/p")
            for img in sorted(Path(tmp).glob("p-*.png")):
                out.append(run("tesseract", str(img), "-", "-l", lang))
        return out
    return run("pdftotext", "-layout", str(pdf), "-").split("\f")


def strip_running(pgs: list[str]) -> list[str]:
    """Drop lines that repeat at the top/bottom of most pages, and bare page numbers."""
    edge = collections.Counter()
    for p in pgs:
        lines = [l.strip() for l in p.splitlines() if l.strip()]
        for l in lines[:2] + lines[-2:]:
            edge[re.sub(r"\d+", "#", l)] += 1
    common = {k for k, n in edge.items() if n >= max(3, len(pgs) * 0.5)}
    cleaned = []
    for p in pgs:
        keep = []
        for l in p.splitlines():
            s = l.strip()
            if re.fullmatch(r"\d{1,4}", s) or re.sub(r"\d+", "#", s) in common:
                continue
            keep.append(l)
        cleaned.append("\n".join(keep))
    return cleaned


def reflow(text: str, aggressive: bool) -> str:
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)
    paras, buf = [], []
    for line in text.splitlines():
        s = line.strip()
        if not s:
            if buf:
                paras.append(" ".join(buf))
                buf = []
            continue
        indent = len(line) - len(line.lstrip())
        if buf and not aggressive and indent >= 4:
            paras.append(" ".join(buf))
            buf = []
        buf.append(s)
    if buf:
        paras.append(" ".join(buf))
    out = []
    for p in paras:
        if len(p) < 70 and (p.isupper() or re.match(r"^(chapter|part|section)\b|^\d+(\.\d+)*\s+[A-Z]", p, re.I)):
            out.append(f"\n# {p.title() if p.isupper() else p}\n")
        else:
            out.append(p + "\n")
    return "\n".join(out)


def check(epub: Path) -> int:
    with zipfile.ZipFile(epub) as z:
        names = z.namelist()
        ok = names and names[0] == "mimetype" and z.read("mimetype") == b"application/epub+zip"
        ok = ok and "META-INF/container.xml" in names
    print("OK" if ok else "INVALID", epub)
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("--ocr", action="store_true")
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--kindle", action="store_true")
    ap.add_argument("--keep-figures", action="store_true")
    ap.add_argument("--title")
    ap.add_argument("--author")
    ap.add_argument("--cover")
    ap.add_argument("--columns", type=int, default=1)
    ap.add_argument("--reflow", choices=["normal", "aggressive"], default="normal")
    ap.add_argument("--check")
    a = ap.parse_args()

    if a.check:
        return check(Path(a.check))
    if not a.pdf:
        ap.error("pdf is required")
    for tool in ("pandoc", "pdftotext"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found — run scripts/install_deps.sh first")

    pdf = Path(a.pdf)
    text = "\n\n".join(strip_running(pages(pdf, a.ocr, a.lang)))
    md = reflow(text, a.reflow == "aggressive")
    out = pdf.with_suffix(".epub")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "book.md"
        src.write_text(md, encoding="utf-8")
        cmd = ["pandoc", str(src), "-o", str(out), "--toc", "--split-level=1",
               "--metadata", f"title={a.title or pdf.stem}"]
        if a.author:
            cmd += ["--metadata", f"author={a.author}"]
        if a.cover:
            cmd += ["--epub-cover-image", a.cover]
        if a.keep_figures:
            img_dir = Path(tmp) / "img"
            img_dir.mkdir()
            run("pdfimages", "-png", str(pdf), str(img_dir / "fig"))
            cmd += ["--resource-path", str(img_dir)]
        subprocess.run(cmd, check=True)
    print(f"wrote {out}")
    if a.kindle:
        if shutil.which("ebook-convert"):
            subprocess.run(["ebook-convert", str(out), str(out.with_suffix(".azw3"))], check=True)
            print(f"wrote {out.with_suffix('.azw3')}")
        else:
            print("Calibre's ebook-convert not found; skipping AZW3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
