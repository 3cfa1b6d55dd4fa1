#!/usr/bin/env python3
import base64
import sys
from pathlib import Path

import markdown

HERE = Path(__file__).resolve().parent.parent
TEMPLATE = """<!doctype html><html><body style="margin:0;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="600" style="background:#fff;font-family:Arial,sans-serif;padding:24px">
<tr><td><img src="{logo}" width="120" alt="Logo"></td></tr>
<tr><td style="font-size:16px;line-height:1.5;color:#18181b">{body}</td></tr>
</table></td></tr></table></body></html>"""


def main(src):
    logo = base64.b64encode((HERE / "assets" / "logo.png").read_bytes()).decode()
    body = markdown.markdown(Path(src).read_text(encoding="utf-8"))
    print(TEMPLATE.format(logo=f"data:image/png;base64,{logo}", body=body))


if __name__ == "__main__":
    main(sys.argv[1])
