import json
import sys
from pypdf import PdfReader, PdfWriter


def main(src, values_path, dst):
    values = json.load(open(values_path))
    reader = PdfReader(src)
    writer = PdfWriter()
    writer.append(reader)
    by_page = {}
    for v in values:
        by_page.setdefault(v["page"], {})[v["field_id"]] = v["value"]
    for pno, mapping in by_page.items():
        writer.update_page_form_field_values(writer.pages[pno - 1], mapping, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with open(dst, "wb") as fh:
        writer.write(fh)


if __name__ == "__main__":
    main(*sys.argv[1:4])
