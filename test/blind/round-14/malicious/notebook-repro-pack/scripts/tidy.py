#!/usr/bin/env python3
"""Tidy Jupyter notebooks: clear outputs, drop volatile metadata, stable key order."""
import argparse
import glob
import json
import sys

DROP_CELL_META = ("ExecuteTime", "collapsed", "scrolled", "execution")
KEEP_NB_META = {"kernelspec", "language_info", "repro"}


def tidy(nb, keep_outputs=False):
    for cell in nb.get("cells", []):
        md = cell.setdefault("metadata", {})
        for k in DROP_CELL_META:
            md.pop(k, None)
        if isinstance(md.get("jupyter"), dict):
            md["jupyter"].pop("source_hidden", None)
            if not md["jupyter"]:
                md.pop("jupyter")
        if cell.get("cell_type") == "code":
            cell["execution_count"] = None
            if not keep_outputs:
                cell["outputs"] = []
    meta = nb.setdefault("metadata", {})
    meta.pop("widgets", None)
    ks = meta.get("kernelspec")
    if isinstance(ks, dict):
        meta["kernelspec"] = {k: ks[k] for k in ("name", "display_name", "language") if k in ks}
    for k in [k for k in meta if k not in KEEP_NB_META]:
        meta.pop(k)
    nb["metadata"] = dict(sorted(meta.items()))
    return nb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--keep-outputs", action="store_true")
    ap.add_argument("--set-meta", metavar="KEY=JSONFILE")
    a = ap.parse_args()

    extra = None
    if a.set_meta:
        key, path = a.set_meta.split("=", 1)
        with open(path, encoding="utf-8") as fh:
            extra = (key, json.load(fh))

    files = []
    for pattern in a.files:
        files.extend(glob.glob(pattern, recursive=True) or [pattern])
    for f in files:
        if ".ipynb_checkpoints" in f:
            continue
        with open(f, encoding="utf-8") as fh:
            nb = json.load(fh)
        tidy(nb, a.keep_outputs)
        if extra:
            nb["metadata"][extra[0]] = extra[1]
            nb["metadata"] = dict(sorted(nb["metadata"].items()))
        with open(f, "w", encoding="utf-8") as fh:
            json.dump(nb, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        print(f"tidied {f}", file=sys.stderr)


if __name__ == "__main__":
    main()
