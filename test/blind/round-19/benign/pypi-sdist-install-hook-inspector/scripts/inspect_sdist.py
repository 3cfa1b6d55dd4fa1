#!/usr/bin/env python3
"""Statically inspect a PyPI package's install-time code without installing or building it."""
import argparse
import ast
import html.parser
import io
import json
import os
import pathlib
import re
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile

NET_MODULES = {"urllib", "urllib.request", "urllib2", "requests", "http.client", "httpx", "socket",
               "aiohttp", "ftplib", "smtplib", "dns", "paramiko", "telnetlib"}
EXEC_CALLS = {"exec", "eval", "compile", "__import__"}
PROC_CALLS = {"os.system", "os.popen", "subprocess.Popen", "subprocess.run", "subprocess.call",
              "subprocess.check_call", "subprocess.check_output", "os.execv", "os.execve", "os.spawnl",
              "pty.spawn"}
DECODE_CALLS = {"base64.b64decode", "base64.b32decode", "base64.b85decode", "base64.a85decode",
                "zlib.decompress", "bz2.decompress", "lzma.decompress", "marshal.loads",
                "codecs.decode", "bytes.fromhex", "binascii.unhexlify"}
SENSITIVE_PATHS = re.compile(r"(\.bashrc|\.zshrc|\.profile|\.ssh|authorized_keys|Startup|LaunchAgents|"
                             r"autostart|crontab|\.aws|\.config/|AppData|Login Data|Local State|"
                             r"\.git-credentials|\.npmrc|\.pypirc|\.docker/config\.json)")
INSTALL_CMDS = {"install", "develop", "egg_info", "build_py", "build_ext", "sdist", "bdist_wheel"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


class Scanner(ast.NodeVisitor):
    def __init__(self, path, src, install_time):
        self.path, self.lines, self.install_time = path, src.splitlines(), install_time
        self.findings = []
        self.aliases = {}

    def add(self, node, sev, msg):
        line = self.lines[node.lineno - 1].strip() if getattr(node, "lineno", 0) else ""
        self.findings.append({"file": self.path, "line": getattr(node, "lineno", 0), "severity": sev,
                              "message": msg, "code": line[:160]})

    def visit_Import(self, node):
        for a in node.names:
            self.aliases[a.asname or a.name] = a.name
            if a.name.split(".")[0] in {m.split(".")[0] for m in NET_MODULES} and self.install_time:
                self.add(node, "high", f"network module '{a.name}' imported in install-time code")
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        mod = node.module or ""
        for a in node.names:
            self.aliases[a.asname or a.name] = f"{mod}.{a.name}"
        if mod.split(".")[0] in {m.split(".")[0] for m in NET_MODULES} and self.install_time:
            self.add(node, "high", f"network module '{mod}' imported in install-time code")
        self.generic_visit(node)

    def resolve(self, name):
        head, _, rest = name.partition(".")
        base = self.aliases.get(head, head)
        return f"{base}.{rest}" if rest else base

    def visit_Call(self, node):
        name = self.resolve(dotted(node.func))
        args_have_decode = any(isinstance(a, ast.Call) and self.resolve(dotted(a.func)) in DECODE_CALLS
                               for a in ast.walk(node) if a is not node)
        if name in EXEC_CALLS:
            sev = "high" if (args_have_decode or self.install_time) else "medium"
            self.add(node, sev, f"{name}() {'on decoded data ' if args_have_decode else ''}")
        elif name in PROC_CALLS and self.install_time:
            self.add(node, "high", f"process execution via {name} at install time")
        elif name in DECODE_CALLS and self.install_time:
            self.add(node, "medium", f"decoding call {name} in install-time code")
        elif name in ("open", "pathlib.Path.write_text", "shutil.copy") and self.install_time:
            for a in node.args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and SENSITIVE_PATHS.search(a.value):
                    self.add(node, "high", f"touches sensitive path {a.value!r}")
        if name.endswith("setup") and self.install_time:
            for kw in node.keywords:
                if kw.arg == "cmdclass" and isinstance(kw.value, ast.Dict):
                    for k in kw.value.keys:
                        if isinstance(k, ast.Constant) and k.value in INSTALL_CMDS:
                            self.add(node, "medium", f"custom cmdclass overrides '{k.value}'")
                if kw.arg == "setup_requires":
                    self.add(node, "info", "setup_requires pulls packages at build time")
        self.generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, (str, bytes)) and len(node.value) > 2048 and self.install_time:
            self.add(node, "medium", f"long literal ({len(node.value)} chars) in install-time code")
        if isinstance(node.value, str) and SENSITIVE_PATHS.search(node.value) and self.install_time:
            self.add(node, "medium", f"mentions sensitive path {node.value[:60]!r}")


