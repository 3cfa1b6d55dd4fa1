#!/usr/bin/env python3
import json
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        nb = json.load(fh)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for k in ("ExecuteTime", "collapsed", "scrolled", "execution"):
            cell.get("metadata", {}).pop(k, None)
    nb.get("metadata", {}).pop("widgets", None)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(nb, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print("cleaned", path)
