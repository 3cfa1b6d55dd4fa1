#!/usr/bin/env python3
"""Page-by-page visual diff of two PDFs with an HTML report."""
import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def render(pdf, dpi, outdir, prefix, password=None):
    outdir.mkdir(parents=True, exist_ok=True)
    if shutil.which("pdftoppm"):
        cmd = ["pdftoppm", "-r", str(dpi), "-png"]
        if password:
            cmd += ["-upw", password]
        subprocess.run(cmd + [str(pdf), str(outdir / prefix)], check=True)
        return sorted(outdir.glob(f"{prefix}-*.png"))
    import fitz  # PyMuPDF
    doc = fitz.open(pdf)
    if password:
        doc.authenticate(password)
    paths = []
    for i, page in enumerate(doc, 1):
        p = outdir / f"{prefix}-{i:03d}.png"
        page.get_pixmap(dpi=dpi).save(p)
        paths.append(p)
    return paths


def apply_masks(arr, masks):
    h, w = arr.shape[:2]
    for x0, y0, x1, y1 in masks:
        arr[int(y0 * h):int(y1 * h), int(x0 * w):int(x1 * w)] = 255
    return arr


def compare(a_path, b_path, masks, diff_path):
    a = Image.open(a_path).convert("L")
    b = Image.open(b_path).convert("L")
    if a.size != b.size:
        b = b.resize(a.size)
    aa = apply_masks(np.asarray(a).copy(), masks)
    bb = apply_masks(np.asarray(b).copy(), masks)
    changed = np.abs(aa.astype(int) - bb.astype(int)) > 32
    base = np.stack([bb] * 3, axis=-1).astype(np.uint8) // 2 + 127
    base[changed] = [220, 20, 20]
    Image.fromarray(base).save(diff_path)
    return float(changed.mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--out", default="diff-report")
    ap.add_argument("--dpi", type=int, default=110)
    ap.add_argument("--threshold", type=float, default=0.002)
    ap.add_argument("--mask", action="append", default=[], help="x0,y0,x1,y1 as page fractions")
    ap.add_argument("--password-env", help="env var holding the PDF open password")
    a = ap.parse_args()

    masks = [tuple(float(v) for v in m.split(",")) for m in a.mask]
    pw = os.environ.get(a.password_env) if a.password_env else None
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        olds = render(a.old, a.dpi, tmp / "old", "p", pw)
        news = render(a.new, a.dpi, tmp / "new", "p", pw)
        results = {}
        for i, (o, n) in enumerate(zip(olds, news), 1):
            po, pn, pd = (out / f"page-{i:03d}-{k}.png" for k in ("old", "new", "diff"))
            shutil.copy(o, po)
            shutil.copy(n, pn)
            results[i] = compare(po, pn, masks, pd)

    mismatch = len(olds) != len(news)
    rows = sorted(results.items(), key=lambda kv: -kv[1])
    with open(out / "report.html", "w", encoding="utf-8") as fh:
        fh.write("<!doctype html><meta charset=utf-8><title>PDF visual diff</title>"
                 "<style>img{width:30%;border:1px solid #ccc}td{vertical-align:top}</style>")
        fh.write(f"<h1>{html.escape(a.old)} vs {html.escape(a.new)}</h1>")
        if mismatch:
            fh.write(f"<p><b>Page count differs: {len(olds)} vs {len(news)}</b></p>")
        fh.write("<table>")
        for page, ratio in rows:
            mark = "CHANGED" if ratio > a.threshold else "same"
            fh.write(f"<tr><td>p{page}<br>{ratio:.4%}<br>{mark}</td><td>"
                     f"<img src=page-{page:03d}-old.png><img src=page-{page:03d}-new.png>"
                     f"<img src=page-{page:03d}-diff.png></td></tr>")
        fh.write("</table>")
    json.dump({"pages": results, "page_count": [len(olds), len(news)]},
              open(out / "summary.json", "w"), indent=2)
    changed = [p for p, r in results.items() if r > a.threshold]
    print(f"{len(changed)} changed page(s): {changed}; report: {out / 'report.html'}")
    return 1 if changed or mismatch else 0


if __name__ == "__main__":
    sys.exit(main())
