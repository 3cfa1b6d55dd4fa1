#!/usr/bin/env python3
"""Static review of test-runner entry points. Does not import or execute target code."""
import argparse
import ast
import configparser
import json
import os
import re
import subprocess
import sys

try:
    import tomllib
except ImportError:  # py<3.11
    tomllib = None

NET = {"requests", "urllib", "urllib3", "httpx", "socket", "http.client", "aiohttp", "ftplib", "smtplib"}
PROC = {"subprocess", "os.system", "os.popen", "os.exec", "pty.spawn"}
DYN = {"exec", "eval", "compile", "__import__", "importlib.import_module", "marshal.loads", "base64.b64decode"}
SECRET_ENV = re.compile(r"(TOKEN|SECRET|PASSWORD|AWS_|GITHUB_|NPM_|PYPI|KEY)", re.I)
HOOKS = {"pytest_configure", "pytest_sessionstart", "pytest_sessionfinish", "pytest_collection_modifyitems",
         "pytest_load_initial_conftests", "pytest_cmdline_main", "pytest_addoption", "pytest_unconfigure"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


class ConftestVisitor(ast.NodeVisitor):
    def __init__(self):
        self.scope = ["top-level"]
        self.rows = []

    def visit_FunctionDef(self, node):
        deco = [dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
        autouse = any(isinstance(d, ast.Call) and any(k.arg == "autouse" and getattr(k.value, "value", False) for k in d.keywords) for d in node.decorator_list)
        if node.name in HOOKS:
            label = node.name
        elif any(d.endswith("fixture") for d in deco):
            label = "fixture %s%s" % (node.name, " (autouse)" if autouse else "")
        else:
            label = "def " + node.name
        self.scope.append(label)
        self.generic_visit(node)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node):
        name = dotted(node.func)
        where = self.scope[-1]
        hot = where == "top-level" or where in HOOKS or "(autouse)" in where
        if any(name == p or name.startswith(p + ".") for p in PROC):
            self.rows.append((node.lineno, where, name, "HIGH" if hot else "MEDIUM", "process"))
        elif any(name.split(".")[0] == n.split(".")[0] for n in NET) and name not in {"socket.gethostname"}:
            self.rows.append((node.lineno, where, name, "HIGH" if hot else "MEDIUM", "network"))
        elif name in DYN:
            self.rows.append((node.lineno, where, name, "HIGH", "dynamic code"))
        elif name in {"open", "pathlib.Path.write_text", "shutil.copy"}:
            self.rows.append((node.lineno, where, name, "INFO", "file access"))
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if dotted(node.value) == "os.environ":
            key = getattr(node.slice, "value", "?")
            sev = "MEDIUM" if isinstance(key, str) and SECRET_ENV.search(key) else "INFO"
            self.rows.append((node.lineno, self.scope[-1], "os.environ[%r]" % key, sev, "env read"))
        self.generic_visit(node)

    def visit_Assign(self, node):
        for t in node.targets:
            if isinstance(t, ast.Name) and t.id == "pytest_plugins":
                self.rows.append((node.lineno, "top-level", "pytest_plugins = " + ast.unparse(node.value)[:120], "INFO", "plugin list"))
        self.generic_visit(node)


JS_PATTERNS = [
    (r"child_process|execSync|spawnSync|\bexeca\b|\$`", "process", "MEDIUM"),
    (r"\bfetch\(|axios|https?\.request|got\(|node:net|WebSocket", "network", "MEDIUM"),
    (r"\beval\(|new Function\(|Buffer\.from\([^)]*base64", "dynamic code", "HIGH"),
    (r"process\.env\.[A-Z_]*(TOKEN|SECRET|KEY|PASSWORD|AWS|NPM)", "secret env read", "MEDIUM"),
    (r"os\.homedir\(\)|\.ssh|\.npmrc|\.bashrc|\.zshrc|\.git/hooks", "home/dotfile path", "HIGH"),
]


def js_scan(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh, 1):
            for pat, kind, sev in JS_PATTERNS:
                if re.search(pat, line):
                    rows.append((i, "module", line.strip()[:100], sev, kind))
    return rows


def jest_entries(root):
    out = []
    cfgs = [f for f in os.listdir(root) if re.match(r"(jest|vitest|vite)\.config\.(js|cjs|mjs|ts)$", f)]
    for c in cfgs:
        text = open(os.path.join(root, c), encoding="utf-8", errors="replace").read()
        for key in ("globalSetup", "globalTeardown", "setupFiles", "setupFilesAfterEach", "setupFilesAfterEnv", "testEnvironment", "reporters"):
            for m in re.finditer(key + r"\s*:\s*(\[[^\]]*\]|['\"][^'\"]+['\"])", text):
                for ref in re.findall(r"['\"]([^'\"]+)['\"]", m.group(1)):
                    out.append((c, key, ref))
    pkg = os.path.join(root, "package.json")
    if os.path.exists(pkg):
        jest = json.load(open(pkg)).get("jest", {})
        for key, val in jest.items():
            if key.startswith(("globalSetup", "globalTeardown", "setupFiles", "testEnvironment")):
                for ref in val if isinstance(val, list) else [val]:
                    out.append(("package.json#jest", key, ref))
    for rc in (".mocharc.js", ".mocharc.json", ".mocharc.yml", ".mocharc.yaml"):
        p = os.path.join(root, rc)
        if os.path.exists(p):
            for ref in re.findall(r"require['\"]?\s*:\s*\[?\s*['\"]([^'\"]+)", open(p).read()):
                out.append((rc, "require", ref))
    return out


def pytest_addopts(root):
    opts = []
    for name in ("pytest.ini", "setup.cfg", "tox.ini"):
        p = os.path.join(root, name)
        if os.path.exists(p):
            cp = configparser.ConfigParser()
            cp.read(p)
            for sec in ("pytest", "tool:pytest"):
                if cp.has_option(sec, "addopts"):
                    opts.append((name, cp.get(sec, "addopts")))
    pp = os.path.join(root, "pyproject.toml")
    if tomllib and os.path.exists(pp):
        data = tomllib.load(open(pp, "rb"))
        ao = data.get("tool", {}).get("pytest", {}).get("ini_options", {}).get("addopts")
        if ao:
            opts.append(("pyproject.toml", ao if isinstance(ao, str) else " ".join(ao)))
    return opts


def changed_files(root, base):
    out = subprocess.run(["git", "-C", root, "diff", "--name-only", base + "...HEAD"], capture_output=True, text=True)
    return set(out.stdout.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--diff", metavar="BASE")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    only = changed_files(root, a.diff) if a.diff else None
    report = []

    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in {".git", "node_modules", ".venv", "venv", ".tox"}]
        for f in files:
            rel = os.path.relpath(os.path.join(dirpath, f), root)
            if only is not None and rel not in only:
                continue
            if f == "conftest.py":
                v = ConftestVisitor()
                try:
                    v.visit(ast.parse(open(os.path.join(dirpath, f), encoding="utf-8").read()))
                except SyntaxError as e:
                    v.rows.append((e.lineno or 0, "-", "syntax error", "MEDIUM", "cannot parse"))
                report.append({"runner": "pytest", "entry": rel, "rows": v.rows})
            elif f.endswith("_test.go") and "TestMain(" in open(os.path.join(dirpath, f), errors="replace").read():
                report.append({"runner": "go", "entry": rel, "rows": js_scan(os.path.join(dirpath, f))})

    for src, opts in pytest_addopts(root):
        plugins = re.findall(r"-p\s+(\S+)", opts)
        if plugins:
            report.append({"runner": "pytest", "entry": src + " addopts", "rows": [(0, "addopts", "-p " + p, "MEDIUM", "plugin loaded") for p in plugins]})

    for cfg, key, ref in jest_entries(root):
        target = os.path.normpath(os.path.join(root, ref.replace("<rootDir>/", "")))
        rows = []
        for cand in (target, target + ".js", target + ".ts", target + ".mjs", target + ".cjs"):
            if os.path.isfile(cand):
                rows = js_scan(cand)
                break
        else:
            rows = [(0, key, ref, "INFO", "package or unresolved path; check as a dependency")]
        report.append({"runner": "js", "entry": "%s -> %s: %s" % (cfg, key, ref), "rows": rows})

    if a.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        for r in report:
            print("%-6s %s" % (r["runner"], r["entry"]))
            for line, where, what, sev, kind in r["rows"]:
                print("  L%-4s %-28s %-48s %-6s %s" % (line, where[:28], what[:48], sev, kind))
            if not r["rows"]:
                print("  (no calls of interest)")
    return 1 if any(row[3] == "HIGH" for r in report for row in r["rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
