#!/usr/bin/env python3
"""List comments in a .docx with their anchored text, thread parent and resolved state."""
import argparse
import json
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = {"w": W, "w14": W14, "w15": W15}


def q(tag: str) -> str:
    p, t = tag.split(":")
    return f"{{{NS[p]}}}{t}"


def anchors(doc_root) -> dict:
    """Walk the body in order, collecting text between commentRangeStart/End for each id."""
    open_ids: set = set()
    text: dict = {}
    for el in doc_root.iter():
        if el.tag == q("w:commentRangeStart"):
            cid = el.get(q("w:id"))
            open_ids.add(cid)
            text.setdefault(cid, [])
        elif el.tag == q("w:commentRangeEnd"):
            open_ids.discard(el.get(q("w:id")))
        elif el.tag == q("w:t") and open_ids:
            for cid in open_ids:
                text[cid].append(el.text or "")
        elif el.tag == q("w:p") and open_ids:
            for cid in open_ids:
                if text[cid] and text[cid][-1] != " ¶ ":
                    text[cid].append(" ¶ ")
    return {k: "".join(v).strip(" ¶") for k, v in text.items()}


def load(path: str) -> list:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        if "word/comments.xml" not in names:
            return []
        doc = etree.fromstring(z.read("word/document.xml"))
        com = etree.fromstring(z.read("word/comments.xml"))
        ext = etree.fromstring(z.read("word/commentsExtended.xml")) if "word/commentsExtended.xml" in names else None

    ext_by_para = {}
    if ext is not None:
        for ce in ext.findall("w15:commentEx", NS):
            ext_by_para[ce.get(q("w15:paraId"))] = ce

    anchored = anchors(doc)
    para_to_cid = {}
    rows = []
    for c in com.findall("w:comment", NS):
        cid = c.get(q("w:id"))
        paras = c.findall("w:p", NS)
        last_para_id = paras[-1].get(q("w14:paraId")) if paras else None
        if last_para_id:
            para_to_cid[last_para_id] = cid
        body = "\n".join("".join(t.text or "" for t in p.iter(q("w:t"))) for p in paras).strip()
        ce = ext_by_para.get(last_para_id)
        rows.append({
            "id": cid,
            "author": c.get(q("w:author"), ""),
            "date": (c.get(q("w:date")) or "")[:10],
            "anchor": anchored.get(cid, ""),
            "comment": body,
            "parent_para": ce.get(q("w15:paraIdParent")) if ce is not None else None,
            "done": ce is not None and ce.get(q("w15:done")) == "1",
        })
    for r in rows:
        r["parent"] = para_to_cid.get(r.pop("parent_para")) if r.get("parent_para") else None
        r.pop("parent_para", None)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docx")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--open-only", action="store_true")
    a = ap.parse_args()
    rows = load(a.docx)
    if a.open_only:
        rows = [r for r in rows if not r["done"]]
    if a.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        return
    print("| id | author | date | anchored text | comment | reply to | resolved |")
    print("|----|--------|------|---------------|---------|----------|----------|")
    esc = lambda s: (s or "").replace("|", "\\|").replace("\n", " ")
    for r in rows:
        print(f"| {r['id']} | {esc(r['author'])} | {r['date']} | {esc(r['anchor'])[:80]} | "
              f"{esc(r['comment'])} | {r['parent'] or ''} | {'yes' if r['done'] else ''} |")
    print(f"\n{len(rows)} comments", file=sys.stderr)


if __name__ == "__main__":
    main()
