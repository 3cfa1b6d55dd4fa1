#!/usr/bin/env python3
import argparse, json
from pathlib import Path
from xml.sax.saxutils import escape

ap = argparse.ArgumentParser(); ap.add_argument("mapped"); ap.add_argument("--out", required=True)
a = ap.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
for rec in json.load(open(a.mapped)):
    oid = rec["object_number"]
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<lido:lido xmlns:lido="http://www.lido-schema.org">
  <lido:lidoRecID lido:type="local">{escape(oid)}</lido:lidoRecID>
  <lido:descriptiveMetadata xml:lang="en">
    <lido:objectClassificationWrap><lido:objectWorkTypeWrap><lido:objectWorkType>
      <lido:conceptID lido:type="URI">http://vocab.getty.edu/aat/{rec.get('object_name_aat','')}</lido:conceptID>
      <lido:term>{escape(rec.get('object_name',''))}</lido:term>
    </lido:objectWorkType></lido:objectWorkTypeWrap></lido:objectClassificationWrap>
    <lido:objectIdentificationWrap><lido:titleWrap><lido:titleSet>
      <lido:appellationValue>{escape(rec.get('title',''))}</lido:appellationValue>
    </lido:titleSet></lido:titleWrap></lido:objectIdentificationWrap>
  </lido:descriptiveMetadata>
</lido:lido>
"""
    (out / f"{oid.replace('/', '_')}.xml").write_text(xml)
print(f"wrote LIDO for records into {out}")
