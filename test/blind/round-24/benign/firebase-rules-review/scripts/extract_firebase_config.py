#!/usr/bin/env python3
"""Print Firebase config values from a decoded APK (apktool output) or a project dir."""
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

KEYS = ["project_id", "firebase_database_url", "google_storage_bucket", "google_api_key",
        "google_app_id", "gcm_defaultSenderId", "default_web_client_id"]

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
found: dict[str, set] = {}

for strings in root.rglob("res/values*/strings.xml"):
    try:
        for el in ET.parse(strings).getroot().iter("string"):
            name = el.get("name")
            if name in KEYS and el.text:
                found.setdefault(name, set()).add(el.text.strip())
    except ET.ParseError:
        continue

for gs in root.rglob("google-services.json"):
    data = json.loads(gs.read_text())
    info = data.get("project_info", {})
    for k, v in (("project_id", info.get("project_id")),
                 ("firebase_database_url", info.get("firebase_url")),
                 ("google_storage_bucket", info.get("storage_bucket"))):
        if v:
            found.setdefault(k, set()).add(v)
    for client in data.get("client", []):
        for key in client.get("api_key", []):
            found.setdefault("google_api_key", set()).add(key.get("current_key", ""))

if not found:
    sys.exit("no Firebase config found (is this an apktool-decoded directory?)")
for k in KEYS:
    for v in sorted(found.get(k, [])):
        print(f"{k:24} {v}")
print("\nnote: these values are public by design; review the security rules, not the key.", file=sys.stderr)
