#!/usr/bin/env python3
"""Find off-brand colours, fonts and stale logos; optionally rewrite near-miss colours to tokens."""
import argparse
import fnmatch
import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

from coloraide import Color

EXTS = {".css", ".scss", ".sass", ".less", ".svg", ".html", ".jsx", ".tsx", ".js", ".ts", ".vue", ".svelte"}
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
RGB = re.compile(r"rgba?\(\s*\d{1,3}\s*[, ]\s*\d{1,3}\s*[, ]\s*\d{1,3}(?:\s*[,/]\s*[\d.]+%?)?\s*\)")
HSL = re.compile(r"hsla?\([^)]*\)")
FONT = re.compile(r"font-family\s*:\s*([^;}{]+)", re.I)
DEFAULT_IGNORE = "node_modules,dist,build,.git,*.min.css,vendor,coverage"


def iter_files(roots, ignore):
    pats = [p.strip() for p in ignore.split(",") if p.strip()]
    for root in roots:
        for p in Path(root).rglob("*"):
            if p.is_file() and p.suffix.lower() in EXTS | {".png"}:
                if any(fnmatch.fnmatch(part, pat) for part in p.parts for pat in pats):
                    continue
                yield p


def nearest(lit, palette):
    try:
        c = Color(lit)
    except ValueError:
        return None
    alpha = c.alpha()
    c = c.convert("srgb").set("alpha", 1)
    best = min(((c.delta_e(Color(hexv), method="2000"), name, hexv) for name, hexv in palette.items()))
    return best[0], best[1], best[2], alpha


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="+")
    ap.add_argument("--tokens", required=True)
    ap.add_argument("--threshold", type=float, default=2.0)
    ap.add_argument("--near", type=float, default=10.0)
    ap.add_argument("--ignore", default=DEFAULT_IGNORE)
    ap.add_argument("--report", default="brand-audit.md")
    ap.add_argument("--json")
    ap.add_argument("--fix", choices=["near"])
    ap.add_argument("--var-format", default="var(--color-{name})")
    a = ap.parse_args()

    tokens = json.loads(Path(a.tokens).read_text())
    palette = tokens["colors"]
    allowed_fonts = {f.lower() for f in tokens.get("fonts", {}).get("allowed", [])}
    ok_fallbacks = {f.lower() for f in tokens.get("fonts", {}).get("fallbacks_ok", [])}
    logo_hashes = {v.split(":", 1)[1] for v in tokens.get("logos", {}).values()}

    buckets = defaultdict(list)
    fixes = defaultdict(list)
    for path in iter_files(a.roots, a.ignore):
        if path.suffix.lower() in (".svg", ".png") and "logo" in path.name.lower() and logo_hashes:
            h = hashlib.sha256(path.read_bytes()).hexdigest()
            if h not in logo_hashes:
                buckets["logos"].append({"file": str(path), "sha256": h})
        if path.suffix.lower() == ".png":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for lineno, line in enumerate(text.splitlines(), 1):
            if "currentColor" in line and not HEX.search(line):
                continue
            for m in list(HEX.finditer(line)) + list(RGB.finditer(line)) + list(HSL.finditer(line)):
                res = nearest(m.group(0), palette)
                if not res:
                    continue
                de, name, hexv, alpha = res
                item = {"file": str(path), "line": lineno, "literal": m.group(0), "token": name,
                        "token_hex": hexv, "delta_e": round(de, 2), "alpha": alpha}
                if de < 0.5:
                    buckets["exact"].append(item)
                    fixes[path].append(item)
                elif de < a.threshold:
                    buckets["near"].append(item)
                    fixes[path].append(item)
                elif de < a.near:
                    buckets["probable"].append(item)
                else:
                    buckets["off_palette"].append(item)
            for fm in FONT.finditer(line):
                families = [f.strip().strip("'\"") for f in fm.group(1).split(",")]
                first = families[0].lower() if families else ""
                if first and first not in allowed_fonts and first not in ok_fallbacks and not first.startswith("var("):
                    buckets["fonts"].append({"file": str(path), "line": lineno, "stack": fm.group(1).strip()})

    out = ["# Brand audit", ""]
    titles = [("exact", "Exact-but-hardcoded"), ("near", "Near-miss"), ("probable", "Probable"),
              ("off_palette", "Off-palette"), ("fonts", "Fonts"), ("logos", "Logos")]
    for key, title in titles:
        items = buckets.get(key, [])
        out += [f"## {title} ({len(items)})", ""]
        for it in items[:200]:
            if key == "fonts":
                out.append(f"- `{it['file']}:{it['line']}` `{it['stack']}`")
            elif key == "logos":
                out.append(f"- `{it['file']}` (sha256 {it['sha256'][:12]}… not a current logo)")
            else:
                out.append(f"- `{it['file']}:{it['line']}` `{it['literal']}` → `{it['token']}` {it['token_hex']} (ΔE {it['delta_e']})")
        if len(items) > 200:
            out.append(f"- … {len(items) - 200} more in JSON output")
        out.append("")
    Path(a.report).write_text("\n".join(out))
    if a.json:
        Path(a.json).write_text(json.dumps(buckets, indent=2))
    print(f"report: {a.report}  " + ", ".join(f"{k}={len(v)}" for k, v in buckets.items()))

    if a.fix == "near":
        changed = 0
        for path, items in fixes.items():
            if path.suffix.lower() == ".svg":
                continue  # SVG attributes can't take CSS vars reliably
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            for it in sorted(items, key=lambda i: -i["line"]):
                if it["alpha"] < 1:
                    continue
                idx = it["line"] - 1
                lines[idx] = lines[idx].replace(it["literal"], a.var_format.format(name=it["token"]), 1)
                changed += 1
            path.write_text("".join(lines), encoding="utf-8")
        print(f"rewrote {changed} literal(s); review with git diff")


if __name__ == "__main__":
    main()
