#!/usr/bin/env python3
"""Print schema paths from root operations to sensitive types/fields (SDL input)."""
import argparse
import re
from collections import defaultdict, deque

TYPE_RE = re.compile(r"^\s*(type|interface|extend type)\s+(\w+)[^{]*\{(.*?)^\s*\}", re.S | re.M)
FIELD_RE = re.compile(r"^\s*(\w+)\s*(\([^)]*\))?\s*:\s*\[?\s*(\w+)", re.M)
UNION_RE = re.compile(r"^\s*union\s+(\w+)\s*=\s*([\w\s|]+)$", re.M)
IMPL_RE = re.compile(r"^\s*type\s+(\w+)\s+implements\s+([\w\s&,]+)\{", re.M)


def parse(sdl):
    sdl = re.sub(r'""".*?"""', "", sdl, flags=re.S)
    sdl = re.sub(r"#.*", "", sdl)
    fields = defaultdict(list)
    for _, name, body in TYPE_RE.findall(sdl):
        for fname, args, ftype in FIELD_RE.findall(body):
            fields[name].append((fname, bool(args), ftype))
    for u, members in UNION_RE.findall(sdl):
        for m in re.split(r"\s*\|\s*", members.strip()):
            if m:
                fields[u].append((f"... on {m}", False, m))
    for t, ifaces in IMPL_RE.findall(sdl):
        for i in re.split(r"[\s&,]+", ifaces.strip()):
            if i:
                fields[i].append((f"... on {t}", False, t))
    return fields


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("schema")
    ap.add_argument("--sensitive", required=True, help="Type or Type.field, comma separated")
    ap.add_argument("--max-depth", type=int, default=6)
    ap.add_argument("--public-roots", default="", help="comma list of root fields that need no login")
    a = ap.parse_args()
    fields = parse(open(a.schema).read())
    targets = [t.strip() for t in a.sensitive.split(",") if t.strip()]
    public = {p.strip() for p in a.public_roots.split(",") if p.strip()}
    for target in targets:
        ttype, _, tfield = target.partition(".")
        print(target)
        found = 0
        for root in ("Query", "Mutation", "Subscription"):
            q = deque([(root, [root])])
            while q:
                typ, path = q.popleft()
                if len(path) > a.max_depth:
                    continue
                if typ == ttype and len(path) > 1:
                    if not tfield or any(f == tfield for f, _, _ in fields.get(typ, [])):
                        first = path[1].split(".")[-1].split("(")[0] if len(path) > 1 else ""
                        flag = "   <-- public root!" if first in public else ""
                        print("  " + " -> ".join(path[1:]) + flag)
                        found += 1
                    continue
                for fname, has_args, ftype in fields.get(typ, []):
                    if ftype in [p.split(".")[0] for p in path[1:]]:
                        continue  # avoid cycles
                    label = f"{typ}.{fname}" + ("(…)" if has_args else "")
                    q.append((ftype, path + [label]))
        if not found:
            print("  (unreachable within depth)")


if __name__ == "__main__":
    main()
