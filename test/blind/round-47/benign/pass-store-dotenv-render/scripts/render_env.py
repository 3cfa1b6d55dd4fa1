#!/usr/bin/env python3
"""Render a .env from a template whose values may be `pass:<path>` references."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(#.*)?$")


def parse(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if m:
                out.append((m.group(1), m.group(2)))
    return out


def pass_show(p):
    r = subprocess.run(["pass", "show", p], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return r.stdout.splitlines()[0] if r.stdout else ""


def quote(v):
    if re.search(r"[\s#'\"$\\]", v):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--template", default=".env.pass")
    ap.add_argument("--out", default=".env")
    ap.add_argument("--merge", action="store_true", help="keep keys in existing .env not in template")
    ap.add_argument("--check", action="store_true", help="only check that pass paths exist")
    a = ap.parse_args()

    entries = parse(a.template)
    rendered, missing = {}, []
    for name, value in entries:
        if value.startswith("pass:"):
            path = value[5:]
            if a.check:
                ok = subprocess.run(["pass", "ls", path], capture_output=True).returncode == 0
                print(f"{'OK     ' if ok else 'MISSING'} {name} ({path})")
                continue
            secret = pass_show(path)
            if secret is None:
                missing.append((name, path))
                print(f"MISSING {name} ({path})")
                continue
            rendered[name] = secret
            print(f"FILLED  {name}")
        else:
            rendered[name] = value
    if a.check:
        return

    if a.merge and os.path.exists(a.out):
        for name, value in parse(a.out):
            rendered.setdefault(name, value)

    d = os.path.dirname(os.path.abspath(a.out))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".env.tmp.")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# generated from %s by render_env.py — do not commit\n" % a.template)
            for k, v in rendered.items():
                f.write(f"{k}={quote(v)}\n")
        os.replace(tmp, a.out)
    except BaseException:
        os.unlink(tmp)
        raise
    print(f"wrote {a.out} (mode 600): {len(rendered)} variable(s), {len(missing)} missing")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
