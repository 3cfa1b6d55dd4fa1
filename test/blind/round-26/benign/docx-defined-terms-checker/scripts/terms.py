#!/usr/bin/env python3
"""Defined-terms audit for .docx contracts. Read-only."""
import argparse
import csv
import re
import sys
from collections import defaultdict, Counter
from pathlib import Path

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    sys.exit("python-docx missing: python3 -m pip install 'python-docx==1.1.2'")

Q = "\"\u201c\u201d"
TERM = rf"[{Q}]([A-Z][\w'&\-]*(?:\s+(?:of|and|the|for|[A-Z][\w'&\-]*))*)[{Q}]"
DEF_PATTERNS = [
    re.compile(TERM + r"\s+(?:shall\s+)?(?:mean|means|has the meaning|have the meaning|refers to|includes)"),
    re.compile(r"\((?:each|collectively|together|individually)?,?\s*(?:the\s+|a\s+|an\s+)?" + TERM + r"\)"),
]
CAP_PHRASE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,4})\b")


def iter_paragraphs(document, skip_deleted=False):
    """Yield (label, text) for body, tables, headers/footers, footnotes."""
    def text_of(p):
        if not skip_deleted:
            return p.text
        parts = []
        for r in p._p.iter(qn("w:r")):
            if r.getparent().tag == qn("w:del"):
                continue
            parts.extend(t.text or "" for t in r.iter(qn("w:t")))
        return "".join(parts)

    heading = ""
    for i, p in enumerate(document.paragraphs):
        if p.style is not None and p.style.name.lower().startswith("heading"):
            heading = p.text.strip()[:60]
        yield f"¶{i} ({heading})" if heading else f"¶{i}", text_of(p)
    for ti, table in enumerate(document.tables):
        for ri, row in enumerate(table.rows):
            for ci, cell in enumerate(row.cells):
                for p in cell.paragraphs:
                    yield f"table {ti + 1} r{ri + 1}c{ci + 1}", text_of(p)
    for si, section in enumerate(document.sections):
        for part_name in ("header", "footer"):
            part = getattr(section, part_name)
            for p in part.paragraphs:
                yield f"{part_name} s{si + 1}", text_of(p)
    # footnotes live in a separate part
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from lxml import etree
                root = etree.fromstring(rel.target_part.blob)
            for fn in root.iter(qn("w:footnote")):
                yield f"footnote {fn.get(qn('w:id'))}", "".join(t.text or "" for t in fn.iter(qn("w:t")))


def bold_definitions(document):
    for i, p in enumerate(document.paragraphs):
        runs = [r for r in p.runs if r.text.strip()]
        if runs and runs[0].bold and re.match(r"^[A-Z]", runs[0].text.strip()):
            yield runs[0].text.strip().strip(Q + ":."), i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--format", choices=["md", "csv"], default="md")
    ap.add_argument("--ignore", default="")
    ap.add_argument("--bold-definitions", action="store_true")
    ap.add_argument("--skip-deleted", action="store_true")
    ap.add_argument("--undef-threshold", type=int, default=3)
    args = ap.parse_args()

    document = docx.Document(args.path)
    paras = list(iter_paragraphs(document, args.skip_deleted))

    defaults = Path(__file__).resolve().parent.parent / "references" / "ignore-defaults.txt"
    ignore = {x.strip() for x in args.ignore.split(",") if x.strip()}
    if defaults.exists():
        ignore |= {l.strip() for l in defaults.read_text().splitlines() if l.strip() and not l.startswith("#")}

    definitions = defaultdict(list)  # term -> [para index]
    for idx, (label, text) in enumerate(paras):
        for pat in DEF_PATTERNS:
            for m in pat.finditer(text):
                definitions[m.group(1).strip()].append(idx)
    if args.bold_definitions:
        for term, i in bold_definitions(document):
            definitions[term].append(i)

    findings = []
    for term, where in definitions.items():
        if len(where) > 1:
            findings.append(("DUP", term, ", ".join(paras[i][0] for i in where)))
        term_re = re.compile(rf"(?<![{Q}\w]){re.escape(term)}(?![{Q}\w])")
        uses = [i for i, (_, t) in enumerate(paras) if term_re.search(t) and i not in where]
        if not uses:
            findings.append(("UNUSED", term, paras[where[0]][0]))
        elif uses[0] < where[0]:
            findings.append(("EARLY", term, f"first use {paras[uses[0]][0]}, defined {paras[where[0]][0]}"))
        lower_re = re.compile(rf"\b{re.escape(term.lower())}\b")
        lower = [paras[i][0] for i, (_, t) in enumerate(paras) if lower_re.search(t)]
        if lower and " " in term:
            findings.append(("CASE", term, "; ".join(lower[:5])))
        if not term.endswith("s"):
            plural_re = re.compile(rf"\b{re.escape(term)}s\b")
            if any(plural_re.search(t) for _, t in paras) and f"{term}s" not in definitions:
                findings.append(("PLURAL", term, "plural used"))

    counts = Counter()
    first_seen = {}
    for i, (label, text) in enumerate(paras):
        for m in CAP_PHRASE.finditer(text):
            phrase = m.group(1)
            if phrase in definitions or phrase in ignore or any(phrase in d for d in definitions):
                continue
            counts[phrase] += 1
            first_seen.setdefault(phrase, label)
    for phrase, n in counts.most_common():
        if n >= args.undef_threshold:
            findings.append(("UNDEF", phrase, f"{n} uses, first at {first_seen[phrase]}"))

    order = {"DUP": 0, "UNDEF": 1, "EARLY": 2, "CASE": 3, "UNUSED": 4, "PLURAL": 5}
    findings.sort(key=lambda f: (order[f[0]], f[1].lower()))

    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["code", "term", "where"])
        w.writerows(findings)
        return
    print(f"# Defined terms: {Path(args.path).name}\n")
    print(f"{len(definitions)} defined terms, {len(findings)} findings\n")
    current = None
    for code, term, where in findings:
        if code != current:
            print(f"\n## {code}\n")
            current = code
        prefix = "possible: " if code == "UNDEF" else ""
        print(f"- {prefix}**{term}** — {where}")
    print("\n## All defined terms\n")
    for term in sorted(definitions, key=str.lower):
        print(f"- {term}")


if __name__ == "__main__":
    main()
