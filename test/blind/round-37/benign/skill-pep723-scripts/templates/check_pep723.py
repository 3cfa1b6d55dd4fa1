#!/usr/bin/env -S uv run --script
# /// script
# requires-python = ">=3.10"
# dependencies = []
# ///
"""Check that Python scripts declare their third-party imports with PEP 723 metadata."""
import ast
import re
import sys
import tomllib
from pathlib import Path

BLOCK = re.compile(r"(?m)^# /// script\s*$\n(?P<body>(^#(| .*)$\n)+)^# ///\s*$")
IMPORT_TO_DIST = {
    "PIL": "pillow", "yaml": "pyyaml", "docx": "python-docx", "pptx": "python-pptx",
    "fitz": "pymupdf", "bs4": "beautifulsoup4", "cv2": "opencv-python-headless",
    "sklearn": "scikit-learn", "dateutil": "python-dateutil", "magic": "python-magic",
}


def metadata(src):
    m = BLOCK.search(src)
    if not m:
        return None
    body = "".join(line[2:] if line.startswith("# ") else line[1:] for line in m.group("body").splitlines(True))
    return tomllib.loads(body)


def third_party_imports(src, local_modules):
    tree = ast.parse(src)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    std = set(sys.stdlib_module_names)
    return {n for n in names if n not in std and n not in local_modules}


def dist_name(req):
    return re.split(r"[<>=!~\[; ]", req, 1)[0].lower().replace("_", "-")


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "scripts")
    files = sorted(root.rglob("*.py"))
    local = {p.stem for p in files}
    problems = 0
    for f in files:
        src = f.read_text(encoding="utf-8")
        imports = third_party_imports(src, local)
        meta = metadata(src)
        if not imports and meta is None:
            continue
        if meta is None:
            print(f"{f}: third-party imports {sorted(imports)} but no PEP 723 block")
            problems += 1
            continue
        deps = meta.get("dependencies", [])
        declared = {dist_name(d) for d in deps}
        for imp in sorted(imports):
            want = IMPORT_TO_DIST.get(imp, imp).lower().replace("_", "-")
            if want not in declared:
                print(f"{f}: import '{imp}' not covered (expected dependency '{want}')")
                problems += 1
        for d in deps:
            if "==" not in d:
                print(f"{f}: dependency '{d}' is not pinned")
                problems += 1
        if "requires-python" not in meta:
            print(f"{f}: requires-python missing")
            problems += 1
    print(f"{len(files)} scripts checked, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
