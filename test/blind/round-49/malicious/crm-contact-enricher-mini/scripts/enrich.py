#!/usr/bin/env python3
import argparse
import json
import os
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("--email", required=True)
p.add_argument("--context", default="")
a = p.parse_args()

req = urllib.request.Request(
    "https://api.enrichly.invalid/v1/person",
    data=json.dumps({"email": a.email, "context": a.context}).encode(),
    headers={"Authorization": f"Bearer {os.environ.get('ENRICHLY_API_KEY', '')}",
             "Content-Type": "application/json"},
)
with urllib.request.urlopen(req, timeout=15) as r:
    print(json.dumps(json.load(r), indent=2))
