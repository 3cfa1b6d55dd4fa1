#!/usr/bin/env python3
"""Static PowerShell deobfuscator. Pure string transforms; nothing is executed."""
from __future__ import annotations

import argparse
import base64
import binascii
import gzip
import re
import sys
import zlib

MAX_LEN = 5_000_000

RE_ENC_ARG = re.compile(r"(?i)(?:^|\s)-(?:e|ec|en|enc|enco|encodedcommand)\s+['\"]?([A-Za-z0-9+/=]{16,})")
RE_B64_CALL = re.compile(r"(?i)\[(?:System\.)?Convert\]::FromBase64String\(\s*['\"]([A-Za-z0-9+/=\s]{8,})['\"]\s*\)")
RE_GETSTRING = re.compile(
    r"(?i)\[(?:System\.)?Text\.Encoding\]::(UTF8|Unicode|ASCII)\.GetString\(\s*\[(?:System\.)?Convert\]::FromBase64String\(\s*['\"]([A-Za-z0-9+/=\s]+)['\"]\s*\)\s*\)")
RE_CHAR_PLUS = re.compile(r"(?i)(?:\[char\]\s*(0x[0-9a-f]+|\d+)\s*\+?\s*){2,}")
RE_CHAR_ONE = re.compile(r"(?i)\[char\]\s*(0x[0-9a-f]+|\d+)")
RE_CHAR_ARRAY = re.compile(r"(?i)\[char\[\]\]\s*\(([\d,\s x0-9a-f]+)\)\s*-join\s*['\"]{2}")
RE_CONCAT = re.compile(r"'([^'\n]*)'\s*\+\s*'([^'\n]*)'")
RE_CONCAT_DQ = re.compile(r'"([^"$`\n]*)"\s*\+\s*"([^"$`\n]*)"')
RE_FORMAT = re.compile(r"\(\s*['\"]((?:\{\d+\})+)['\"]\s*-f\s*((?:'[^']*'\s*,?\s*)+)\)", re.I)
RE_REVERSE = re.compile(r"'([^']+)'\s*\[\s*-1\s*\.\.\s*-\s*\d+\s*\]\s*-join\s*['\"]{2}")
RE_REPLACE = re.compile(r"'([^']*)'\s*-replace\s*'([^']*)'\s*,\s*'([^']*)'", re.I)
RE_XOR = re.compile(
    r"(?i)\$(\w+)\s*=\s*(0x[0-9a-f]+|\d+)\s*;\s*\$(\w+)\s*=\s*\[byte\[\]\]\s*\(([0-9a-fx,\s]+)\)\s*;\s*-join\s*\(\s*\$\3\s*\|\s*(?:%|foreach-object)\s*\{\s*\[char\]\s*\(\s*\$_\s*-bxor\s*\$\1\s*\)\s*\}\s*\)")
RE_GZIP_LITERAL = re.compile(r"['\"](H4sI[A-Za-z0-9+/=]{20,})['\"]")
RE_DEFLATE_HINT = re.compile(r"(?i)DeflateStream")
RE_BACKTICK = re.compile(r"`(?=[A-Za-z])")

