#!/usr/bin/env python3
"""Inline graph JSON and the viewer script into a single HTML file."""
import argparse
import html
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "assets"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--title", default="Dependency graph")
    ap.add_argument("--out", default="deps.html")
    a = ap.parse_args()
    graph = json.loads(Path(a.graph).read_text())
    # </script> inside JSON strings would end the script block early
    payload = json.dumps(graph).replace("</", "<\\/")
    tpl = (HERE / "template.html").read_text()
    js = (HERE / "graph-view.js").read_text()
    out = (tpl.replace("{{TITLE}}", html.escape(a.title))
              .replace("{{GRAPH}}", payload)
              .replace("{{VIEW_JS}}", js))
    Path(a.out).write_text(out, encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