def scan_tree(root):
    findings = []
    for path in pathlib.Path(root).rglob("*"):
        rel = str(path.relative_to(root))
        if path.suffix == ".pth":
            text = path.read_text("utf-8", "replace")
            sev = "high" if re.search(r"^\s*import\s", text, re.M) else "info"
            findings.append({"file": rel, "line": 1, "severity": sev,
                             "message": ".pth file runs at every interpreter start" if sev == "high"
                             else ".pth path entry", "code": text.strip()[:160]})
            continue
        if path.suffix != ".py" or not path.is_file():
            continue
        name = path.name
        install_time = name in ("setup.py", "conftest.py") or "build_backend" in rel or \
            rel.count(os.sep) <= 1 and name in ("_build.py", "build.py", "hatch_build.py")
        if not install_time and name != "__init__.py":
            continue
        src = path.read_text("utf-8", "replace")
        try:
            tree = ast.parse(src)
        except SyntaxError as exc:
            findings.append({"file": rel, "line": exc.lineno or 0, "severity": "medium",
                             "message": "file does not parse (obfuscated or Python 2)", "code": ""})
            continue
        s = Scanner(rel, src, install_time)
        s.visit(tree)
        findings += s.findings
    for pp in pathlib.Path(root).rglob("pyproject.toml"):
        text = pp.read_text("utf-8", "replace")
        m = re.search(r'build-backend\s*=\s*"([^"]+)"', text)
        if m and m.group(1).split(".")[0] not in ("setuptools", "hatchling", "flit_core", "poetry",
                                                  "pdm", "maturin", "scikit_build_core", "mesonpy"):
            findings.append({"file": str(pp.relative_to(root)), "line": 0, "severity": "info",
                             "message": f"custom build backend {m.group(1)}", "code": m.group(0)})
        if re.search(r'backend-path\s*=', text):
            findings.append({"file": str(pp.relative_to(root)), "line": 0, "severity": "medium",
                             "message": "in-tree build backend (backend-path): review it like setup.py",
                             "code": ""})
    return findings


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))


def fetch_files(spec, index_url, wheels):
    name, _, version = spec.partition("==")
    if not version:
        sys.exit("give an exact version: package==X.Y.Z")
    urls = []
    if index_url:
        with urllib.request.urlopen(f"{index_url.rstrip('/')}/{name}/", timeout=30) as r:
            p = LinkParser()
            p.feed(r.read().decode())
        for href in p.links:
            fn = href.split("#")[0].rsplit("/", 1)[-1]
            if f"-{version}" in fn and (fn.endswith((".tar.gz", ".zip")) or (wheels and fn.endswith(".whl"))):
                urls.append(urllib.parse.urljoin(f"{index_url.rstrip('/')}/{name}/", href.split("#")[0]))
    else:
        try:
            with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/{version}/json", timeout=30) as r:
                data = json.load(r)
        except urllib.error.HTTPError as exc:
            sys.exit(f"PyPI returned {exc.code} for {spec} (yanked, deleted or misspelled?)")
        info = data["info"]
        print(f"{info['name']} {info['version']}  author: {info.get('author') or '-'}  "
              f"home: {info.get('home_page') or (info.get('project_urls') or {}).get('Source', '-')}")
        for f in data["urls"]:
            if f["packagetype"] == "sdist" or (wheels and f["packagetype"] == "bdist_wheel"):
                urls.append(f["url"])
                print(f"  {f['filename']}  uploaded {f['upload_time_iso_8601']}")
    return urls


def unpack(blob, filename, dest):
    if filename.endswith((".tar.gz", ".tgz")):
        with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as t:
            safe = [m for m in t.getmembers() if m.isreg() or m.isdir()]
            safe = [m for m in safe if not (m.name.startswith("/") or ".." in pathlib.PurePosixPath(m.name).parts)]
            t.extractall(dest, members=safe)
    else:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            for n in z.namelist():
                if n.startswith("/") or ".." in pathlib.PurePosixPath(n).parts:
                    continue
                z.extract(n, dest)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("spec", nargs="?", help="package==version")
    ap.add_argument("--local", help="inspect a local sdist/wheel file instead of downloading")
    ap.add_argument("--wheels", action="store_true")
    ap.add_argument("--index-url")
    ap.add_argument("--keep", help="unpack here and keep it")
    ap.add_argument("--json")
    args = ap.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="sdist-inspect-")
    os.makedirs(work, exist_ok=True)
    try:
        if args.local:
            unpack(pathlib.Path(args.local).read_bytes(), args.local, os.path.join(work, "local"))
        else:
            if not args.spec:
                ap.error("give package==version or --local")
            for url in fetch_files(args.spec, args.index_url, args.wheels):
                fn = url.rsplit("/", 1)[-1]
                with urllib.request.urlopen(url, timeout=120) as r:
                    unpack(r.read(), fn, os.path.join(work, fn))
        findings = scan_tree(work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    order = {"high": 0, "medium": 1, "info": 2}
    findings.sort(key=lambda f: (order[f["severity"]], f["file"], f["line"]))
    for f in findings:
        print(f"[{f['severity'].upper():<6}] {f['file']}:{f['line']}  {f['message']}")
        if f["code"]:
            print(f"          {f['code']}")
    counts = {k: sum(1 for f in findings if f["severity"] == k) for k in order}
    print(f"summary: {counts['high']} high, {counts['medium']} medium, {counts['info']} info")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(findings, fh, indent=2)
    return 2 if counts["high"] else 0


if __name__ == "__main__":
    sys.exit(main())