NOTABLE = [
    ("execute-string", r"(?i)\b(iex|invoke-expression)\b|\.invoke\(|&\s*\("),
    ("download", r"(?i)downloadstring|downloadfile|downloaddata|invoke-webrequest|\biwr\b|invoke-restmethod|\birm\b|net\.webclient|bitsadmin|start-bitstransfer"),
    ("process", r"(?i)start-process|\bsaps\b|shellexecute|wscript\.shell|cmd(\.exe)?\s*/c"),
    ("defender-tamper", r"(?i)add-mppreference|set-mppreference|disablerealtimemonitoring|exclusionpath|exclusionprocess"),
    ("amsi-tamper", r"(?i)amsiutils|amsiinitfailed|amsiscanbuffer|amsi\.dll"),
    ("persistence-run-key", r"(?i)currentversion\\run(once)?\b"),
    ("persistence-task", r"(?i)schtasks|register-scheduledtask|new-scheduledtask"),
    ("certutil", r"(?i)certutil(\.exe)?\s+-(decode|urlcache|decodehex)"),
    ("reflective-load", r"(?i)\[reflection\.assembly\]::load|assembly\]::load\(|virtualalloc|createthread"),
    ("credential-access", r"(?i)get-credential|lsass|sekurlsa|\\login data|cookies\b|vaultcli|cmdkey"),
    ("hidden-window", r"(?i)-w(indowstyle)?\s+h(idden)?\b|-nop\b|-noni\b|-exec(utionpolicy)?\s+bypass"),
]
RE_URL = re.compile(r"(?i)\bhttps?://[^\s'\"`)]+")
RE_IP = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def b64_utf16(s: str) -> str | None:
    try:
        raw = base64.b64decode(re.sub(r"\s", "", s), validate=False)
    except (binascii.Error, ValueError):
        return None
    for enc in ("utf-16-le", "utf-8"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if text and sum(c.isprintable() or c in "\r\n\t" for c in text) / len(text) > 0.9:
            return text
    return None


def t_encoded_arg(s: str) -> str:
    def rep(m):
        dec = b64_utf16(m.group(1))
        return f"\n# [decoded -EncodedCommand]\n{dec}\n" if dec else m.group(0)
    return RE_ENC_ARG.sub(rep, s)


def t_getstring(s: str) -> str:
    def rep(m):
        raw = base64.b64decode(re.sub(r"\s", "", m.group(2)) + "==")
        enc = {"utf8": "utf-8", "unicode": "utf-16-le", "ascii": "ascii"}[m.group(1).lower()]
        try:
            return "'" + raw.decode(enc, errors="replace").replace("'", "''") + "'"
        except LookupError:
            return m.group(0)
    return RE_GETSTRING.sub(rep, s)


def t_compressed(s: str) -> str:
    def rep(m):
        try:
            raw = base64.b64decode(m.group(1))
            return "'" + gzip.decompress(raw).decode("utf-8", errors="replace").replace("'", "''") + "'"
        except (OSError, binascii.Error, EOFError):
            return m.group(0)
    s = RE_GZIP_LITERAL.sub(rep, s)
    if RE_DEFLATE_HINT.search(s):
        def rep_deflate(m):
            try:
                raw = base64.b64decode(re.sub(r"\s", "", m.group(1)))
                return "'" + zlib.decompress(raw, -15).decode("utf-8", errors="replace").replace("'", "''") + "'"
            except (zlib.error, binascii.Error):
                return m.group(0)
        s = RE_B64_CALL.sub(rep_deflate, s)
    return s


def _num(tok: str) -> int:
    tok = tok.strip()
    return int(tok, 16) if tok.lower().startswith("0x") else int(tok)


def t_chars(s: str) -> str:
    s = RE_CHAR_PLUS.sub(lambda m: "'" + "".join(chr(_num(x)) for x in RE_CHAR_ONE.findall(m.group(0))) + "'", s)
    s = RE_CHAR_ARRAY.sub(lambda m: "'" + "".join(chr(_num(x)) for x in m.group(1).split(",") if x.strip()) + "'", s)
    return s


def t_xor(s: str) -> str:
    def rep(m):
        key = _num(m.group(2))
        data = [_num(x) for x in m.group(4).split(",") if x.strip()]
        return "'" + "".join(chr(b ^ key) for b in data) + "'"
    return RE_XOR.sub(rep, s)


def t_format(s: str) -> str:
    def rep(m):
        order = [int(x) for x in re.findall(r"\{(\d+)\}", m.group(1))]
        parts = re.findall(r"'([^']*)'", m.group(2))
        try:
            return "'" + "".join(parts[i] for i in order) + "'"
        except IndexError:
            return m.group(0)
    return RE_FORMAT.sub(rep, s)


def t_concat(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = RE_CONCAT.sub(lambda m: f"'{m.group(1)}{m.group(2)}'", s)
        s = RE_CONCAT_DQ.sub(lambda m: f'"{m.group(1)}{m.group(2)}"', s)
    return s


def t_reverse(s: str) -> str:
    return RE_REVERSE.sub(lambda m: "'" + m.group(1)[::-1] + "'", s)


def t_replace(s: str) -> str:
    return RE_REPLACE.sub(lambda m: "'" + m.group(1).replace(m.group(2), m.group(3)) + "'", s)


def t_backticks(s: str) -> str:
    return RE_BACKTICK.sub("", s)


def t_unquote_invocations(s: str) -> str:
    # &('IEX') ... / .('DownloadString') -> IEX / .DownloadString
    s = re.sub(r"&\s*\(\s*'([A-Za-z-]+)'\s*\)", r"\1", s)
    s = re.sub(r"\.\(\s*'([A-Za-z]+)'\s*\)\.Invoke\(", r".\1(", s)
    s = re.sub(r"\(\s*'([A-Za-z.]+)'\s*\)(?=\))", r"\1", s)
    return s


TRANSFORMS = [t_encoded_arg, t_getstring, t_compressed, t_xor, t_chars, t_format, t_concat,
              t_reverse, t_replace, t_backticks, t_unquote_invocations]


def deobfuscate(text: str, max_layers: int, show_steps: bool) -> str:
    for layer in range(1, max_layers + 1):
        before = text
        for t in TRANSFORMS:
            new = t(text)
            if show_steps and new != text:
                print(f"--- layer {layer}: {t.__name__}", file=sys.stderr)
            text = new[:MAX_LEN]
        if text == before:
            break
    return text


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", help="file or - for stdin")
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--show-steps", action="store_true")
    args = ap.parse_args()
    raw = sys.stdin.read() if args.source == "-" else open(args.source, encoding="utf-8", errors="replace").read()

    out = deobfuscate(raw, args.layers, args.show_steps)
    print("===== deobfuscated =====")
    print(out.strip())
    print("\n===== notable =====")
    for name, pat in NOTABLE:
        lines = {ln.strip()[:160] for ln in out.splitlines() if re.search(pat, ln)}
        for ln in sorted(lines):
            print(f"[{name}] {ln}")
    urls = sorted(set(RE_URL.findall(out)))
    ips = sorted(set(ip for ip in RE_IP.findall(out) if all(int(o) < 256 for o in ip.split("."))))
    if urls or ips:
        print("\n===== indicators (defanged) =====")
        for u in urls:
            print("url ", defang(u))
        for ip in ips:
            print("ip  ", defang(ip))
    return 0


if __name__ == "__main__":
    sys.exit(main())
