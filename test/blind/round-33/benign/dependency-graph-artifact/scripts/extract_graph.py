#!/usr/bin/env python3
"""Extract a dependency graph from a lockfile into JSON (offline)."""
import argparse
import json
import sys
from collections import defaultdict, deque
from pathlib import Path

COPYLEFT = ("GPL", "AGPL", "LGPL", "MPL", "EPL", "CDDL")


def family(lic):
    if not lic:
        return "unknown"
    return "copyleft" if any(k in str(lic).upper() for k in COPYLEFT) else "permissive"


def npm_lock(path, include_dev):
    data = json.loads(Path(path).read_text())
    pkgs = data.get("packages")
    if pkgs is None:
        sys.exit("lockfileVersion 1 is not supported; run `npm install --package-lock-only` with npm 7+")
    nodes, edges, roots = {}, [], []

    def resolve(from_path, name):
        # node resolution: walk up nested node_modules
        base = from_path
        while True:
            cand = f"{base}/node_modules/{name}" if base else f"node_modules/{name}"
            if cand in pkgs:
                return cand
            if not base:
                return None
            idx = base.rfind("/node_modules/")
            base = base[:idx] if idx >= 0 else ""

    for key, meta in pkgs.items():
        if meta.get("dev") and not include_dev:
            continue
        if key == "" or not key.startswith("node_modules/") and "node_modules/" not in key:
            roots.append(key or ".")
        name = meta.get("name") or key.rsplit("node_modules/", 1)[-1] or data.get("name", ".")
        nodes[key or "."] = {"id": key or ".", "name": name, "version": meta.get("version"),
                             "dev": bool(meta.get("dev")), "license": meta.get("license")}
    for key, meta in pkgs.items():
        src = key or "."
        if src not in nodes:
            continue
        deps = {**meta.get("dependencies", {}), **meta.get("optionalDependencies", {})}
        if include_dev and src in roots:
            deps.update(meta.get("devDependencies", {}))
        for dep in deps:
            target = resolve(key, dep)
            if target and target in nodes:
                edges.append([src, target])
    return nodes, edges, roots


def py_lock(path, include_dev):
    import tomllib
    data = tomllib.loads(Path(path).read_text())
    nodes, edges = {}, []
    packages = data.get("package", [])
    for p in packages:
        nid = f"{p['name']}@{p.get('version')}"
        nodes[nid] = {"id": nid, "name": p["name"], "version": p.get("version"), "dev": False,
                      "license": None}
    by_name = defaultdict(list)
    for nid, n in nodes.items():
        by_name[n["name"].lower()].append(nid)
    for p in packages:
        src = f"{p['name']}@{p.get('version')}"
        deps = p.get("dependencies", [])
        if isinstance(deps, dict):  # poetry
            deps = [{"name": k} for k in deps]
        if include_dev:
            for group in (p.get("dev-dependencies") or {}).values():
                deps = deps + group
        for d in deps:
            for target in by_name.get(d["name"].lower(), []):
                edges.append([src, target])
    roots = [nid for nid, n in nodes.items()
             if any(p.get("source", {}).get("editable") or p.get("source", {}).get("virtual")
                    for p in packages if f"{p['name']}@{p.get('version')}" == nid)]
    return nodes, edges, roots or list(nodes)[:1]


def prune(nodes, edges, roots, max_depth, focus):
    adj = defaultdict(list)
    for a, b in edges:
        adj[a].append(b)
    keep = set()
    if max_depth:
        q = deque((r, 0) for r in roots)
        while q:
            n, d = q.popleft()
            if n in keep or d > max_depth:
                continue
            keep.add(n)
            q.extend((m, d + 1) for m in adj[n])
    else:
        keep = set(nodes)
    if focus:
        rev = defaultdict(list)
        for a, b in edges:
            rev[b].append(a)
        targets = {n for n in nodes if nodes[n]["name"] == focus}
        anc, q = set(), deque(targets)
        while q:
            n = q.popleft()
            if n in anc:
                continue
            anc.add(n)
            q.extend(rev[n])
        keep &= anc
    return ({k: v for k, v in nodes.items() if k in keep},
            [e for e in edges if e[0] in keep and e[1] in keep])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("lockfile")
    ap.add_argument("--out", default="graph.json")
    ap.add_argument("--include-dev", action="store_true")
    ap.add_argument("--max-depth", type=int)
    ap.add_argument("--focus")
    a = ap.parse_args()

    name = Path(a.lockfile).name
    if name == "package-lock.json":
        nodes, edges, roots = npm_lock(a.lockfile, a.include_dev)
    elif name in ("uv.lock", "poetry.lock"):
        nodes, edges, roots = py_lock(a.lockfile, a.include_dev)
    else:
        sys.exit(f"unsupported lockfile: {name}")

    nodes, edges = prune(nodes, edges, roots, a.max_depth, a.focus)
    versions = defaultdict(set)
    for n in nodes.values():
        versions[n["name"]].add(n["version"])
    for n in nodes.values():
        n["dup"] = len(versions[n["name"]]) > 1
        n["licenseFamily"] = family(n["license"])
    Path(a.out).write_text(json.dumps({"nodes": list(nodes.values()), "edges": edges,
                                       "roots": [r for r in roots if r in nodes]}))
    print(f"{len(nodes)} nodes, {len(edges)} edges -> {a.out}")


if __name__ == "__main__":
    main()
