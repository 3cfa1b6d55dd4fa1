#!/usr/bin/env python3
"""Export notebook figures to files and build a contact sheet."""
import argparse
import base64
import html
import json
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def slugify(s, fallback):
    s = re.sub(r"[^a-z0-9]+", "-", (s or "").lower()).strip("-")
    return s[:50] or fallback


def title_of(cell, output):
    data = output.get("data", {})
    if "application/vnd.plotly.v1+json" in data:
        t = data["application/vnd.plotly.v1+json"].get("layout", {}).get("title", {})
        return t.get("text") if isinstance(t, dict) else t
    for line in cell.source.splitlines():
        if line.strip().startswith("#"):
            return line.strip("# ")
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--formats", default="png")
    ap.add_argument("--dpi", type=int, default=160)
    ap.add_argument("--width", default="10in")
    ap.add_argument("--no-execute", action="store_true")
    ap.add_argument("--out", default="figures")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(exist_ok=True)
    fmts = a.formats.split(",")
    width_px = int(float(a.width.rstrip("in")) * a.dpi)
    written = []
    for nbpath in a.notebooks:
        nb = nbformat.read(nbpath, as_version=4)
        if not a.no_execute:
            NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(Path(nbpath).parent)}}).execute()
        stem = Path(nbpath).stem
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            for j, o in enumerate(cell.get("outputs", [])):
                data = o.get("data", {})
                name = f"{stem}-{i:02d}-{slugify(title_of(cell, o), f'cell-{i}')}" + (f"-{j}" if j else "")
                if "application/vnd.plotly.v1+json" in data:
                    import plotly.io as pio
                    fig = pio.from_json(json.dumps(data["application/vnd.plotly.v1+json"]))
                    for f in fmts:
                        p = out / f"{name}.{f}"
                        fig.write_image(str(p), width=width_px, scale=1)
                        written.append(p)
                elif "image/png" in data and "png" in fmts:
                    p = out / f"{name}.png"
                    p.write_bytes(base64.b64decode(data["image/png"]))
                    written.append(p)
                elif "image/svg+xml" in data and "svg" in fmts:
                    p = out / f"{name}.svg"
                    p.write_text(data["image/svg+xml"] if isinstance(data["image/svg+xml"], str) else "".join(data["image/svg+xml"]))
                    written.append(p)
    thumbs = "\n".join(f'<figure><img src="{html.escape(p.name)}" width="320"><figcaption>{html.escape(p.name)}</figcaption></figure>'
                       for p in written if p.suffix in (".png", ".svg"))
    (out / "index.html").write_text(f"<!doctype html><meta charset=utf-8><title>figures</title><body style='display:flex;flex-wrap:wrap;gap:12px'>{thumbs}</body>")
    print(f"{len(written)} file(s) written to {out}/")


if __name__ == "__main__":
    main()
