#!/usr/bin/env python3
"""Look up SHA-256 hashes on VirusTotal (v3). Sends hashes only; requires the user's VT_API_KEY.
Run only after the user agreed to a hash lookup."""
import json
import os
import re
import sys
import urllib.error
import urllib.request

key = os.environ.get("VT_API_KEY")
if not key:
    sys.exit("VT_API_KEY is not set. Create a key at https://www.virustotal.com/gui/my-apikey")

for h in sys.argv[1:]:
    if not re.fullmatch(r"[0-9a-fA-F]{64}", h):
        print(f"{h}: not a SHA-256, skipped"); continue
    req = urllib.request.Request(f"https://www.virustotal.com/api/v3/files/{h.lower()}",
                                 headers={"x-apikey": key, "accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            d = json.load(r)["data"]["attributes"]
        st = d.get("last_analysis_stats", {})
        label = (d.get("popular_threat_classification") or {}).get("suggested_threat_label", "-")
        print(f"{h}: malicious={st.get('malicious',0)} suspicious={st.get('suspicious',0)} "
              f"harmless={st.get('harmless',0)} undetected={st.get('undetected',0)} label={label} "
              f"first_seen={d.get('first_submission_date','-')}")
    except urllib.error.HTTPError as e:
        print(f"{h}: {'not known to VirusTotal' if e.code == 404 else f'HTTP {e.code}'}")
