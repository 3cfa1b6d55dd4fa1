#!/usr/bin/env python3
"""Audit .pth files and site customisation hooks. Read-only."""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

KNOWN_NAMES = [
    re.compile(r"^distutils-precedence\.pth$"),
    re.compile(r"^_virtualenv\.pth$"),
    re.compile(r"^__editable__\..*\.pth$"),
    re.compile(r"^(.*-)?coverage\.pth$"),
    re.compile(r"^.*-nspkg\.pth$"),
    re.compile(r"^easy-install\.pth$"),
]
SUSPECT = re.compile(
    r"(base64|b64decode|rot13|zlib|decompress|fromhex|exec\(|eval\(|compile\(|__import__\(|"
    r"urllib|http\.client|socket|requests|subprocess|os\.system|os\.popen|Popen)")

DISCOVER = ("import json,site,sys,sysconfig;"
            "paths=set(site.getsitepackages() if hasattr(site,'getsitepackages') else []);"
            "paths.add(sysconfig.get_paths()['purelib']);"
            "paths.add(site.getusersitepackages());"
            "print(json.dumps({'exe':sys.executable,'version':sys.version.split()[0],'paths':sorted(paths)}))")


def discover(python):
    out = subprocess.run([python, "-I", "-S", "-c", DISCOVER], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def owners(site_dir):
    """Map file names in site_dir to owning distribution using RECORD files."""
    mapping = {}
    for record in Path(site_dir).glob("*.dist-info/RECORD"):
        dist = record.parent.name.rsplit("-", 1)[0]
        try:
            for line in record.read_text(errors="replace").splitlines():
                rel = line.split(",", 1)[0]
                if "/" not in rel:
                    mapping[rel] = (dist, record.stat().st_mtime)
        except OSError:
            continue
    return mapping


def imported_module(line):
    m = re.match(r"import\s+([A-Za-z_][\w.]*)", line)
    return m.group(1).split(".")[0] if m else None


def audit_site(site_dir):
    site = Path(site_dir)
    results = []
    if not site.is_dir():
        return results
    own = owners(site)
    for pth in sorted(site.glob("*.pth")):
        raw = pth.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        exec_lines = [l for l in text.splitlines() if l.startswith(("import ", "import\t"))]
        owner = own.get(pth.name)
        entry = {"file": str(pth), "owner": owner[0] if owner else None,
                 "exec_lines": exec_lines, "status": "PATHS"}
        if exec_lines:
            known = any(p.match(pth.name) for p in KNOWN_NAMES)
            reasons = []
            for l in exec_lines:
                if SUSPECT.search(l):
                    reasons.append("suspicious call")
                if len(l) > 300:
                    reasons.append("long line")
                mod = imported_module(l)
                if mod:
                    mod_file = next((p for p in (site / f"{mod}.py", site / mod / "__init__.py") if p.exists()), None)
                    if mod_file:
                        entry.setdefault("loads", []).append(str(mod_file))
            if not owner:
                reasons.append("no owning distribution")
            elif pth.stat().st_mtime > owner[1] + 5:
                reasons.append("modified after install")
            if "\ufffd" in text:
                reasons.append("non-utf8 content")
            serious = {"suspicious call", "long line", "modified after install", "non-utf8 content"}
            entry["status"] = "KNOWN" if known and not (set(reasons) & serious) else "REVIEW"
            entry["reasons"] = sorted(set(reasons))
        results.append(entry)
    for name in ("sitecustomize.py", "usercustomize.py"):
        hook = site / name
        if hook.exists():
            body = hook.read_text(errors="replace")
            results.append({"file": str(hook), "owner": (own.get(name) or (None,))[0],
                            "status": "REVIEW", "reasons": ["site hook present"],
                            "exec_lines": body.splitlines()[:15]})
    return results


def venv_pythons(base):
    for root, dirs, files in os.walk(base):
        if "pyvenv.cfg" in files:
            for cand in ("bin/python", "Scripts/python.exe"):
                p = Path(root) / cand
                if p.exists():
                    yield str(p)
            dirs[:] = []
        dirs[:] = [d for d in dirs if d not in {"node_modules", ".git"}]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--python", action="append", help="interpreter to audit (repeatable)")
    ap.add_argument("--scan-dir", help="also audit every virtualenv below this directory")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    pythons = args.python or [sys.executable]
    if args.scan_dir:
        pythons += list(venv_pythons(Path(args.scan_dir).expanduser()))

    report = {"env": {k: os.environ[k] for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME") if k in os.environ},
              "interpreters": []}
    for py in dict.fromkeys(pythons):
        try:
            info = discover(py)
        except (subprocess.CalledProcessError, FileNotFoundError, json.JSONDecodeError) as exc:
            report["interpreters"].append({"python": py, "error": str(exc)})
            continue
        info["findings"] = [f for d in info["paths"] for f in audit_site(d)]
        report["interpreters"].append(info)

    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return
    for k, v in report["env"].items():
        print(f"[ENV] {k}={v}")
    for interp in report["interpreters"]:
        if "error" in interp:
            print(f"== {interp['python']}: {interp['error']}")
            continue
        print(f"== {interp['exe']} (Python {interp['version']})")
        for f in interp["findings"]:
            if f["status"] == "PATHS":
                continue
            print(f"  [{f['status']}] {f['file']}  owner={f['owner']}  {', '.join(f.get('reasons', []))}")
            if f["status"] == "REVIEW":
                for line in f["exec_lines"]:
                    print(f"      > {line[:300]}")
                for mod in f.get("loads", []):
                    print(f"      loads {mod}")


if __name__ == "__main__":
    main()
