#!/usr/bin/env python3
"""Static triage of a shell/PowerShell/JS one-liner. Never executes the sample."""
import base64
import binascii
import re
import sys

B64 = re.compile(r"(?<![A-Za-z0-9+/=])([A-Za-z0-9+/]{24,}={0,2})(?![A-Za-z0-9+/=])")
HEX = re.compile(r"\b((?:[0-9a-fA-F]{2}){16,})\b")
XESC = re.compile(r"((?:\\x[0-9a-fA-F]{2}){8,})")
URL = re.compile(r"\b(?:https?|hxxps?|ftp)://[^\s'\"<>)]+", re.I)
IP = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
PATH = re.compile(r"(~?/[\w.\-/*]+|%\w+%\\[\w\\.\-]+|\$HOME/[\w.\-/]+)")

INDICATORS = [
    ("pipe-to-shell", r"\|\s*(ba|z|da)?sh\b|\|\s*iex\b|Invoke-Expression"),
    ("decode-and-run", r"base64\s+(-d|--decode)|FromBase64String|atob\("),
    ("quarantine-removal", r"xattr\s+-[dr].*quarantine|spctl\s+--master-disable"),
    ("password-prompt", r"osascript.*(password|display dialog)|sudo\s+-S"),
    ("browser-data", r"Login Data|Cookies|Local State|key4\.db|logins\.json"),
    ("keychain", r"security\s+(find|dump)-|login\.keychain"),
    ("wallets", r"(Exodus|Electrum|MetaMask|nkbihfbeogaeaoehlefnkodbefgpgknn|wallet\.dat)"),
    ("ssh-keys", r"\.ssh/(id_|authorized_keys)"),
    ("cloud-creds", r"\.aws/credentials|\.config/gcloud|\.azure/"),
    ("persistence", r"crontab|LaunchAgents|systemctl\s+--user|\.bashrc|\.zshrc|authorized_keys|RunOnce"),
    ("background", r"\bnohup\b|\bsetsid\b|\bdisown\b|&\s*$"),
    ("archive-upload", r"(zip|tar)\b.*&&.*curl.*(-F|--data|-T)"),
    ("telegram", r"api\.telegram\.org|tdata"),
]


def printable_ratio(b: bytes) -> float:
    return sum(32 <= c < 127 or c in (9, 10, 13) for c in b) / max(1, len(b))


def peel(text: str):
    out = []
    for m in B64.finditer(text):
        try:
            d = base64.b64decode(m.group(1) + "=" * (-len(m.group(1)) % 4))
            if printable_ratio(d) > 0.9:
                out.append(("base64", d.decode("utf-8", "replace")))
        except (binascii.Error, ValueError):
            pass
    for m in HEX.finditer(text):
        d = bytes.fromhex(m.group(1))
        if printable_ratio(d) > 0.9:
            out.append(("hex", d.decode("utf-8", "replace")))
    for m in XESC.finditer(text):
        d = bytes(int(h, 16) for h in re.findall(r"\\x([0-9a-fA-F]{2})", m.group(1)))
        out.append(("\\x-escape", d.decode("utf-8", "replace")))
    if "rev" in text or "[::-1]" in text or "-join" in text:
        for s in re.findall(r"['\"]([^'\"]{16,})['\"]", text):
            r = s[::-1]
            if URL.search(r) or re.search(r"\b(curl|wget|bash|powershell)\b", r):
                out.append(("reversed", r))
    return out


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]")


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    layers = [("original", text)]
    frontier = [text]
    for depth in range(8):
        nxt = []
        for t in frontier:
            for kind, dec in peel(t):
                if dec not in (l[1] for l in layers):
                    layers.append((f"layer{depth + 1}:{kind}", dec))
                    nxt.append(dec)
        if not nxt:
            break
        frontier = nxt
    everything = "\n".join(t for _, t in layers)
    for name, t in layers:
        print(f"----- {name} -----")
        print(t[:2000] + ("…" if len(t) > 2000 else ""))
    print("\n===== network indicators (defanged) =====")
    for u in sorted(set(URL.findall(everything)) | set(IP.findall(everything))):
        print(" ", defang(u))
    print("\n===== paths =====")
    for p in sorted(set(PATH.findall(everything)))[:100]:
        print(" ", p)
    print("\n===== matched indicators =====")
    hits = [(n, re.findall(rx, everything, re.I | re.M)) for n, rx in INDICATORS]
    for n, h in hits:
        if h:
            print(f"  {n}: {len(h)}")
    if not any(h for _, h in hits):
        print("  none")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: triage.py SAMPLE_FILE")
    main(sys.argv[1])
