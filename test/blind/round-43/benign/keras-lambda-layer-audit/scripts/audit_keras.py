#!/usr/bin/env python3
"""Audit Keras model configs for Lambda layers and custom code without loading the model."""
import argparse
import base64
import binascii
import json
import re
import sys
import zipfile
from pathlib import Path

RISKY = re.compile(r"\b(os|posix|nt|subprocess|system|popen|Popen|exec|eval|compile|__import__|"
                   r"socket|urlopen|urllib|requests|open|builtins|marshal|ctypes|shutil|getattr)\b")
PRINTABLE = re.compile(rb"[\x20-\x7e]{3,}")


def config_from_keras_zip(p: Path):
    with zipfile.ZipFile(p) as z:
        cfg = json.loads(z.read("config.json"))
        meta = json.loads(z.read("metadata.json")) if "metadata.json" in z.namelist() else {}
    return cfg, meta


def config_from_h5(p: Path):
    try:
        import h5py
    except ImportError:
        sys.exit("h5py is required for .h5 files: pip install h5py")
    with h5py.File(p, "r") as f:
        raw = f.attrs.get("model_config")
        if raw is None:
            return {}, {}
        raw = raw.decode() if isinstance(raw, bytes) else raw
        meta = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in f.attrs.items()
                if k in ("keras_version", "backend")}
        return json.loads(raw), meta


def walk_layers(node, path=""):
    if isinstance(node, dict):
        if "class_name" in node and "config" in node:
            yield path, node
        for k, v in node.items():
            yield from walk_layers(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk_layers(v, f"{path}[{i}]")


def inspect_function(fn):
    """Return (kind, size, strings) for a serialized Lambda function payload."""
    if isinstance(fn, dict) and fn.get("class_name") == "__lambda__":
        fn = fn.get("config", {}).get("code")
    if isinstance(fn, list) and fn:
        fn = fn[0]
    if isinstance(fn, dict):
        return "registered", 0, [fn.get("config", "")]
    if not isinstance(fn, str):
        return "unknown", 0, []
    try:
        blob = base64.b64decode(fn.encode("ascii"), validate=False)
        if len(blob) > 16 and blob[:1] in (b"\xe3", b"c", b"\xe4"):
            strs = [s.decode() for s in PRINTABLE.findall(blob)]
            return "bytecode", len(blob), strs
    except (binascii.Error, ValueError):
        pass
    return "source", len(fn), [fn]


def audit(p: Path) -> dict:
    if p.suffix == ".keras" or zipfile.is_zipfile(p):
        cfg, meta = config_from_keras_zip(p)
    else:
        cfg, meta = config_from_h5(p)
    rows = []
    for idx, (path, layer) in enumerate(walk_layers(cfg)):
        cls = layer.get("class_name", "")
        module = layer.get("module") or ""
        conf = layer.get("config", {}) if isinstance(layer.get("config"), dict) else {}
        name = conf.get("name", "")
        if cls in ("Lambda", "TFOpLambda"):
            kind, size, strs = inspect_function(conf.get("function"))
            hits = sorted({m.group(0) for s in strs for m in RISKY.finditer(str(s))})
            level = "high" if kind == "bytecode" or hits else "info" if cls == "TFOpLambda" else "review"
            rows.append({"index": idx, "class": cls, "name": name, "function": kind, "size": size,
                         "strings": [str(s)[:160] for s in strs][:25], "risky_names": hits, "level": level})
        elif module and not module.startswith(("keras", "tensorflow", "tf_keras")):
            rows.append({"index": idx, "class": cls, "name": name, "module": module,
                         "registered_name": layer.get("registered_name"), "level": "review"})
    worst = "high" if any(r["level"] == "high" for r in rows) else "review" if any(r["level"] == "review" for r in rows) else "clean"
    return {"path": str(p), "meta": meta, "verdict": worst, "layers": rows}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        files += sorted(q for q in p.rglob("*") if q.suffix in (".keras", ".h5")) if p.is_dir() else [p]
    reports = [audit(f) for f in files]
    if a.json:
        print(json.dumps(reports, indent=2))
    else:
        for r in reports:
            print(f"== {r['path']}  {r['meta']}  verdict: {r['verdict'].upper()}")
            for l in r["layers"]:
                head = f"  layer {l['index']:<3} {l['class']:<12} {l['name']!r:<20}"
                if "function" in l:
                    print(f"{head} {l['function']} {l['size']} bytes  {l['level'].upper()}")
                    if l["strings"]:
                        print("    strings:", ", ".join(l["strings"][:12]))
                else:
                    print(f"{head} module={l['module']}  {l['level'].upper()}")
    return 2 if any(r["verdict"] == "high" for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
