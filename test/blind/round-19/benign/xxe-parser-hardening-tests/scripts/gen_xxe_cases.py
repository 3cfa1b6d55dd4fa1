#!/usr/bin/env python3
"""Write XXE regression fixtures that point only at a local sentinel file and a localhost listener."""
import argparse
import io
import pathlib
import secrets
import zipfile


def file_uri(path: pathlib.Path) -> str:
    return path.resolve().as_uri()


def build_cases(out: pathlib.Path, host: str, port: int):
    token = "XXE-SENTINEL-" + secrets.token_hex(8)
    sentinel = out / "sentinel.txt"
    sentinel.write_text(token + "\n", encoding="utf-8")
    s_uri = file_uri(sentinel)
    base = f"http://{host}:{port}"

    cases = {}
    cases["01-file-entity.xml"] = f"""<?xml version="1.0"?>
<!DOCTYPE invoice [ <!ENTITY x SYSTEM "{s_uri}"> ]>
<invoice><customer>&x;</customer><total>10.00</total></invoice>
"""
    cases["02-http-entity.xml"] = f"""<?xml version="1.0"?>
<!DOCTYPE invoice [ <!ENTITY x SYSTEM "{base}/e1"> ]>
<invoice><customer>&x;</customer></invoice>
"""
    cases["03-param-entity-oob.xml"] = f"""<?xml version="1.0"?>
<!DOCTYPE invoice [ <!ENTITY % remote SYSTEM "{base}/dtd"> %remote; ]>
<invoice><customer>oob</customer></invoice>
"""
    lol = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lol.append(f'<!ENTITY lol{i} "' + f"&lol{i-1};" * 10 + '">')
    cases["04-billion-laughs.xml"] = ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  "
                                      + "\n  ".join(lol) + "\n]>\n<lolz>&lol9;</lolz>\n")
    big = "A" * 50_000
    cases["05-quadratic-blowup.xml"] = (f'<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "{big}">]>\n<q>'
                                        + "&a;" * 2000 + "</q>\n")
    cases["06-xinclude.xml"] = f"""<?xml version="1.0"?>
<doc xmlns:xi="http://www.w3.org/2001/XInclude">
  <xi:include href="{s_uri}" parse="text"/>
</doc>
"""
    cases["07-svg-entity.svg"] = f"""<?xml version="1.0" standalone="yes"?>
<!DOCTYPE svg [ <!ENTITY x SYSTEM "{s_uri}"> ]>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">
  <text x="10" y="40" font-size="16">&x;</text>
</svg>
"""
    cases["10-soap-entity.xml"] = f"""<?xml version="1.0"?>
<!DOCTYPE soap:Envelope [ <!ENTITY x SYSTEM "{s_uri}"> ]>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body><GetOrder><id>&x;</id></GetOrder></soap:Body>
</soap:Envelope>
"""
    for name, text in cases.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "09-utf16-entity.xml").write_bytes(
        cases["01-file-entity.xml"].replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>', 1)
        .encode("utf-16"))
    return token, s_uri


def build_docx(out: pathlib.Path, s_uri: str, part: str):
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
    document = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Quarterly report</w:t></w:r></w:p></w:body></w:document>"""
    doctype = f'<!DOCTYPE x [ <!ENTITY x SYSTEM "{s_uri}"> ]>'
    parts = {"[Content_Types].xml": content_types, "_rels/.rels": rels, "word/document.xml": document}
    target = parts[part]
    decl_end = target.index("?>") + 2
    parts[part] = target[:decl_end] + "\n" + doctype + target[decl_end:].replace("Quarterly report", "&x;", 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    (out / "08-docx-entity.docx").write_bytes(buf.getvalue())


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="tests/fixtures/xxe")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--docx-part", default="word/document.xml",
                    choices=["word/document.xml", "[Content_Types].xml", "_rels/.rels"])
    args = ap.parse_args()

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    token, s_uri = build_cases(out, args.host, args.port)
    build_docx(out, s_uri, args.docx_part)
    (out / "listener.txt").write_text(f"{args.host}:{args.port}\n", encoding="utf-8")
    print(f"wrote fixtures to {out}/")
    print(f"sentinel token: {token}")
    print(f"listener expected at http://{args.host}:{args.port}/ (started by the test runner)")


if __name__ == "__main__":
    main()
