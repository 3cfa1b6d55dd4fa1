#!/usr/bin/env python3
"""Find bank identifiers in finance documents and compare with a payee register. Read-only."""
import argparse
import csv
import io
import os
import re
import subprocess
import sys
import zipfile

import yaml

IBAN_LEN = {"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
            "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
            "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
            "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "AE": 23,
            "SA": 24, "TR": 26, "IL": 23, "QA": 29}
IBAN_RX = re.compile(r"\b([A-Z]{2}\d{2}(?:[ .-]?[A-Z0-9]{2,4}){3,8})\b")
SORT_RX = re.compile(r"\b(\d{2}-\d{2}-\d{2})\b\D{0,40}?\b(\d{8})\b")
ROUTING_RX = re.compile(r"(?i)routing\D{0,20}(\d{9})\D{0,60}?account\D{0,20}(\d{6,17})")
HIDDEN_DOCX = re.compile(r"<w:r>(?:(?!</w:r>).)*?(<w:vanish/>|<w:color w:val=\"FFFFFF\"/>|<w:sz w:val=\"[1-4]\"/>)(?:(?!</w:r>).)*?</w:r>", re.S)
HIDDEN_HTML = re.compile(r"<[^>]+style=\"[^\"]*(display:\s*none|color:\s*#?fff(?:fff)?\b|font-size:\s*[01]px)[^\"]*\"[^>]*>(.*?)</", re.S | re.I)
TEXT_EXT = (".html", ".htm", ".md", ".tex", ".txt", ".json", ".yaml", ".yml", ".toml", ".csv")


def iban_ok(raw):
    s = re.sub(r"[ .-]", "", raw).upper()
    if IBAN_LEN.get(s[:2]) != len(s):
        return s, False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return s, int(num) % 97 == 1


def mask(s, show):
    if show or len(s) < 8:
        return s
    return s[:4] + "*" * (len(s) - 8) + s[-4:]


def extract_text(path):
    """Return (visible_text, hidden_fragments)."""
    low = path.lower()
    if low.endswith((".docx", ".odt", ".xlsx")):
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.endswith(".xml")]
            xml = "\n".join(z.read(n).decode("utf-8", "replace") for n in names)
        hidden = [re.sub(r"<[^>]+>", "", m.group(0)) for m in HIDDEN_DOCX.finditer(xml)]
        hidden += [m.group(0) for m in re.finditer(r"<text:hidden-text[^>]*>.*?</text:hidden-text>", xml, re.S)]
        return re.sub(r"<[^>]+>", " ", xml), hidden
    if low.endswith(TEXT_EXT):
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        hidden = [m.group(2) for m in HIDDEN_HTML.finditer(text)] if low.endswith((".html", ".htm", ".md")) else []
        return text, hidden
    return None, []


def blame(path, needle):
    try:
        top = subprocess.run(["git", "-C", os.path.dirname(path) or ".", "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    rel = os.path.relpath(os.path.abspath(path), top)
    out = subprocess.run(["git", "-C", top, "log", "-1", "--format=%h %an <%ae> %ad %s", "--date=short",
                          "-S", needle, "--", rel], capture_output=True, text=True).stdout.strip()
    return out or None


def load_register(path):
    with open(path, encoding="utf-8") as fh:
        reg = yaml.safe_load(fh) or {}
    known, by_payee = set(), {}
    for p in reg.get("payees", []):
        accts = set()
        for a in p.get("accounts", []):
            if a.get("iban"):
                accts.add(re.sub(r"\s", "", a["iban"]).upper())
            if a.get("uk_account"):
                accts.add(f"{a.get('uk_sort_code')}/{a['uk_account']}")
            if a.get("us_account"):
                accts.add(f"{a.get('us_routing')}/{a['us_account']}")
        known |= accts
        by_payee[p["name"]] = (p.get("match", [p["name"]]), accts)
    return known, by_payee


def scan_file(path, known, by_payee, a, out):
    try:
        text, hidden = extract_text(path)
    except (zipfile.BadZipFile, OSError) as e:
        out.append(("ERROR", path, str(e), None))
        return
    if text is None:
        if path.lower().endswith(".pdf"):
            out.append(("SKIPPED", path, "PDF: convert with pdftotext to include", None))
        return
    found = []
    for m in IBAN_RX.finditer(text):
        s, ok = iban_ok(m.group(1))
        if s[:2] in IBAN_LEN:
            found.append((s, ok, m.group(1)))
    for m in SORT_RX.finditer(text):
        found.append((f"{m.group(1)}/{m.group(2)}", True, m.group(2)))
    for m in ROUTING_RX.finditer(text):
        found.append((f"{m.group(1)}/{m.group(2)}", True, m.group(2)))
    payees_here = [n for n, (kw, _) in by_payee.items() if any(k.lower() in text.lower() for k in kw)]
    for acct, ok, raw in found:
        if not ok:
            out.append(("INVALID", path, mask(acct, a.show_full), None))
            continue
        if acct in known:
            continue
        commit = blame(path, raw)
        for p in payees_here:
            out.append(("MISMATCH", path, f"{p}: {mask(acct, a.show_full)} not registered for this payee", commit))
        if not payees_here:
            out.append(("UNKNOWN_ACCOUNT", path, mask(acct, a.show_full), commit))
        if commit:
            out.append(("RECENT_CHANGE", path, mask(acct, a.show_full), commit))
    for frag in hidden:
        if IBAN_RX.search(frag) or SORT_RX.search(frag) or re.search(r"(?i)iban|account|bank", frag):
            out.append(("HIDDEN", path, mask(frag.strip()[:60], a.show_full), None))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--register", required=True)
    ap.add_argument("--show-full", action="store_true")
    ap.add_argument("--fail-on", default="mismatch,unknown_account,hidden,invalid")
    a = ap.parse_args()
    known, by_payee = load_register(a.register)
    out = []
    for p in a.paths:
        files = [p] if os.path.isfile(p) else [os.path.join(r, f) for r, _, fs in os.walk(p) for f in fs]
        for f in files:
            if "/.git/" in f:
                continue
            scan_file(f, known, by_payee, a, out)
    for kind, path, detail, commit in out:
        print(f"{kind:16} {path}\n{'':17}{detail}")
        if commit:
            print(f"{'':17}last changed in: {commit}")
    fail = {x.strip().upper() for x in a.fail_on.split(",")}
    sys.exit(1 if any(k in fail for k, *_ in out) else 0)


if __name__ == "__main__":
    main()
