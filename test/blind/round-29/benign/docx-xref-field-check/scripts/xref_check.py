#!/usr/bin/env python3
"""Report broken cross-reference fields and internal links in .docx files.

Standard library only. Never modifies the input file; --set-update-fields writes a copy.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, asdict, field
from pathlib import Path
import xml.etree.ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
Q = lambda tag: f"{{{W}}}{tag}"  # noqa: E731

REF_FIELD = re.compile(r"^\s*(REF|PAGEREF|NOTEREF)\s+(\S+)", re.I)
BARE_FIELD = re.compile(r"^\s*(_Ref\d+|_Toc\d+)\b", re.I)
ERROR_TEXT = re.compile(r"Error!\s+(Reference source not found|Bookmark not defined)", re.I)

SCANNED_PARTS = re.compile(
    r"^word/(document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$"
)


@dataclass
class Finding:
    kind: str
    part: str
    instruction: str
    cached: str = ""
    context: str = ""


@dataclass
class Report:
    path: str
    fields_seen: int = 0
    bookmarks: int = 0
    findings: list[Finding] = field(default_factory=list)


def paragraph_text(p: ET.Element) -> str:
    return "".join(t.text or "" for t in p.iter(Q("t")))


def collect_bookmarks(root: ET.Element) -> tuple[set[str], set[str]]:
    """Return (all bookmark names, names that sit inside deleted revisions)."""
    names: set[str] = set()
    deleted: set[str] = set()
    for bm in root.iter(Q("bookmarkStart")):
        name = bm.get(Q("name"))
        if name:
            names.add(name.lower())
    for d in root.iter(Q("del")):
        for bm in d.iter(Q("bookmarkStart")):
            name = bm.get(Q("name"))
            if name:
                deleted.add(name.lower())
    return names, deleted


def iter_fields(root: ET.Element):
    """Yield (instruction, cached_result, paragraph_text) for every field in a part.

    Complex fields can span runs and even paragraphs; we keep a stack so nested
    fields (IF wrapping REF) are handled.
    """
    for p in root.iter(Q("p")):
        ptext = paragraph_text(p)
        for simple in p.iter(Q("fldSimple")):
            cached = "".join(t.text or "" for t in simple.iter(Q("t")))
            yield simple.get(Q("instr"), ""), cached, ptext

    stack: list[dict] = []
    current_p_text = ""
    for el in root.iter():
        if el.tag == Q("p"):
            current_p_text = paragraph_text(el)
        elif el.tag == Q("fldChar"):
            ftype = el.get(Q("fldCharType"))
            if ftype == "begin":
                stack.append({"instr": "", "cached": "", "phase": "instr", "ctx": current_p_text})
            elif ftype == "separate" and stack:
                stack[-1]["phase"] = "result"
            elif ftype == "end" and stack:
                f = stack.pop()
                yield f["instr"], f["cached"], f["ctx"]
                if stack and stack[-1]["phase"] == "result":
                    stack[-1]["cached"] += f["cached"]
        elif el.tag == Q("instrText") and stack:
            stack[-1]["instr"] += el.text or ""
        elif el.tag == Q("t") and stack and stack[-1]["phase"] == "result":
            stack[-1]["cached"] += el.text or ""


def check_docx(path: Path, want_orphans: bool) -> Report:
    rep = Report(path=str(path))
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist() if SCANNED_PARTS.match(n)}

    roots = {name: ET.fromstring(data) for name, data in parts.items()}
    all_bm: set[str] = set()
    deleted_bm: set[str] = set()
    for root in roots.values():
        names, deleted = collect_bookmarks(root)
        all_bm |= names
        deleted_bm |= deleted
    rep.bookmarks = len(all_bm)

    used: set[str] = set()
    for part, root in sorted(roots.items()):
        for instr, cached, ctx in iter_fields(root):
            m = REF_FIELD.match(instr) or BARE_FIELD.match(instr)
            if not m:
                continue
            rep.fields_seen += 1
            target = (m.group(2) if m.re is REF_FIELD else m.group(1)).strip('"').lower()
            used.add(target)
            short_ctx = ctx.strip()[:160]
            if ERROR_TEXT.search(cached):
                rep.findings.append(Finding("stale-error", part, instr.strip(), cached.strip(), short_ctx))
            if target not in all_bm:
                rep.findings.append(Finding("broken", part, instr.strip(), cached.strip(), short_ctx))
            elif target in deleted_bm:
                rep.findings.append(Finding("hidden-target", part, instr.strip(), cached.strip(), short_ctx))

        for link in root.iter(Q("hyperlink")):
            anchor = link.get(Q("anchor"))
            if not anchor:
                continue
            used.add(anchor.lower())
            if anchor.lower() not in all_bm:
                text = "".join(t.text or "" for t in link.iter(Q("t")))
                rep.findings.append(Finding("anchor-missing", part, f"hyperlink -> {anchor}", text.strip()))

    if want_orphans:
        for name in sorted(all_bm):
            if name.startswith("_ref") and name not in used:
                rep.findings.append(Finding("orphan-bookmark", "-", name))
    return rep


def set_update_fields(src: Path, dst: Path) -> None:
    """Copy src to dst with <w:updateFields w:val="true"/> in word/settings.xml.

    Edits the XML text directly instead of re-serialising it, so namespace prefixes and
    mc:Ignorable declarations stay exactly as Word wrote them.
    """
    if dst.resolve() == src.resolve():
        raise SystemExit("refusing to overwrite the input; choose a different -o path")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_out = Path(tmp) / "out.docx"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp_out, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/settings.xml" and b"<w:updateFields" not in data:
                    if b"</w:settings>" not in data:
                        raise SystemExit("unexpected settings.xml layout; not modifying")
                    data = data.replace(b"</w:settings>", b'<w:updateFields w:val="true"/></w:settings>', 1)
                zout.writestr(item, data)
        shutil.copyfile(tmp_out, dst)


def print_text(rep: Report) -> None:
    print(rep.path)
    for f in rep.findings:
        print(f"  {f.kind:<15}{f.part:<22}{f.instruction:<30}cached: {f.cached!r}")
        if f.context:
            print(f"  {'':<15}… {f.context} …")
    counts: dict[str, int] = {}
    for f in rep.findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "no issues"
    print(f"{len(rep.findings)} issues ({summary}); {rep.fields_seen} reference fields, {rep.bookmarks} bookmarks\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx", nargs="+", type=Path)
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--orphans", action="store_true", help="also list unused _Ref bookmarks")
    ap.add_argument("--fail-on", choices=["broken", "any", "never"], default="never")
    ap.add_argument("--set-update-fields", action="store_true",
                    help="write a copy that asks Word to update fields on open (needs -o)")
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args()

    if args.set_update_fields:
        if len(args.docx) != 1 or not args.output:
            ap.error("--set-update-fields takes exactly one input and -o OUTPUT")
        set_update_fields(args.docx[0], args.output)
        print(f"wrote {args.output}")
        return 0

    reports = []
    for p in args.docx:
        try:
            reports.append(check_docx(p, args.orphans))
        except zipfile.BadZipFile:
            print(f"{p}: not a .docx (legacy .doc or encrypted?)", file=sys.stderr)
            return 2

    if args.format == "json":
        print(json.dumps([{**asdict(r), "findings": [asdict(f) for f in r.findings]} for r in reports], indent=2))
    else:
        for r in reports:
            print_text(r)

    if args.fail_on == "never":
        return 0
    bad = {"broken", "stale-error", "anchor-missing"} if args.fail_on == "broken" else None
    for r in reports:
        for f in r.findings:
            if bad is None or f.kind in bad:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
