#!/usr/bin/env python3
"""Report .docx features that commonly get lost in Markdown conversion. Read-only."""
import re
import sys
import zipfile

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHECKS = {
    "tracked insertions": r"<w:ins\b",
    "tracked deletions": r"<w:del\b",
    "merged cells (horizontal)": r"<w:gridSpan\b",
    "merged cells (vertical)": r"<w:vMerge\b",
    "text boxes": r"<w:txbxContent\b",
    "fields (TOC/REF/etc)": r"<w:fldSimple\b|<w:instrText\b",
    "embedded objects": r"<w:object\b|<o:OLEObject\b",
    "hidden text runs": r"<w:vanish/>",
    "equations": r"<m:oMath\b",
}


def main(path: str) -> int:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        doc = z.read("word/document.xml").decode("utf-8", "replace")
        comments = 0
        if "word/comments.xml" in names:
            comments = len(re.findall(r"<w:comment\b", z.read("word/comments.xml").decode("utf-8", "replace")))
        media = [n for n in names if n.startswith("word/media/")]

    print(f"{path}")
    for label, pattern in CHECKS.items():
        n = len(re.findall(pattern, doc))
        if n:
            print(f"  {label:<28} {n}")
    if comments:
        print(f"  {'comments':<28} {comments}")
    print(f"  {'images/media':<28} {len(media)}")
    headings = re.findall(r'<w:pStyle w:val="(Heading\d|Title)"', doc)
    if headings:
        top = sorted(set(headings))[0]
        print(f"  {'highest heading style':<28} {top}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: docx_scan.py FILE.docx")
    sys.exit(main(sys.argv[1]))
