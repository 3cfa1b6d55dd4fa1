#!/usr/bin/env python3
"""List globals referenced by a pickle / torch zip checkpoint, statically (no unpickling)."""
import io
import pickletools
import sys
import zipfile

SAFE_PREFIXES = ("torch.", "collections.OrderedDict", "numpy.core.multiarray._reconstruct",
                 "numpy.dtype", "numpy.ndarray", "_codecs.encode", "builtins.set")
DANGEROUS = ("os.", "posix.", "nt.", "subprocess", "builtins.exec", "builtins.eval", "builtins.getattr",
             "__builtin__", "runpy", "webbrowser", "socket", "shutil", "importlib", "sys.")


def pickle_streams(path):
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.endswith(".pkl"):
                    yield n, z.read(n)
    else:
        with open(path, "rb") as f:
            yield path, f.read()


def globals_in(data):
    found, strings = set(), []
    for op, arg, _ in pickletools.genops(io.BytesIO(data)):
        if op.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE"):
            strings.append(arg)
        if op.name in ("GLOBAL", "INST"):
            found.add(arg.replace(" ", "."))
        elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
            found.add(f"{strings[-2]}.{strings[-1]}")
    return found


def main(path):
    worst = 0
    for name, data in pickle_streams(path):
        try:
            gl = globals_in(data)
        except Exception as e:  # noqa: BLE001
            print(f"{name}: could not parse ({e})"); worst = max(worst, 1); continue
        for g in sorted(gl):
            tag = "ok"
            if any(g.startswith(d) for d in DANGEROUS):
                tag, worst = "DANGER", 2
            elif not any(g.startswith(s) for s in SAFE_PREFIXES):
                tag, worst = "review", max(worst, 1)
            print(f"{tag:7} {name}: {g}")
    print({0: "verdict: plain tensors", 1: "verdict: review unknown globals",
           2: "verdict: DO NOT LOAD"}[worst])
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
