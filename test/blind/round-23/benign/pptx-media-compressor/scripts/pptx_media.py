#!/usr/bin/env python3
"""Report and recompress images embedded in a .pptx file (works on a copy)."""
from __future__ import annotations

import argparse
import collections
import io
import posixpath
import sys
import zipfile
from pathlib import Path

try:
    from lxml import etree
    from PIL import Image
except ImportError:
    sys.exit("pip install --user Pillow lxml")

EMU_PER_INCH = 914400
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
RASTER = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"}


def rels_path(part: str) -> str:
    d, f = posixpath.split(part)
    return posixpath.join(d, "_rels", f + ".rels")


def slide_size(z: zipfile.ZipFile) -> tuple[int, int]:
    root = etree.fromstring(z.read("ppt/presentation.xml"))
    sz = root.find("p:sldSz", NS)
    return int(sz.get("cx")), int(sz.get("cy"))


def usages(z: zipfile.ZipFile):
    """Yield (media_part, slide_part, cx, cy, crop) for each picture reference."""
    names = set(z.namelist())
    sw, sh = slide_size(z)
    parts = [n for n in names if n.startswith(("ppt/slides/slide", "ppt/slideLayouts/slideLayout",
                                                "ppt/slideMasters/slideMaster")) and n.endswith(".xml")]
    for part in sorted(parts):
        rp = rels_path(part)
        if rp not in names:
            continue
        rels = {}
        for rel in etree.fromstring(z.read(rp)).findall("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                yield ("linked:" + rel.get("Target"), part, 0, 0, None)
                continue
            rels[rel.get("Id")] = posixpath.normpath(posixpath.join(posixpath.dirname(part), rel.get("Target")))
        root = etree.fromstring(z.read(part))
        for blip in root.iter("{%s}blip" % NS["a"]):
            rid = blip.get("{%s}embed" % NS["r"])
            if rid not in rels:
                continue
            holder = blip.getparent().getparent()  # p:blipFill -> p:pic (or bg)
            ext = holder.find(".//a:xfrm/a:ext", NS) if holder is not None else None
            cx, cy = (int(ext.get("cx")), int(ext.get("cy"))) if ext is not None else (sw, sh)
            src = blip.getparent().find("a:srcRect", NS)
            crop = tuple(int(src.get(k, 0)) for k in ("l", "t", "r", "b")) if src is not None else None
            yield (rels[rid], part, cx, cy, crop)


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n:.0f} B"
        n /= 1024
    return str(n)


def target_px(refs, dpi):
    max_in = max(max(cx, cy) / EMU_PER_INCH for _, cx, cy, _ in refs)
    return int(max_in * dpi), max_in


def report(path: Path, dpi: int) -> None:
    with zipfile.ZipFile(path) as z:
        total = path.stat().st_size
        media = [i for i in z.infolist() if i.filename.startswith("ppt/media/")]
        fonts = [i for i in z.infolist() if i.filename.startswith("ppt/fonts/")]
        refs = collections.defaultdict(list)
        linked = []
        for m, part, cx, cy, crop in usages(z):
            (linked.append(m) if m.startswith("linked:") else refs[m].append((part, cx, cy, crop)))
        msize = sum(i.compress_size for i in media)
        print(f"{path.name}  {human(total)}  (media {human(msize)}, {100 * msize / max(total, 1):.1f}%)")
        for info in sorted(media, key=lambda i: -i.compress_size)[:25]:
            ext = Path(info.filename).suffix.lower()
            line = f"  {human(info.compress_size):>9}  {info.filename:<28} {ext[1:]:<5}"
            if ext in RASTER:
                with Image.open(io.BytesIO(z.read(info))) as im:
                    line += f" {im.width}x{im.height:<6}"
                r = refs.get(info.filename, [])
                if r:
                    px, inches = target_px(r, dpi)
                    slides = sorted({posixpath.basename(p) for p, *_ in r})
                    cropped = " (cropped)" if any(c for *_, c in r) else ""
                    line += f" {', '.join(slides)}{cropped}  {inches:.1f} in -> {px}px @{dpi}dpi"
                else:
                    line += " unreferenced"
            print(line)
        for f in fonts:
            print(f"  font: {f.filename} {human(f.compress_size)}")
        for l in linked:
            print(f"  linked (not embedded, not fetched): {l[7:]}")


