#!/usr/bin/env python3
"""Static pickle inspector. Uses pickletools.genops only; never unpickles."""
import bz2, gzip, io, json, lzma, pickletools, sys, zipfile, zlib
from pathlib import Path

SAFE = {
    "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter",
    "torch.storage._load_from_bytes", "numpy.core.multiarray._reconstruct", "numpy.ndarray",
    "numpy.dtype", "numpy.core.multiarray.scalar", "builtins.set", "builtins.frozenset",
    "builtins.slice", "builtins.complex", "_codecs.encode",
}
DANGER_MODS = ("os", "posix", "nt", "subprocess", "socket", "shutil", "runpy", "importlib", "pty",
               "webbrowser", "sys", "code", "marshal", "ctypes", "multiprocessing", "urllib", "http",
               "requests", "pip")
DANGER_BUILTINS = {"eval", "exec", "compile", "__import__", "open", "breakpoint", "input"}


def classify(mod, name):
    full = f"{mod}.{name}"
    if full in SAFE or (mod == "torch" and name.endswith("Storage")):
        return "safe"
    if mod.split(".")[0] in DANGER_MODS:
        return "dangerous"
    if mod in ("builtins", "__builtin__") and name in DANGER_BUILTINS:
        return "dangerous"
    return "review"


def esc(v, n=120):
    s = repr(v)
    return s[:n] + ("…" if len(s) > n else "")


def inspect_stream(data, label):
    out = []
    strings = []
    pending = None
    try:
        for op, arg, pos in pickletools.genops(io.BytesIO(data)):
            if op.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "STRING", "SHORT_BINSTRING",
                           "BINSTRING", "BINUNICODE8", "SHORT_BINBYTES", "BINBYTES"):
                strings.append(arg)
                strings = strings[-4:]
            if op.name in ("GLOBAL", "INST"):
                mod, name = arg.split(" ", 1) if " " in arg else (arg, "")
                pending = (mod, name, pos)
                out.append({"src": label, "global": f"{mod}.{name}", "class": classify(mod, name), "pos": pos})
            elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                mod, name = str(strings[-2]), str(strings[-1])
                pending = (mod, name, pos)
                out.append({"src": label, "global": f"{mod}.{name}", "class": classify(mod, name), "pos": pos})
            elif op.name in ("REDUCE", "BUILD", "NEWOBJ", "NEWOBJ_EX", "OBJ") and pending:
                if classify(pending[0], pending[1]) != "safe":
                    out.append({"src": label, "global": f"{pending[0]}.{pending[1]}",
                                "class": classify(pending[0], pending[1]), "pos": pos,
                                "call": op.name, "arg": esc(strings[-1] if strings else None)})
    except Exception as e:  # truncated or non-pickle tail (legacy torch format)
        out.append({"src": label, "global": "-", "class": "note", "pos": -1, "arg": f"stopped: {e}"})
    return out


def streams(path):
    p = Path(path)
    if zipfile.is_zipfile(p):
        with zipfile.ZipFile(p) as z:
            for n in z.namelist():
                if n.endswith(".pkl"):
                    yield f"{p}!{n}", z.read(n)
        return
    raw = p.read_bytes()
    for dec in (None, zlib.decompress, gzip.decompress, bz2.decompress, lzma.decompress):
        try:
            data = dec(raw) if dec else raw
        except Exception:
            continue
        if data[:1] == b"\x80" or dec is None:
            yield str(p), data
            return


def main(argv):
    as_json = "--json" in argv
    targets = [a for a in argv if not a.startswith("--")]
    files = []
    for t in map(Path, targets):
        files += [f for f in t.rglob("*") if f.suffix in {".pkl", ".pt", ".pth", ".bin", ".ckpt", ".joblib"}] if t.is_dir() else [t]
    results = []
    for f in files:
        for label, data in streams(f):
            results += inspect_stream(data, label)
    if as_json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            extra = f"  {r.get('call','')} arg: {r['arg']}" if "arg" in r else ""
            print(f"{r['class']:<10} {r['global']:<45} @{r['pos']}{extra}   [{r['src']}]")
    return 1 if any(r["class"] == "dangerous" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
