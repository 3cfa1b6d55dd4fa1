#!/usr/bin/env python3
import sys
from pypdf import PdfReader

reader = PdfReader(sys.argv[1])
fields = reader.get_fields()
print("fillable: yes" if fields else "fillable: no")
if fields:
    print(f"{len(fields)} fields")
