#!/usr/bin/env python3
"""Extract and audit chat templates from GGUF metadata. Reads the header only."""
import argparse
import hashlib
import json
import re
import struct
import sys
from pathlib import Path

# GGUF value types
U8, I8, U16, I16, U32, I32, F32, BOOL, STR, ARR, U64, I64, F64 = range(13)
SCALAR = {U8: "<B", I8: "<b", U16: "<H", I16: "<h", U32: "<I", I32: "<i", F32: "<f",
          BOOL: "<?", U64: "<Q", I64: "<q", F64: "<d"}

HIGH = re.compile(r"__class__|__mro__|__subclasses__|__globals__|__builtins__|__init__|__import__|"
                  r"\bpopen\b|\bos\.|subprocess|\beval\(|\bexec\(|_TemplateReference")
MEDIUM = re.compile(r"\b(cycler|joiner|namespace)\b\s*\.|\|\s*attr\s*\(|\\x5f|\\u005f|\brequest\.|\bconfig\.")
KNOWN_FILE = Path(__file__).resolve().parent.parent / "references" / "known-templates.md"


class Reader:
    def __init__(self, f):
        self.f = f

    def read(self, fmt):
        size = struct.calcsize(fmt)
        return struct.unpack(fmt, self.f.read(size))[0]

    def string(self, limit=1 << 24):
        n = self.read("<Q")
        if n > limit:
            raise ValueError(f"string length {n} exceeds limit")
        return self.f.read(n).decode("utf-8", errors="replace")

    def value(self, t, keep=True):
        if t in SCALAR:
            return self.read(SCALAR[t])
        if t == STR:
            return self.string()
        if t == ARR:
            et, n = self.read("<I"), self.read("<Q")
            if et in SCALAR and not keep:
                self.f.seek(struct.calcsize(SCALAR[et]) * n, 1)
                return f"<array {n}>"
            items = [self.value(et, keep=False) for _ in range(n)]
            return items if keep and n < 64 else f"<array {n}>"
        raise ValueError(f"unknown GGUF type {t}")


def read_metadata(path: Path) -> dict:
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ValueError("not a GGUF file")
        r = Reader(f)
        version = r.read("<I")
        if version < 2:
            raise ValueError(f"GGUF v{version} not supported")
        r.read("<Q")                      # tensor count
        kv_count = r.read("<Q")
        meta = {"gguf.version": version}
        for _ in range(kv_count):
            key = r.string(limit=1 << 16)
            t = r.read("<I")
            keep = key.startswith(("general.", "tokenizer.chat_template"))
            meta[key] = r.value(t, keep=keep)
        return meta


def known_hashes() -> set:
    if not KNOWN_FILE.exists():
        return set()
    return {m.group(1) for m in re.finditer(r"^([0-9a-f]{64})\s", KNOWN_FILE.read_text(), re.M)}


def findings(template: str):
    out = []
    for rx, sev in ((HIGH, "high"), (MEDIUM, "medium")):
        for m in rx.finditer(template):
            a, b = max(0, m.start() - 60), min(len(template), m.end() + 60)
            out.append({"severity": sev, "match": m.group(0), "context": template[a:b].replace("\n", "⏎")})
    if len(template) > 8192:
        out.append({"severity": "low", "match": "length", "context": f"{len(template)} chars"})
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", template):
        out.append({"severity": "low", "match": "control-chars", "context": ""})
    return out


def audit(path: Path, dump: bool):
    meta = read_metadata(path)
    known = known_hashes()
    templates = {k: v for k, v in meta.items() if k.startswith("tokenizer.chat_template") and isinstance(v, str)}
    if dump:
        for k, v in templates.items():
            print(f"{{# {k} #}}\n{v}\n")
        return None
    rep = {"path": str(path), "keys": len(meta),
           "general": {k: meta[k] for k in ("general.name", "general.architecture", "general.quantized_by",
                                            "general.source.url") if k in meta},
           "templates": []}
    for k, v in templates.items():
        h = hashlib.sha256(v.encode()).hexdigest()
        rep["templates"].append({"key": k, "length": len(v), "sha256": h, "known": h in known,
                                 "findings": findings(v)})
    sev = [f["severity"] for t in rep["templates"] for f in t["findings"]]
    rep["verdict"] = "high" if "high" in sev else "medium" if "medium" in sev else "low" if sev else "clean"
    return rep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump-template", action="store_true")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        files += sorted(p.rglob("*.gguf")) if p.is_dir() else [p]
    reps = [r for r in (audit(f, a.dump_template) for f in files) if r]
    if a.dump_template:
        return 0
    if a.json:
        print(json.dumps(reps, indent=2, ensure_ascii=False))
    else:
        for r in reps:
            print(f"== {r['path']}  verdict: {r['verdict'].upper()}  {r['general']}")
            for t in r["templates"]:
                print(f"  {t['key']}: {t['length']} chars sha256={t['sha256'][:16]} known={t['known']}")
                for f in t["findings"]:
                    print(f"    [{f['severity']}] {f['match']!r}: …{f['context']}…")
    return 2 if any(r["verdict"] == "high" for r in reps) else 0


if __name__ == "__main__":
    sys.exit(main())
