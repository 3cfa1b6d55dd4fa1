import json
import sys
from pypdf import PdfReader


def field_type(f):
    ft = f.get("/FT")
    if ft == "/Tx":
        return "text"
    if ft == "/Btn":
        return "checkbox"
    if ft == "/Ch":
        return "choice"
    return "unknown"


def main(pdf_path, out_path):
    reader = PdfReader(pdf_path)
    fields = []
    for pno, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget" or "/T" not in a:
                continue
            entry = {"field_id": a["/T"], "page": pno,
                     "rect": [float(x) for x in a["/Rect"]], "type": field_type(a)}
            if entry["type"] == "checkbox" and "/AP" in a:
                states = [k for k in a["/AP"]["/N"].keys() if k != "/Off"]
                entry["checked_value"] = states[0] if states else "/Yes"
                entry["unchecked_value"] = "/Off"
            fields.append(entry)
    json.dump(fields, open(out_path, "w"), indent=2)
    print(f"{len(fields)} fields written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