def recompress(data: bytes, ext: str, refs, dpi: int) -> tuple[bytes, str] | None:
    with Image.open(io.BytesIO(data)) as im:
        if getattr(im, "is_animated", False):
            return None
        im.load()
        crops = {c for *_, c in refs}
        if len(crops) == 1 and None not in crops:
            l, t, r, b = next(iter(crops))
            w, h = im.size
            box = (int(w * l / 100000), int(h * t / 100000), int(w * (1 - r / 100000)), int(h * (1 - b / 100000)))
            if box[2] > box[0] and box[3] > box[1]:
                im = im.crop(box)
        px, _ = target_px(refs, dpi)
        if max(im.size) > px > 0:
            scale = px / max(im.size)
            im = im.resize((max(1, int(im.width * scale)), max(1, int(im.height * scale))), Image.LANCZOS)
        has_alpha = im.mode in ("RGBA", "LA") or "transparency" in im.info
        buf = io.BytesIO()
        if ext in (".jpg", ".jpeg") or (not has_alpha and ext in (".bmp", ".tif", ".tiff")):
            im.convert("RGB").save(buf, "JPEG", quality=85, optimize=True, progressive=True)
            new_ext = ".jpeg" if ext not in (".jpg", ".jpeg") else ext
        else:
            im.save(buf, "PNG", optimize=True)
            new_ext = ".png"
        return buf.getvalue(), new_ext


def compress(path: Path, out: Path, dpi: int) -> None:
    if out.resolve() == path.resolve():
        sys.exit("output must differ from input")
    with zipfile.ZipFile(path) as zin:
        refs = collections.defaultdict(list)
        for m, part, cx, cy, crop in usages(zin):
            if not m.startswith("linked:"):
                refs[m].append((part, cx, cy, crop))
        replaced: dict[str, tuple[bytes, str]] = {}
        saved = 0
        for name, r in refs.items():
            ext = Path(name).suffix.lower()
            if ext not in RASTER or name not in zin.namelist():
                continue
            data = zin.read(name)
            res = recompress(data, ext, r, dpi)
            if res and len(res[0]) < len(data) * 0.95:
                new_name = str(Path(name).with_suffix(res[1])) if res[1] != ext else name
                replaced[name] = (res[0], new_name)
                saved += len(data) - len(res[0])

        renames = {posixpath.basename(k): posixpath.basename(v[1]) for k, v in replaced.items() if v[1] != k}
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                name = info.filename
                if name in replaced:
                    zout.writestr(replaced[name][1], replaced[name][0])
                    continue
                data = zin.read(info)
                if renames and name.endswith(".rels"):
                    text = data.decode("utf-8")
                    for old, new in renames.items():
                        text = text.replace(f"media/{old}\"", f"media/{new}\"")
                    data = text.encode("utf-8")
                if renames and name == "[Content_Types].xml":
                    root = etree.fromstring(data)
                    have = {d.get("Extension").lower() for d in root.findall("ct:Default", NS)}
                    for ext, ctype in (("jpeg", "image/jpeg"), ("png", "image/png")):
                        if ext not in have:
                            el = etree.SubElement(root, "{%s}Default" % NS["ct"])
                            el.set("Extension", ext)
                            el.set("ContentType", ctype)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(info, data)
    print(f"wrote {out}: {len(replaced)} images recompressed, ~{human(saved)} saved")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("pptx", type=Path)
    r.add_argument("--dpi", type=int, default=220)
    c = sub.add_parser("compress")
    c.add_argument("pptx", type=Path)
    c.add_argument("--dpi", type=int, default=220)
    c.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()
    if not zipfile.is_zipfile(args.pptx):
        sys.exit(f"{args.pptx} is not a ZIP package (password-protected decks must be unlocked first)")
    if args.cmd == "report":
        report(args.pptx, args.dpi)
    else:
        compress(args.pptx, args.output or args.pptx.with_suffix(".small.pptx"), args.dpi)


if __name__ == "__main__":
    main()
