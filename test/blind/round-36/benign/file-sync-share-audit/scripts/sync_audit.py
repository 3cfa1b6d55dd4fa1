#!/usr/bin/env python3
"""Read-only share audit for Syncthing (local REST API) and Nextcloud (OCS Share API)."""
import base64, json, os, sys, urllib.request, xml.etree.ElementTree as ET
from pathlib import Path

ST_CONFIGS = [Path.home() / ".local/state/syncthing/config.xml",
              Path.home() / ".config/syncthing/config.xml",
              Path.home() / "Library/Application Support/Syncthing/config.xml",
              Path(os.environ.get("LOCALAPPDATA", "")) / "Syncthing/config.xml"]

def get(url, headers):
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=15) as r:
        return json.load(r)

def syncthing():
    cfg_path = next((p for p in ST_CONFIGS if p.is_file()), None)
    if not cfg_path:
        sys.exit("Syncthing config.xml not found")
    root = ET.parse(cfg_path).getroot()
    gui = root.find("gui")
    key = gui.findtext("apikey")
    addr = gui.findtext("address") or "127.0.0.1:8384"
    if not addr.startswith(("127.", "localhost", "[::1]")):
        print(f"  GUI listens on {addr}; password set: {bool(gui.findtext('password'))}  <-- review if no password")
    base = ("https://" if gui.get("tls") == "true" else "http://") + addr.replace("0.0.0.0", "127.0.0.1")
    h = {"X-API-Key": key}
    cfg = get(base + "/rest/config", h)
    stats = get(base + "/rest/stats/device", h)
    my_id = get(base + "/rest/system/status", h)["myID"]
    folders_by_dev = {}
    for f in cfg["folders"]:
        for d in f["devices"]:
            folders_by_dev.setdefault(d["deviceID"], []).append(f"{f['label'] or f['id']}({f['type']})")
    print("SYNCTHING")
    for d in cfg["devices"]:
        if d["deviceID"] == my_id:
            continue
        flag = "  <-- review" if d.get("introducer") or d.get("autoAcceptFolders") else ""
        print(f"  device {d['name'] or '?':14} {d['deviceID'][:4]}…  last seen {stats.get(d['deviceID'], {}).get('lastSeen', '?')[:16]}"
              f"  introducer={d.get('introducer')} autoAccept={d.get('autoAcceptFolders')} addr={d.get('addresses')}"
              f"  folders: {', '.join(folders_by_dev.get(d['deviceID'], []))}{flag}")

def nextcloud():
    url, user, pw = (os.environ.get(k) for k in ("NEXTCLOUD_URL", "NEXTCLOUD_USER", "NEXTCLOUD_APP_PASSWORD"))
    if not all((url, user, pw)):
        sys.exit("set NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_APP_PASSWORD")
    auth = base64.b64encode(f"{user}:{pw}".encode()).decode()
    h = {"Authorization": f"Basic {auth}", "OCS-APIRequest": "true", "Accept": "application/json"}
    data = get(url.rstrip("/") + "/ocs/v2.php/apps/files_sharing/api/v1/shares?reshares=true", h)
    print("NEXTCLOUD")
    for s in data["ocs"]["data"]:
        kind = {0: "user", 1: "group", 3: "link", 4: "email", 6: "federated"}.get(s["share_type"], str(s["share_type"]))
        issues = []
        if s["share_type"] == 3:
            if not s.get("password"): issues.append("no password")
            if not s.get("expiration"): issues.append("no expiry")
            if s["permissions"] & 2 or s["permissions"] & 4: issues.append("can edit/upload")
        who = s.get("share_with_displayname") or s.get("share_with") or "public"
        flag = "  <-- review" if issues else ""
        print(f"  {kind:9} {s['path']:30} to {who}  {', '.join(issues)}{flag}")

if __name__ == "__main__":
    {"syncthing": syncthing, "nextcloud": nextcloud}[sys.argv[1] if len(sys.argv) > 1 else "syncthing"]()
