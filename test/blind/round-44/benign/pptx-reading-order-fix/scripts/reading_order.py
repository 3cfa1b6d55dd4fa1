#!/usr/bin/env python3
"""Report, propose and apply screen-reader reading order for PPTX slides.

  reading_order.py report  deck.pptx
  reading_order.py propose deck.pptx
  reading_order.py apply   deck.pptx proposed.txt -o out.pptx
"""
import argparse
import re
import sys

from pptx import Presentation
from pptx.util import Emu

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

FOOTERISH = re.compile(r"(footer|slide number|date placeholder|logo)", re.I)


def shape_info(sh):
    el = sh._element
    cnv = el.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    descr = cnv.get("descr", "") if cnv is not None else ""
    hidden = cnv is not None and cnv.get("hidden") == "1"
    xml = el.xml if hasattr(el, "xml") else ""
    decorative = "decorative" in xml and 'val="1"' in xml
    text = sh.text_frame.text.strip().replace("\n", " ")[:40] if sh.has_text_frame else ""
    is_title = sh.is_placeholder and sh.placeholder_format.type is not None and "TITLE" in str(sh.placeholder_format.type)
    return {
        "name": sh.name, "type": str(sh.shape_type).split(".")[-1].split(" ")[0], "text": text,
        "top": sh.top or 0, "left": sh.left or 0, "h": sh.height or 0, "w": sh.width or 0,
        "descr": descr, "hidden": hidden, "decorative": decorative, "title": is_title, "shape": sh,
    }


def overlaps(a, b):
    return a["left"] < b["left"] + b["w"] and b["left"] < a["left"] + a["w"] and a["top"] < b["top"] + b["h"] and b["top"] < a["top"] + a["h"]


def propose(infos):
    title = [i for i in infos if i["title"]]
    tail = [i for i in infos if not i["title"] and (i["decorative"] or FOOTERISH.search(i["name"]))]
    body = [i for i in infos if i not in title and i not in tail]
    body.sort(key=lambda i: (i["top"], i["left"]))
    rows, cur = [], []
    for i in body:
        if cur and i["top"] >= max(c["top"] + c["h"] for c in cur) * 0.98:
            rows.append(cur); cur = []
        cur.append(i)
    if cur:
        rows.append(cur)
    ordered = [i for r in rows for i in sorted(r, key=lambda x: x["left"])]
    return title + ordered + tail


def cmd_report(prs, proposing=False):
    for n, slide in enumerate(prs.slides, 1):
        infos = [shape_info(s) for s in slide.shapes]
        seq = propose(infos) if proposing else infos
        if proposing:
            print(f"slide {n}: " + ", ".join(i["name"] for i in seq))
            continue
        print(f"--- slide {n}")
        for k, i in enumerate(infos, 1):
            print(f"  {k:2}. {i['name']:<22} {i['type']:<14} top={Emu(i['top']).inches:5.2f}in  {i['text']!r}")
        if not any(i["title"] and i["text"] for i in infos):
            print("  ! missing or empty slide title")
        for i in infos:
            if i["type"] == "PICTURE" and not i["descr"] and not i["decorative"]:
                print(f"  ! picture without alt text: {i['name']}")
            if i["hidden"]:
                print(f"  ! hidden shape: {i['name']} (still in file)")
        t = next((i for i in infos if i["title"]), None)
        if t:
            for i in infos[: infos.index(t)]:
                if i["top"] > t["top"]:
                    print(f"  ! {i['name']} is below the title but read before it")
        for a in range(len(infos)):
            for b in range(a + 1, len(infos)):
                if overlaps(infos[a], infos[b]):
                    print(f"  ~ overlap: {infos[a]['name']} / {infos[b]['name']} (check visually after reordering)")


def cmd_apply(prs, plan_path, out):
    plan = {}
    for line in open(plan_path, encoding="utf-8"):
        m = re.match(r"slide (\d+):\s*(.*)", line.strip())
        if m:
            plan[int(m.group(1))] = [s.strip() for s in m.group(2).split(",") if s.strip()]
    for n, slide in enumerate(prs.slides, 1):
        if n not in plan:
            continue
        tree = slide.shapes._spTree
        by_name = {s.name: s._element for s in slide.shapes}
        missing = [nm for nm in plan[n] if nm not in by_name]
        if missing:
            sys.exit(f"slide {n}: unknown shape names {missing}")
        first_idx = min(list(tree).index(e) for e in by_name.values())
        for e in by_name.values():
            tree.remove(e)
        listed = [by_name[nm] for nm in plan[n]]
        rest = [e for nm, e in by_name.items() if nm not in plan[n]]
        for offset, e in enumerate(listed + rest):
            tree.insert(first_idx + offset, e)
    prs.save(out)
    print(f"wrote {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["report", "propose", "apply"])
    ap.add_argument("deck")
    ap.add_argument("plan", nargs="?")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    prs = Presentation(a.deck)
    if a.cmd == "apply":
        if not (a.plan and a.output) or a.output == a.deck:
            sys.exit("apply needs a plan file and a different -o output")
        cmd_apply(prs, a.plan, a.output)
    else:
        cmd_report(prs, proposing=a.cmd == "propose")


if __name__ == "__main__":
    main()
