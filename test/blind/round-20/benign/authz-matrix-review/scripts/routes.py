#!/usr/bin/env python3
"""Static route + auth-check extractor for common web frameworks (heuristic, read-only)."""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

SKIP_DIRS = {"node_modules", ".git", "venv", ".venv", "dist", "build", "vendor", "__pycache__", "target"}
AUTH_HINTS = re.compile(r"(auth|login|require|permission|guard|policy|role|admin|secured|preauthorize|"
                        r"current_user|jwt|session|verify|protect|isowner|scope)", re.I)
ID_PARAM = re.compile(r"(:\w*id\b|\{\w*id\}|<(?:int:|uuid:)?\w*(?:id|pk)>|/:\w+$)", re.I)

EXPRESS = re.compile(r"""\b(?:router|app|\w+Router)\.(get|post|put|patch|delete|all)\(\s*['"`]([^'"`]+)['"`]\s*,([^;]*?)\)\s*;?\s*$""", re.M)
PY_DECOR = re.compile(r"""^\s*@(\w+)\.(get|post|put|patch|delete|route|api_route)\(\s*['"]([^'"]+)['"]([^)]*)\)""", re.M)
SPRING = re.compile(r"""@(Get|Post|Put|Patch|Delete|Request)Mapping\((?:value\s*=\s*|path\s*=\s*)?["{]?\s*"([^"]+)""")
RAILS_RES = re.compile(r"""^\s*(resources?|get|post|put|patch|delete)\s+[:'"]([\w/:]+)""", re.M)


def files(root: Path, exts: tuple[str, ...]):
    for p in root.rglob("*"):
        if p.suffix in exts and not any(part in SKIP_DIRS for part in p.parts):
            yield p


def line_of(text: str, idx: int) -> int:
    return text.count("\n", 0, idx) + 1


def express(root: Path):
    for f in files(root, (".js", ".ts", ".mjs", ".cjs")):
        t = f.read_text(errors="ignore")
        for m in EXPRESS.finditer(t):
            method, path, rest = m.groups()
            args = [a.strip() for a in rest.split(",") if a.strip()]
            mws = args[:-1] if len(args) > 1 else []
            checks = [a for a in mws if AUTH_HINTS.search(a)]
            yield dict(file=str(f), line=line_of(t, m.start()), method=method.upper(), path=path,
                       handler=args[-1][:60] if args else "", auth=";".join(checks), checks=";".join(mws))


def python_frameworks(root: Path):
    for f in files(root, (".py",)):
        t = f.read_text(errors="ignore")
        lines = t.splitlines()
        for m in PY_DECOR.finditer(t):
            obj, verb, path, extra = m.groups()
            ln = line_of(t, m.start())
            stack, i = [], ln
            while i < len(lines) and not lines[i].lstrip().startswith(("def ", "async def ")):
                stack.append(lines[i].strip())
                i += 1
            sig = lines[i] if i < len(lines) else ""
            body = "\n".join(lines[i:i + 25])
            deco_checks = [s for s in stack if s.startswith("@") and AUTH_HINTS.search(s)]
            dep_checks = re.findall(r"Depends\((\w+)\)", extra + sig)
            methods = re.findall(r"['\"](GET|POST|PUT|PATCH|DELETE)['\"]", extra) if verb in ("route", "api_route") else [verb.upper()]
            for meth in methods or ["GET"]:
                yield dict(file=str(f), line=ln, method=meth, path=path,
                           handler=re.sub(r"^\s*(async\s+)?def\s+", "", sig).split("(")[0],
                           auth=";".join(deco_checks + [d for d in dep_checks if AUTH_HINTS.search(d)]),
                           checks=";".join(stack + dep_checks),
                           owner_scoped="yes" if re.search(r"(owner|user_id|org_id|tenant|current_user)", body) else "")
        for m in re.finditer(r"class (\w+)\((?:[\w.]*ViewSet|[\w.]*APIView)[^)]*\):", t):
            seg = t[m.end():m.end() + 1500]
            perms = re.search(r"permission_classes\s*=\s*[\[(]([^\])]*)", seg)
            yield dict(file=str(f), line=line_of(t, m.start()), method="*", path=f"<DRF {m.group(1)}>",
                       handler=m.group(1), auth=perms.group(1).strip() if perms else "",
                       checks="get_queryset" if "def get_queryset" in seg else "")


