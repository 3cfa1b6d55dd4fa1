#!/usr/bin/env python3
"""Static, non-executing decoder for obfuscated shell one-liners."""
import argparse
import base64
import binascii
import codecs
import gzip
import re
import sys
import zlib

B64_PIPE = re.compile(r"""(?:echo|printf)\s+(?:-n\s+|-e\s+)?['"]?([A-Za-z0-9+/=\s]{16,})['"]?\s*\|\s*base64\s+(?:-d|--decode|-D)""")
B64_HERE = re.compile(r"""base64\s+(?:-d|--decode|-D)\s*<<<\s*['"]?([A-Za-z0-9+/=]{16,})""")
B32_PIPE = re.compile(r"""echo\s+['"]?([A-Z2-7=]{16,})['"]?\s*\|\s*base32\s+(?:-d|--decode)""")
PRINTF = re.compile(r"""printf\s+(?:%b\s+)?['"]((?:\\x[0-9a-fA-F]{2}|\\[0-7]{3}|[^'"\\])+)['"]""")
ANSIC = re.compile(r"""\$'((?:\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|[^'\\])+)'""")
REV = re.compile(r"""echo\s+['"]([^'"]+)['"]\s*\|\s*rev""")
ROT13 = re.compile(r"""echo\s+['"]([^'"]+)['"]\s*\|\s*tr\s+['"]?A-Za-z['"]?\s+['"]?N-ZA-Mn-za-m""")
PS_ENC = re.compile(r"""-(?:e|enc|encodedcommand)\s+([A-Za-z0-9+/=]{20,})""", re.I)
ASSIGN = re.compile(r"""(?:^|[;\s])([A-Za-z_]\w*)=(?:'([^']*)'|"([^"]*)"|([^\s;]+))""")

URL = re.compile(r"""(?:https?|ftp)://[^\s'"|;)]+""")
PATHS = re.compile(r"""(~|\$HOME|/root|/home/\w+)?/?(\.ssh/\S*|\.aws/\S*|\.bashrc|\.zshrc|\.profile|crontab|/etc/cron\S*|\.config/\S+|Library/LaunchAgents\S*|/etc/systemd/\S+|\.npmrc|\.pypirc|\.kube/config)""")
EXEC_SINK = re.compile(r"""\|\s*(ba|z|da)?sh\b|\beval\b|\bsh\s+-c\b|source\s+<\(|\bpython3?\s+-c\b|\biex\b|Invoke-Expression""", re.I)


def unescape(s):
    s = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)
    return re.sub(r"\\([0-7]{1,3})", lambda m: chr(int(m.group(1), 8)), s)


def b64(s):
    raw = base64.b64decode(re.sub(r"\s", "", s) + "===")
    for fn in (gzip.decompress, zlib.decompress):
        try:
            return fn(raw).decode("utf-8", "replace"), "base64+gzip"
        except (OSError, zlib.error, EOFError):
            pass
    return raw.decode("utf-8", "replace"), "base64"


def step(text):
    """Apply the first transform that matches; return (new_text, label) or None."""
    for rx, label in ((B64_PIPE, None), (B64_HERE, None)):
        m = rx.search(text)
        if m:
            try:
                dec, lab = b64(m.group(1))
                return text[:m.start()] + dec + text[m.end():], lab
            except (binascii.Error, ValueError):
                pass
    m = B32_PIPE.search(text)
    if m:
        dec = base64.b32decode(m.group(1) + "=" * (-len(m.group(1)) % 8)).decode("utf-8", "replace")
        return text[:m.start()] + dec + text[m.end():], "base32"
    m = PS_ENC.search(text)
    if m:
        try:
            dec = base64.b64decode(m.group(1)).decode("utf-16-le", "replace")
            return dec, "powershell -enc (UTF-16LE)"
        except (binascii.Error, ValueError):
            pass
    for rx, label in ((PRINTF, "printf escapes"), (ANSIC, "ANSI-C $'..' string")):
        m = rx.search(text)
        if m and "\\" in m.group(1):
            return text[:m.start()] + unescape(m.group(1)) + text[m.end():], label
    m = REV.search(text)
    if m:
        return text[:m.start()] + m.group(1)[::-1] + text[m.end():], "rev"
    m = ROT13.search(text)
    if m:
        return text[:m.start()] + codecs.decode(m.group(1), "rot13") + text[m.end():], "rot13"
    vars_ = {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in ASSIGN.finditer(text)}
    if vars_ and re.search(r"\$\{?(" + "|".join(map(re.escape, vars_)) + r")\}?", text):
        body = ASSIGN.sub(" ", text)
        new = re.sub(r"\$\{?(" + "|".join(map(re.escape, vars_)) + r")\}?", lambda m: vars_[m.group(1)], body).strip(" ;")
        if new != text:
            return new, "variable substitution"
    return None


def verdict(layers):
    final = layers[-1][1]
    everything = "\n".join(t for _, t in layers)
    urls = sorted(set(URL.findall(everything)))
    paths = sorted(set(m.group(0) for m in PATHS.finditer(everything)))
    sinks = sorted(set(m.group(0).strip() for m in EXEC_SINK.finditer(everything)))
    defang = lambda u: u.replace("http", "hxxp", 1).replace(".", "[.]")
    print("\n=== verdict ===")
    print("final layer :", final.strip()[:400])
    print("urls        :", ", ".join(defang(u) for u in urls) or "none")
    print("paths       :", ", ".join(paths) or "none")
    print("exec sinks  :", ", ".join(sinks) or "none")
    if urls and sinks:
        print("assessment  : downloads and executes remote code; next stage not decodable statically.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", nargs="?", help="command string, or '-' for stdin")
    ap.add_argument("--file")
    ap.add_argument("--max-layers", type=int, default=12)
    a = ap.parse_args()
    text = open(a.file).read() if a.file else (sys.stdin.read() if a.cmd in (None, "-") else a.cmd)
    layers = [("input", text)]
    for _ in range(a.max_layers):
        res = step(layers[-1][1])
        if not res:
            break
        layers.append((res[1], res[0]))
    for i, (label, t) in enumerate(layers):
        print(f"--- layer {i}: {label}\n{t.strip()}\n")
    verdict(layers)


if __name__ == "__main__":
    main()
