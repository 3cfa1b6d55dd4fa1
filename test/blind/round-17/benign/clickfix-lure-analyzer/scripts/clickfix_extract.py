#!/usr/bin/env python3
"""Recover clipboard commands from saved ClickFix-style lure pages. Static only."""
import argparse
import base64
import binascii
import json
import re
import sys
from pathlib import Path

CLIP_PATTERNS = [
    re.compile(r"clipboard\.writeText\(\s*([^)]{1,4000})\)", re.S),
    re.compile(r"clipboardData\.setData\(\s*['\"]Text['\"]\s*,\s*([^)]{1,4000})\)", re.S | re.I),
    re.compile(r"<textarea[^>]*>(.*?)</textarea>", re.S | re.I),
]
STRING_LIT = re.compile(r"(['\"`])((?:\\.|(?!\1).){40,}?)\1", re.S)
COMMANDISH = re.compile(r"(mshta|powershell|pwsh|cmd(\.exe)?\s*/c|curl|wget|osascript|bash\s+-c|rundll32|regsvr32|msiexec|certutil|bitsadmin|iex|iwr|Invoke-)", re.I)
ENC_ARG = re.compile(r"-(?:e|en|enc|encodedcommand)\s+([A-Za-z0-9+/=]{16,})", re.I)
ATOB = re.compile(r"atob\(\s*['\"]([A-Za-z0-9+/=]{8,})['\"]\s*\)")
FROMCHAR = re.compile(r"String\.fromCharCode\(([\d,\s]+)\)")
CHAR_ARRAY = re.compile(r"\[((?:\s*['\"][^'\"]{1,3}['\"]\s*,?){4,})\]\s*\.join\(\s*['\"]{2}\s*\)")
REVERSED = re.compile(r"(['\"])([^'\"]{8,})\1\s*\.split\(\s*['\"]{2}\s*\)\s*\.reverse\(\)\s*\.join\(\s*['\"]{2}\s*\)")
URL = re.compile(r"https?://[^\s'\"<>)]+", re.I)
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def defang(text):
    text = re.sub(r"http(s?)://", r"hxxp\1://", text, flags=re.I)
    return re.sub(r"(?<=[a-z0-9])\.(?=[a-z]{2,}\b)", "[.]", text, flags=re.I)


def js_unescape(s):
    s = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\")


