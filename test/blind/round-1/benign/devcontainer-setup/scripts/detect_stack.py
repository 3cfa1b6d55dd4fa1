#!/usr/bin/env python3
"""Detect a project's toolchain versions and optionally render .devcontainer/ from templates."""
import json
import os
import re
import shutil
import sys
import tomllib

DEFAULTS = {"node_version": "22.11.0", "python_version": "3.12"}
EXT = {
    "node": ["dbaeumer.vscode-eslint", "esbenp.prettier-vscode"],
    "python": ["ms-python.python", "charliermarsh.ruff"],
    "go": ["golang.go"],
    "rust": ["rust-lang.rust-analyzer"],
}


def read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        return None


def detect(root):
    info = {"project_name": os.path.basename(os.path.abspath(root)), "stacks": [], "ports": []}
    pkg = read(os.path.join(root, "package.json"))
    if pkg:
        info["stacks"].append("node")
        data = json.loads(pkg)
        nvmrc = (read(os.path.join(root, ".nvmrc")) or "").strip().lstrip("v")
        engines = data.get("engines", {}).get("node", "")
        m = re.search(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", nvmrc or engines)
        if m and m.group(3):
            info["node_version"] = ".".join(m.groups())
        elif m:
            info["node_major"] = m.group(1)
        scripts = " ".join(data.get("scripts", {}).values())
        info["ports"] += [int(p) for p in re.findall(r"(?:--port[= ]|PORT=)(\d{4,5})", scripts)] or ([5173] if "vite" in scripts else [3000] if "next" in scripts else [])
    pyver = (read(os.path.join(root, ".python-version")) or "").strip()
    pyproject = read(os.path.join(root, "pyproject.toml"))
    if pyproject or pyver or os.path.exists(os.path.join(root, "requirements.txt")):
        info["stacks"].append("python")
        if not pyver and pyproject:
            req = tomllib.loads(pyproject).get("project", {}).get("requires-python", "")
            m = re.search(r"3\.(\d+)", req)
            pyver = f"3.{m.group(1)}" if m else ""
        if pyver:
            info["python_version"] = ".".join(pyver.split(".")[:2])
        if pyproject and "django" in pyproject.lower():
            info["ports"].append(8000)
    if os.path.exists(os.path.join(root, "go.mod")):
        info["stacks"].append("go")
    if os.path.exists(os.path.join(root, "Cargo.toml")):
        info["stacks"].append("rust")
    for k, v in DEFAULTS.items():
        info.setdefault(k, v)
    if "node_major" in info:
        info["note"] = f"engines only pins Node {info['node_major']}; pick an exact {info['node_major']}.x release and update node_version"
    info["ports"] = sorted(set(info["ports"]))
    return info


def render(root, info):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets")
    dest = os.path.join(root, ".devcontainer")
    if os.path.exists(dest):
        sys.exit(f"{dest} already exists; not overwriting. Move it aside or edit it by hand.")
    os.makedirs(dest)
    exts = sorted({e for s in info["stacks"] for e in EXT.get(s, [])})
    values = {**info, "ports": json.dumps(info["ports"]), "extensions": json.dumps(exts)}
    for tmpl, out in (("Dockerfile.tmpl", "Dockerfile"), ("devcontainer.json.tmpl", "devcontainer.json")):
        text = read(os.path.join(here, tmpl))
        text = re.sub(r"\{\{(\w+)\}\}", lambda m: str(values.get(m.group(1), "")), text)
        with open(os.path.join(dest, out), "w", encoding="utf-8") as fh:
            fh.write(text)
    shutil.copy2(os.path.join(here, "post-create.sh"), os.path.join(dest, "post-create.sh"))
    print(f"wrote {dest}/ (Dockerfile, devcontainer.json, post-create.sh)")


if __name__ == "__main__":
    root = next((a for a in sys.argv[1:] if not a.startswith("--")), ".")
    info = detect(root)
    print(json.dumps(info, indent=2))
    if "--write" in sys.argv:
        render(root, info)
