#!/usr/bin/env python3
"""Report and remove hidden metadata from PDFs using pikepdf."""
import argparse
import re
import sys

import pikepdf
from pikepdf import Name

PATH_RE = re.compile(r"([A-Za-z]:\\[^<\"]+|/(?:Users|home)/[^<\"]+)")


def report(pdf):
    out = []
    info = pdf.docinfo
    out.append("Document info:" if len(info) else "Document info: none")
    for k, v in info.items():
        out.append(f"  {str(k):<12} {str(v)[:80]}")
    if Name.Metadata in pdf.Root:
        raw = pdf.Root.Metadata.read_bytes().decode("utf-8", "replace")
        hist = raw.count("<rdf:li rdf:parseType=\"Resource\">")
        paths = len(set(PATH_RE.findall(raw)))
        out.append(f"XMP: {len(raw)/1024:.1f} KB  (history-ish entries {hist}, paths: {paths})")
    else:
        out.append("XMP: none")
    att = pdf.attachments
    out.append(f"Embedded files: {len(att)}" + (f"  ({', '.join(att.keys())})" if att else ""))
    names = pdf.Root.get(Name.Names, {})
    js = Name.JavaScript in names or Name.OpenAction in pdf.Root
    out.append(f"JavaScript/OpenAction: {'present' if js else 'none'}")
    if Name.AcroForm in pdf.Root:
        fields = pdf.Root.AcroForm.get(Name.Fields, [])
        filled = sum(1 for f in fields if Name.V in f)
        out.append(f"AcroForm fields: {len(fields)} ({filled} with values)")
    else:
        out.append("AcroForm fields: 0")
    ann = comments = links = thumbs = piece = 0
    for page in pdf.pages:
        for a in page.obj.get(Name.Annots, []):
            ann += 1
            if a.get(Name.Subtype) == Name.Link:
                links += 1
            else:
                comments += 1
        thumbs += Name.Thumb in page.obj
        piece += Name.PieceInfo in page.obj
    out.append(f"Annotations: {ann} (comments {comments}, links {links})")
    out.append(f"Thumbnails: {thumbs}")
    out.append(f"Page piece info: {'present on %d pages' % piece if piece else 'none'}")
    return "\n".join(out)


def is_signed(pdf):
    if Name.AcroForm not in pdf.Root:
        return False
    return any(f.get(Name.FT) == Name.Sig for f in pdf.Root.AcroForm.get(Name.Fields, []))


def clean(pdf, args):
    if is_signed(pdf) and not args.allow_break_signature:
        sys.exit("document is signed; cleaning breaks the signature (use --allow-break-signature)")
    for k in list(pdf.docinfo.keys()):
        del pdf.docinfo[k]
    if Name.Metadata in pdf.Root:
        if args.keep_xmp_minimal:
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                for key in list(meta.keys()):
                    if not key.startswith("pdfaid:"):
                        del meta[key]
        else:
            del pdf.Root.Metadata
    for name in list(pdf.attachments.keys()):
        del pdf.attachments[name]
    if Name.Names in pdf.Root:
        for key in (Name.JavaScript, Name.EmbeddedFiles):
            if key in pdf.Root.Names:
                del pdf.Root.Names[key]
    if Name.OpenAction in pdf.Root:
        del pdf.Root.OpenAction
    if Name.PieceInfo in pdf.Root:
        del pdf.Root.PieceInfo
    for page in pdf.pages:
        for key in (Name.Thumb, Name.PieceInfo, Name.AA):
            if key in page.obj:
                del page.obj[key]
        if args.annotations and Name.Annots in page.obj:
            keep = []
            for a in page.obj.Annots:
                if args.annotations == "comments" and a.get(Name.Subtype) == Name.Link:
                    keep.append(a)
            page.obj.Annots = pikepdf.Array(keep)
    if args.flatten_forms and Name.AcroForm in pdf.Root:
        for f in pdf.Root.AcroForm.get(Name.Fields, []):
            if Name.V in f:
                del f.V
        del pdf.Root.AcroForm
    if args.set_title:
        pdf.docinfo[Name.Title] = args.set_title


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("pdf")
    c = sub.add_parser("clean")
    c.add_argument("pdf")
    c.add_argument("-o", "--output", required=True)
    c.add_argument("--annotations", choices=["comments", "all"])
    c.add_argument("--flatten-forms", action="store_true")
    c.add_argument("--set-title")
    c.add_argument("--keep-xmp-minimal", action="store_true")
    c.add_argument("--allow-break-signature", action="store_true")
    args = ap.parse_args()

    with pikepdf.open(args.pdf) as pdf:
        if args.cmd == "report":
            print(report(pdf))
            return
        if args.output == args.pdf:
            sys.exit("output must differ from input")
        clean(pdf, args)
        pdf.remove_unreferenced_resources()
        pdf.save(args.output, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 fix_metadata_version=False)
        print(f"cleaned copy written to {args.output}")


if __name__ == "__main__":
    main()
