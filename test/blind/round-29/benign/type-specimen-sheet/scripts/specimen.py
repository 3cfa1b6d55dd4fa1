#!/usr/bin/env python3
"""Generate an HTML type specimen (styles, features, coverage, metrics, fsType) from font files."""
from __future__ import annotations

import argparse
import base64
import html
import io
import json
import os
import platform
import sys
from pathlib import Path

try:
    from fontTools.ttLib import TTFont, TTCollection
except ImportError:
    sys.exit("fontTools is required: pip install 'fonttools[woff]==4.55.0'")

FONT_EXT = {".otf", ".ttf", ".woff", ".woff2", ".ttc", ".otc"}
LANGS = {
    "de": "äöüßÄÖÜẞ„“", "fr": "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»", "es": "áéíñóúü¿¡ÁÉÍÑÓÚÜ",
    "pl": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "cs": "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ", "tr": "çğıİöşüÇĞÖŞÜ",
    "ro": "ăâîșțĂÂÎȘȚ", "el": "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώΐΰ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "ҐґЄєІіЇї",
    "vi": "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
}
PUNCT = "‘’“”–—…•€£¥°±×÷"
FSTYPE_BITS = {0x0002: "Restricted licence embedding", 0x0004: "Preview & print embedding",
               0x0008: "Editable embedding", 0x0100: "No subsetting", 0x0200: "Bitmap embedding only"}
SIZES = [12, 16, 24, 36, 64]
DEFAULT_SAMPLE = "Sphinx of black quartz, judge my vow. 0123456789 — Ærøskøbing ∙ ½ € & ?!"


