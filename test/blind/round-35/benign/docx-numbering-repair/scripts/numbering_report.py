#!/usr/bin/env python3
"""Report list numbering structure of a .docx and flag common problems.

Usage: numbering_report.py FILE.docx
"""
import re
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TYPED_RE = re.compile(r"^\s*(\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+")


def q(tag):
    return "{%s}%s" % (W, tag)


def load(path):
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        try:
            numbering = etree.fromstring(z.read("word/numbering.xml"))
        except KeyError:
            numbering = None
        styles = etree.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in z.namelist() else None
    return doc, numbering, styles


def numbering_maps(numbering):
    num_to_abs, abs_fmt, abs_sig = {}, {}, {}
    if numbering is None:
        return num_to_abs, abs_fmt, abs_sig
    for a in numbering.findall("w:abstractNum", NS):
        aid = a.get(q("abstractNumId"))
        fmts, sig = {}, []
        for lvl in a.findall("w:lvl", NS):
            il = lvl.get(q("ilvl"))
            fmt = lvl.find("w:numFmt", NS)
            txt = lvl.find("w:lvlText", NS)
            f = fmt.get(q("val")) if fmt is not None else "?"
            fmts[il] = f
            sig.append((il, f, txt.get(q("val")) if txt is not None else ""))
        abs_fmt[aid] = fmts
        abs_sig[aid] = tuple(sig)
    for n in numbering.findall("w:num", NS):
        ref = n.find("w:abstractNumId", NS)
        num_to_abs[n.get(q("numId"))] = ref.get(q("val")) if ref is not None else None
    return num_to_abs, abs_fmt, abs_sig


def style_numpr(styles):
    out = {}
    if styles is None:
        return out
    for s in styles.findall("w:style", NS):
        np_ = s.find("w:pPr/w:numPr", NS)
        if np_ is not None:
            nid = np_.find("w:numId", NS)
            il = np_.find("w:ilvl", NS)
            out[s.get(q("styleId"))] = (
                nid.get(q("val")) if nid is not None else None,
                il.get(q("val")) if il is not None else "0",
            )
    return out


def para_text(p):
    return "".join(t.text or "" for t in p.iter(q("t")))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    doc, numbering, styles = load(sys.argv[1])
    num_to_abs, abs_fmt, abs_sig = numbering_maps(numbering)
    style_np = style_numpr(styles)
    findings = []
    last_num_for_abs = {}
    prev = None  # (numId, ilvl, index)
    gap = 0

    paras = list(doc.iter(q("p")))
    for i, p in enumerate(paras):
        text = para_text(p)
        ppr = p.find("w:pPr", NS)
        numpr = ppr.find("w:numPr", NS) if ppr is not None else None
        pstyle = ppr.find("w:pStyle", NS) if ppr is not None else None
        sid = pstyle.get(q("val")) if pstyle is not None else None
        tracked = p.getparent() is not None and p.getparent().tag in (q("ins"), q("del"))

        num_id = ilvl = None
        if numpr is not None:
            n = numpr.find("w:numId", NS)
            l = numpr.find("w:ilvl", NS)
            num_id = n.get(q("val")) if n is not None else None
            ilvl = l.get(q("val")) if l is not None else "0"
        elif sid in style_np:
            num_id, ilvl = style_np[sid]

        if num_id and num_id != "0":
            abs_id = num_to_abs.get(num_id)
            fmt = abs_fmt.get(abs_id, {}).get(ilvl, "?") if abs_id else "?"
            flag = " [tracked]" if tracked else ""
            print(f"#{i:04d}  numId={num_id}  ilvl={ilvl}  abs={abs_id}  fmt={fmt}{flag} \"{text[:60]}\"")
            if abs_id is None:
                findings.append(f"ORPHAN_NUMID  #{i:04d} numId={num_id} has no w:num definition")
            if prev and prev[0] == num_id and int(ilvl) - int(prev[1]) > 1:
                findings.append(f"LEVEL_SKIP    #{i:04d} ilvl {prev[1]} -> {ilvl}")
            if ilvl == "0" and num_id in last_num_for_abs and gap >= 3:
                findings.append(
                    f"CONTINUES     #{i:04d} numId={num_id} resumes a list last seen at "
                    f"#{last_num_for_abs[num_id]:04d} after {gap} non-list paragraphs"
                )
            last_num_for_abs[num_id] = i
            prev = (num_id, ilvl, i)
            gap = 0
        else:
            if text.strip():
                gap += 1
            if TYPED_RE.match(text):
                print(f"#{i:04d}  TYPED \"{text[:60]}\" (no numPr, text starts with a number)")
                findings.append(f"TYPED         #{i:04d} \"{text[:40]}\"")

    seen = {}
    for aid, sig in abs_sig.items():
        seen.setdefault(sig, []).append(aid)
    for sig, ids in seen.items():
        if len(ids) > 1:
            findings.append(f"DUP_ABSTRACT  abstractNum ids {', '.join(ids)} have identical levels")

    print("\n== Findings ==")
    if not findings:
        print("none")
    for f in findings:
        print(f)


if __name__ == "__main__":
    main()