def try_b64(data, utf16=False):
    try:
        raw = base64.b64decode(data + "=" * (-len(data) % 4), validate=False)
        text = raw.decode("utf-16-le" if utf16 else "utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return text if text and printable / len(text) > 0.9 else None


def peel(command, depth=0, layers=None):
    layers = layers if layers is not None else []
    layers.append(command)
    if depth >= 5:
        return layers
    nxt = None
    m = ENC_ARG.search(command)
    if m:
        nxt = try_b64(m.group(1), utf16=True)
    if nxt is None:
        m = ATOB.search(command)
        if m:
            nxt = try_b64(m.group(1))
    if nxt is None:
        m = FROMCHAR.search(command)
        if m:
            nxt = "".join(chr(int(x)) for x in m.group(1).split(",") if x.strip())
    if nxt is None:
        m = CHAR_ARRAY.search(command)
        if m:
            nxt = "".join(re.findall(r"['\"]([^'\"]*)['\"]", m.group(1)))
    if nxt is None:
        m = REVERSED.search(command)
        if m:
            nxt = m.group(2)[::-1]
    if nxt is None:
        stripped = command.strip().strip("'\"")
        if re.fullmatch(r"[A-Za-z0-9+/=]{24,}", stripped):
            nxt = try_b64(stripped) or try_b64(stripped, utf16=True)
    if nxt and nxt != command:
        return peel(nxt, depth + 1, layers)
    return layers


def load_sources(path):
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    if path.endswith(".har"):
        har = json.loads(text)
        bodies = []
        for entry in har.get("log", {}).get("entries", []):
            content = entry.get("response", {}).get("content", {})
            body = content.get("text") or ""
            if content.get("encoding") == "base64":
                body = base64.b64decode(body).decode("utf-8", errors="replace")
            bodies.append((entry.get("request", {}).get("url", "?"), body))
        return bodies
    return [(path, text)]


def candidates(source):
    found = []
    for pat in CLIP_PATTERNS:
        for m in pat.finditer(source):
            found.append(("clipboard-write", js_unescape(m.group(1).strip())))
    for m in STRING_LIT.finditer(source):
        lit = js_unescape(m.group(2))
        if COMMANDISH.search(lit) or ATOB.search(lit) or re.fullmatch(r"[A-Za-z0-9+/=]{60,}", lit):
            found.append(("string-literal", lit))
    for rx in (CHAR_ARRAY, REVERSED, FROMCHAR):
        for m in rx.finditer(source):
            found.append(("runtime-built", m.group(0)))
    return found


def analyse(sources):
    results, iocs = [], {"urls": set(), "ips": set(), "domains": set()}
    for origin, body in sources:
        for kind, cand in candidates(body):
            layers = peel(cand)
            final = layers[-1]
            if not COMMANDISH.search(final) and len(layers) == 1:
                continue
            decoy = final.split("#", 1)[1].strip() if "#" in final and COMMANDISH.search(final.split("#", 1)[0]) else None
            non_ascii = sorted({f"U+{ord(c):04X}" for c in final if ord(c) > 127})
            results.append({"origin": origin, "kind": kind, "layers": layers, "decoy_text": decoy,
                            "non_ascii": non_ascii})
            for layer in layers:
                for u in URL.findall(layer):
                    iocs["urls"].add(u)
                    iocs["domains"].add(re.sub(r"^https?://([^/:]+).*", r"\1", u, flags=re.I))
                iocs["ips"].update(IPV4.findall(layer))
    return results, {k: sorted(v) for k, v in iocs.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("artifact", nargs="?", help="saved .html/.mhtml/.har")
    ap.add_argument("--clipboard-text", help="analyse a pasted command string instead")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-defang", action="store_true")
    args = ap.parse_args()
    if not args.artifact and not args.clipboard_text:
        ap.error("give an artifact path or --clipboard-text")

    if args.clipboard_text:
        layers = peel(args.clipboard_text)
        final = layers[-1]
        results = [{"origin": "clipboard", "kind": "pasted", "layers": layers,
                    "decoy_text": final.split("#", 1)[1].strip() if "#" in final else None,
                    "non_ascii": sorted({f"U+{ord(c):04X}" for c in final if ord(c) > 127})}]
        urls = sorted({u for l in layers for u in URL.findall(l)})
        iocs = {"urls": urls,
                "ips": sorted({ip for l in layers for ip in IPV4.findall(l)}),
                "domains": sorted({re.sub(r"^https?://([^/:]+).*", r"\1", u, flags=re.I) for u in urls})}
    else:
        results, iocs = analyse(load_sources(args.artifact))

    fmt = (lambda s: s) if args.no_defang else defang
    if args.json:
        out = {"findings": [{**r, "layers": [fmt(l) for l in r["layers"]]} for r in results],
               "iocs": {k: [fmt(x) for x in v] for k, v in iocs.items()}}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    if not results:
        print("No clipboard command candidates found. Try the HAR capture if the page fetched it at click time.")
    for i, r in enumerate(results, 1):
        print(f"--- candidate {i} ({r['kind']}, from {r['origin']})")
        for depth, layer in enumerate(r["layers"]):
            print(f"  layer {depth}:")
            print("  ```")
            print("  " + fmt(layer)[:2000].replace("\n", "\n  "))
            print("  ```")
        if r["decoy_text"]:
            print(f"  decoy text shown in Run box: {r['decoy_text']}")
        if r["non_ascii"]:
            print(f"  non-ASCII code points: {', '.join(r['non_ascii'])}")
    print("\nIOCs:")
    for k, v in iocs.items():
        for x in v:
            print(f"  {k[:-1]}: {fmt(x)}")


if __name__ == "__main__":
    main()
