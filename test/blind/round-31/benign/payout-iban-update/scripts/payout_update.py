#!/usr/bin/env python3
"""Show / preview / apply a change of the project's own receiving bank account."""
import argparse
import difflib
import glob
import hashlib
import json
import os
import re
import sys
import zipfile

try:
    import yaml
except ImportError:
    yaml = None

LENGTHS = {"AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18,
           "FR": 27, "GB": 22, "HR": 21, "HU": 28, "IE": 22, "IT": 27, "LI": 21, "LT": 20, "LU": 20,
           "LV": 21, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19,
           "SK": 24, "BG": 22, "CY": 28, "GR": 27, "IS": 26, "MC": 27, "SM": 27}
BIC_RX = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")
STATE = ".payout_preview.json"
TEMPLATE_GLOBS = ["templates/**/*.html", "templates/**/*.md", "templates/**/*.tex", "templates/**/*.typ",
                  "templates/**/*.txt", "templates/**/*.docx"]


def norm(iban):
    return re.sub(r"[\s.-]", "", iban).upper()


def grouped(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def masked(iban):
    g = grouped(iban).split(" ")
    return " ".join([g[0]] + ["****"] * (len(g) - 3) + ["**" + g[-2][2:] if len(g[-2]) == 4 else g[-2], g[-1]])


def validate(iban, bic):
    errs = []
    cc = iban[:2]
    if cc not in LENGTHS:
        errs.append(f"unknown or non-SEPA country code {cc}")
    elif len(iban) != LENGTHS[cc]:
        errs.append(f"{cc} IBANs have {LENGTHS[cc]} characters, got {len(iban)}")
    if not re.fullmatch(r"[A-Z0-9]+", iban):
        errs.append("IBAN contains invalid characters")
    else:
        n = int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4]))
        if n % 97 != 1:
            errs.append("IBAN checksum (mod 97) failed")
    if bic and not BIC_RX.match(bic):
        errs.append("BIC format invalid")
    if bic and len(bic) >= 6 and cc in LENGTHS and bic[4:6] != cc:
        errs.append(f"BIC country {bic[4:6]} differs from IBAN country {cc} (possible, but double-check)")
    return errs


def find_config(path):
    if path:
        return path
    for c in ("billing/payout.yaml", "billing/payout.yml", "billing/payout.json", "billing/payout.toml"):
        if os.path.exists(c):
            return c
    sys.exit("No payout config found; pass --config")


def read_config(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        return text, json.loads(text)
    if path.endswith((".yaml", ".yml")) and yaml:
        return text, yaml.safe_load(text)
    data = dict(re.findall(r'^\s*(\w+)\s*=\s*"([^"]*)"', text, re.M))
    return text, data


def replace_in_config(text, old, new_vals):
    out = text
    for key, val in new_vals.items():
        if val is None:
            continue
        out = re.sub(rf'^(\s*"?{key}"?\s*[:=]\s*"?)([^"\n,]*)("?)', lambda m: f"{m.group(1)}{val}{m.group(3)}", out, flags=re.M)
    return out


def iban_pattern(iban):
    return re.compile(r"[\s.-]?".join(re.escape(c) for c in iban))


def template_files(extra):
    files = set(extra or [])
    for g in TEMPLATE_GLOBS:
        files.update(glob.glob(g, recursive=True))
    return sorted(files)


def plan(a, cur):
    old_iban = norm(cur.get("iban", ""))
    new_iban = norm(a.iban)
    changes, notes = {}, []
    cfg = find_config(a.config)
    text, _ = read_config(cfg)
    new_text = replace_in_config(text, old_iban, {"iban": grouped(new_iban) if " " in cur.get("iban", "") else new_iban,
                                                  "bic": a.bic, "account_holder": a.holder, "bank_name": a.bank})
    changes[cfg] = (text, new_text)
    rx = iban_pattern(old_iban)
    for f in template_files(a.template):
        if f.endswith(".docx"):
            with zipfile.ZipFile(f) as z:
                xml = z.read("word/document.xml").decode("utf-8", "replace")
            if rx.search(xml):
                notes.append(f"{f}: contains current IBAN; .docx is edited in Word by the user (listed, not changed)")
            elif old_iban[-4:] in re.sub(r"<[^>]+>", "", xml):
                notes.append(f"{f}: IBAN appears split across Word runs; edit in Word")
            continue
        t = open(f, encoding="utf-8", errors="replace").read()
        if rx.search(t):
            nt = rx.sub(lambda m: grouped(new_iban) if " " in m.group(0) else new_iban, t)
            if a.bic and cur.get("bic"):
                nt = nt.replace(cur["bic"], a.bic)
            if a.bank and cur.get("bank_name"):
                nt = nt.replace(cur["bank_name"], a.bank)
            changes[f] = (t, nt)
    return changes, notes


def digest(changes):
    h = hashlib.sha256()
    for f in sorted(changes):
        h.update(f.encode()); h.update(changes[f][0].encode())
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["show", "preview", "apply"])
    ap.add_argument("--config")
    ap.add_argument("--template", action="append")
    ap.add_argument("--iban")
    ap.add_argument("--bic")
    ap.add_argument("--holder")
    ap.add_argument("--bank")
    a = ap.parse_args()

    cfg = find_config(a.config)
    _, cur = read_config(cfg)
    cur_iban = norm(cur.get("iban", ""))
    if a.action == "show":
        print(f"config:  {cfg}")
        print(f"holder:  {cur.get('account_holder')}\nbank:    {cur.get('bank_name')}")
        print(f"IBAN:    {masked(cur_iban)}\nBIC:     {cur.get('bic')}")
        rx = iban_pattern(cur_iban)
        for f in template_files(a.template):
            if f.endswith(".docx"):
                continue
            for n, line in enumerate(open(f, encoding="utf-8", errors="replace"), 1):
                if rx.search(line):
                    print(f"  found in {f}:{n}")
        return 0

    if not a.iban:
        ap.error("--iban is required")
    new_iban = norm(a.iban)
    bic = (a.bic or "").upper() or None
    a.bic = bic
    errs = validate(new_iban, bic)
    print(f"New IBAN: {grouped(new_iban)}  (country {new_iban[:2]}, ends …{new_iban[-4:]})")
    hard = [e for e in errs if "possible" not in e]
    for e in errs:
        print(("ERROR: " if e in hard else "WARN:  ") + e)
    if hard:
        return 1
    if new_iban == cur_iban:
        print("New IBAN equals the current one; nothing to do.")
        return 0
    if a.holder and cur.get("account_holder") and a.holder.strip() != str(cur["account_holder"]).strip():
        print(f"WARN:  account holder changes from '{cur['account_holder']}' to '{a.holder}'.")

    changes, notes = plan(a, cur)
    for f, (old, new) in changes.items():
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{f}", f"b/{f}"))
    for n in notes:
        print("NOTE: " + n)

    if a.action == "preview":
        with open(STATE, "w") as fh:
            json.dump({"digest": digest(changes), "iban_tail": new_iban[-4:]}, fh)
        print("\nPreview only. Confirm with the user, then run the same command with 'apply'.")
        return 0

    try:
        st = json.load(open(STATE))
    except FileNotFoundError:
        print("Run 'preview' first and get the user's approval.")
        return 1
    if st["digest"] != digest(changes) or st["iban_tail"] != new_iban[-4:]:
        print("Files or IBAN changed since preview; run preview again.")
        return 1
    for f, (_, new) in changes.items():
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(new)
    os.remove(STATE)
    print(f"Updated {len(changes)} file(s). Review with `git diff` and commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