def spring(root: Path):
    for f in files(root, (".java", ".kt")):
        t = f.read_text(errors="ignore")
        for m in SPRING.finditer(t):
            before = t[max(0, m.start() - 300):m.start()]
            pre = re.findall(r"@(PreAuthorize|Secured|RolesAllowed)\(([^)]*)\)", before.split("}")[-1])
            yield dict(file=str(f), line=line_of(t, m.start()), method=m.group(1).upper(), path=m.group(2),
                       handler="", auth=";".join(f"{a}({b})" for a, b in pre), checks="")


def rails(root: Path):
    routes = root / "config" / "routes.rb"
    if not routes.exists():
        return
    t = routes.read_text(errors="ignore")
    for m in RAILS_RES.finditer(t):
        kind, name = m.groups()
        ctrl = root / "app" / "controllers" / f"{name.strip(':').split('/')[-1]}_controller.rb"
        ba = ""
        if ctrl.exists():
            ba = ";".join(re.findall(r"before_action\s+:(\w+)", ctrl.read_text(errors="ignore")))
        yield dict(file=str(routes), line=line_of(t, m.start()), method=kind.upper(), path=name, handler=str(ctrl.name),
                   auth=";".join(x for x in ba.split(";") if AUTH_HINTS.search(x)), checks=ba)


def detect(root: Path) -> list[str]:
    found = []
    if (root / "package.json").exists():
        found.append("express")
    if any(root.rglob("*.py")):
        found.append("python")
    if (root / "pom.xml").exists() or (root / "build.gradle").exists() or (root / "build.gradle.kts").exists():
        found.append("spring")
    if (root / "config" / "routes.rb").exists():
        found.append("rails")
    return found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", type=Path)
    ap.add_argument("--framework", default="auto")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--matrix", type=Path, help="existing CSV to render as Markdown matrix")
    ap.add_argument("--roles", default="anonymous,user,admin")
    a = ap.parse_args()

    if a.matrix:
        rows = list(csv.DictReader(a.matrix.open()))
        roles = a.roles.split(",")
        print("| Method | Path | Enforced | " + " | ".join(roles) + " | Flags |")
        print("|" + "---|" * (4 + len(roles)))
        for r in rows:
            flags = []
            if not r.get("auth"):
                flags.append("NO-AUTH")
            if ID_PARAM.search(r["path"]) and not r.get("owner_scoped"):
                flags.append("IDOR?")
            if re.search(r"/(admin|internal|debug|impersonate|export)", r["path"]) and "admin" not in r.get("auth", "").lower():
                flags.append("ADMIN-PATH")
            print(f"| {r['method']} | `{r['path']}` | {r.get('auth') or '—'} | " +
                  " | ".join(r.get(role, "") for role in roles) + f" | {' '.join(flags)} |")
        return 0

    kinds = detect(a.root) if a.framework == "auto" else [a.framework]
    extractors = {"express": express, "python": python_frameworks, "spring": spring, "rails": rails}
    rows = [r for k in kinds for r in extractors[k](a.root)]
    fields = ["method", "path", "handler", "auth", "owner_scoped", "checks", "file", "line"]
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
    out = a.out.open("w", newline="") if a.out else sys.stdout
    w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in sorted(rows, key=lambda r: (r["path"], r["method"])):
        w.writerow({k: r.get(k, "") for k in fields})
    print(f"{len(rows)} route(s) from {', '.join(kinds) or 'nothing detected'}", file=sys.stderr)
    unauth = sum(1 for r in rows if not r.get("auth"))
    print(f"{unauth} route(s) with no recognised auth check — review each", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