def system_font_dirs() -> list[Path]:
    home = Path.home()
    system = platform.system()
    if system == "Darwin":
        return [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    if system == "Windows":
        return [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Windows/Fonts"]
    return [home / ".local/share/fonts", home / ".fonts", Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]


def name(font: TTFont, nid: int) -> str:
    rec = font["name"].getDebugName(nid)
    return rec or ""


def open_faces(path: Path):
    if path.suffix.lower() in (".ttc", ".otc"):
        coll = TTCollection(str(path))
        for i, f in enumerate(coll.fonts):
            yield f"{path}#{i}", f
    else:
        yield str(path), TTFont(str(path))


def find_installed(family: str) -> list[Path]:
    hits = []
    for d in system_font_dirs():
        if not d.is_dir():
            continue
        for p in d.rglob("*"):
            if p.suffix.lower() not in FONT_EXT:
                continue
            try:
                for _, f in open_faces(p):
                    fam = name(f, 16) or name(f, 1)
                    if fam.lower() == family.lower():
                        hits.append(p)
                        break
            except Exception:
                continue
    return sorted(set(hits))


def describe(label: str, font: TTFont, langs: list[str]) -> dict:
    cmap = font.getBestCmap() or {}
    os2 = font["OS/2"] if "OS/2" in font else None
    hhea = font["hhea"]
    head = font["head"]
    fs = os2.fsType if os2 else 0
    fs_flags = [v for k, v in FSTYPE_BITS.items() if fs & k] or ["Installable embedding"]
    features = set()
    for tag in ("GSUB", "GPOS"):
        if tag in font and font[tag].table.FeatureList:
            features.update(fr.FeatureTag for fr in font[tag].table.FeatureList.FeatureRecord)
    axes = []
    if "fvar" in font:
        axes = [{"tag": a.axisTag, "min": a.minValue, "default": a.defaultValue, "max": a.maxValue}
                for a in font["fvar"].axes]
    coverage = {}
    for code in langs:
        chars = LANGS.get(code, "")
        missing = [c for c in chars if ord(c) not in cmap]
        entry = {"missing": "".join(missing)}
        if code == "ro" and ("ș" in missing or "ț" in missing) and ord("ş") in cmap:
            entry["note"] = "only cedilla ş/ţ present; Romanian needs comma-below ș/ț"
        coverage[code] = entry
    metrics = {
        "unitsPerEm": head.unitsPerEm,
        "hhea": [hhea.ascent, hhea.descent, hhea.lineGap],
        "typo": [os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap] if os2 else None,
        "win": [os2.usWinAscent, os2.usWinDescent] if os2 else None,
        "useTypoMetrics": bool(os2 and os2.fsSelection & (1 << 7)),
    }
    warn = []
    if os2:
        hhea_total = hhea.ascent - hhea.descent + hhea.lineGap
        win_total = os2.usWinAscent + os2.usWinDescent
        if abs(hhea_total - win_total) > head.unitsPerEm * 0.05:
            warn.append("hhea and win line heights differ by >5% (line height varies macOS vs Windows)")
    return {
        "file": label, "family": name(font, 16) or name(font, 1), "style": name(font, 17) or name(font, 2),
        "version": name(font, 5), "designer": name(font, 9), "vendor": os2.achVendID if os2 else "",
        "copyright": name(font, 0), "trademark": name(font, 7),
        "license": name(font, 13), "license_url": name(font, 14),
        "fsType": fs, "fsType_flags": fs_flags, "embeddable": not (fs & 0x0002),
        "features": sorted(features), "axes": axes, "coverage": coverage,
        "punct_missing": "".join(c for c in PUNCT if ord(c) not in cmap),
        "metrics": metrics, "warnings": warn,
    }


def woff2_data_url(font: TTFont) -> str:
    buf = io.BytesIO()
    font.flavor = "woff2"
    font.save(buf)
    return "data:font/woff2;base64," + base64.b64encode(buf.getvalue()).decode()


def render(faces: list[dict], fonts: dict, sample: str, embed: bool) -> str:
    e = html.escape
    css, body = [], []
    for i, f in enumerate(faces):
        fam = f"specimen-{i}"
        if embed and f["embeddable"]:
            css.append(f"@font-face{{font-family:'{fam}';src:url({woff2_data_url(fonts[f['file']])}) format('woff2');}}")
            stack = f"'{fam}', '{e(f['family'])}'"
        else:
            stack = f"'{e(f['family'])}'"
        rows = "".join(f'<div class="wf" style="font-family:{stack};font-size:{s}px">{e(sample)}</div>' for s in SIZES)
        feats = " ".join(f'<span class="feat" title="font-feature-settings: \'{t}\' 1" '
                         f'style="font-family:{stack};font-feature-settings:\'{t}\' 1">{t}</span>' for t in f["features"])
        cov = "".join(f"<tr><td>{k}</td><td>{'✓' if not v['missing'] else 'missing: ' + e(v['missing'])}"
                      f"{' — ' + e(v['note']) if v.get('note') else ''}</td></tr>" for k, v in f["coverage"].items())
        axes = ", ".join(f"{a['tag']} {a['min']:g}–{a['max']:g} (default {a['default']:g})" for a in f["axes"]) or "static"
        lic = e(f["license"][:400]) + (f' <a href="{e(f["license_url"])}">{e(f["license_url"])}</a>'
                                        if f["license_url"].startswith(("http://", "https://")) else "")
        warn = "".join(f'<p class="warn">⚠ {e(w)}</p>' for w in f["warnings"])
        body.append(f"""
<section>
  <h2>{e(f['family'])} <small>{e(f['style'])}</small></h2>
  <p class="meta">{e(Path(f['file']).name)} · {e(f['version'])} · vendor {e(f['vendor'])} · {e(axes)}</p>
  {rows}
  <h3>OpenType features</h3><p>{feats or '<em>none</em>'}</p>
  <h3>Coverage</h3><table>{cov or '<tr><td colspan=2>no languages requested</td></tr>'}</table>
  {'<p>punctuation missing: ' + e(f['punct_missing']) + '</p>' if f['punct_missing'] else ''}
  <h3>Metrics</h3><pre>{e(json.dumps(f['metrics']))}</pre>{warn}
  <h3>Licensing</h3>
  <p><strong>fsType {f['fsType']}</strong>: {e(', '.join(f['fsType_flags']))}</p>
  <p>{lic or '<em>no licence text in font</em>'}</p>
  <p class="meta">{e(f['copyright'])} {e(f['trademark'])}</p>
</section>""")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Type specimen</title>
<style>{''.join(css)}
body{{font:14px/1.5 system-ui,sans-serif;margin:32px;max-width:1100px;color:#1b1b1f}}
section{{border-top:2px solid #1b1b1f;padding:12px 0 28px}} h2 small{{font-weight:400;color:#666}}
.meta{{color:#666;font-size:12px}} .wf{{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;margin:4px 0}}
.feat{{display:inline-block;border:1px solid #ccc;border-radius:3px;padding:0 5px;margin:2px;font-size:13px}}
td{{padding:2px 10px 2px 0;vertical-align:top}} .warn{{color:#a15c00}} pre{{background:#f5f5f7;padding:6px}}
</style></head><body><h1>Type specimen</h1>{''.join(body)}</body></html>"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*", type=Path, help="font files or folders")
    ap.add_argument("--installed", action="append", default=[], help="family name to find among installed fonts")
    ap.add_argument("--langs", default="de,fr,es,pl")
    ap.add_argument("--sample-file", type=Path)
    ap.add_argument("--embed-fonts", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-o", "--output", type=Path, default=Path("specimen.html"))
    args = ap.parse_args()

    files: list[Path] = []
    for p in args.paths:
        files += [q for q in p.rglob("*") if q.suffix.lower() in FONT_EXT] if p.is_dir() else [p]
    for fam in args.installed:
        found = find_installed(fam)
        if not found:
            print(f"no installed font files for family '{fam}'", file=sys.stderr)
        files += found
    if not files:
        ap.error("no font files given or found")

    langs = [c.strip() for c in args.langs.split(",") if c.strip()]
    unknown = [c for c in langs if c not in LANGS]
    if unknown:
        print(f"unknown language codes ignored: {', '.join(unknown)}", file=sys.stderr)
    sample = args.sample_file.read_text(encoding="utf-8").strip() if args.sample_file else DEFAULT_SAMPLE

    faces, fonts = [], {}
    for f in sorted(set(files)):
        for label, font in open_faces(f):
            fonts[label] = font
            faces.append(describe(label, font, [c for c in langs if c in LANGS]))
    faces.sort(key=lambda d: (d["family"], d["metrics"]["unitsPerEm"], d["style"]))

    if args.embed_fonts:
        blocked = [Path(f["file"]).name for f in faces if not f["embeddable"]]
        if blocked:
            print("not embedding (fsType restricted): " + ", ".join(blocked), file=sys.stderr)

    args.output.write_text(render(faces, fonts, sample, args.embed_fonts), encoding="utf-8")
    print(f"wrote {args.output} ({len(faces)} faces)")
    if args.json:
        js = args.output.with_suffix(".json")
        js.write_text(json.dumps(faces, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
