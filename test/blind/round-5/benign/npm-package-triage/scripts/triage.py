#!/usr/bin/env python3
"""Static triage of an unpacked npm package (optionally against the previous version). Reads files only.

usage: triage.py NEW_DIR [OLD_DIR]
"""
import hashlib
import json
import re
import sys
from pathlib import Path

IND = [
    ("exec", 1, re.compile(r"child_process|execSync\(|\bspawn\(")),
    ("dyn-eval", 2, re.compile(r"\beval\(|new Function\(|vm\.runIn")),
    ("b64-blob", 2, re.compile(r"['\"][A-Za-z0-9+/]{200,}={0,2}['\"]")),
    ("b64-decode", 1, re.compile(r"Buffer\.from\([^)]*['\"]base64['\"]|\batob\(")),
    ("env-sweep", 3, re.compile(r"Object\.(keys|entries)\(process\.env\)|JSON\.stringify\(process\.env\)")),
    ("cred-path", 3, re.compile(r"\.npmrc|\.ssh/|\.aws/credentials|\.config/gh/hosts\.yml|\.docker/config\.json|\.kube/config")),
    ("wallet-path", 3, re.compile(r"Exodus|Electrum|\.ethereum/keystore|nkbihfbeogaeaoehlefnkodbefgpgknn")),
    ("webhook", 3, re.compile(r"discord(app)?\.com/api/webhooks/|api\.telegram\.org/bot")),
    ("gh-repo-create", 3, re.compile(r"api\.github\.com/user/repos|gh repo create")),
    ("workflow-write", 3, re.compile(r"\.github/workflows/")),
    ("npm-publish", 3, re.compile(r"npm['\"]?,?\s*\[?['\"]?publish|npm publish")),
    ("ai-cli", 3, re.compile(r"dangerously-skip-permissions|--yolo|--trust-all-tools")),
    ("ip-literal", 1, re.compile(r"https?://\d{1,3}(\.\d{1,3}){3}")),
]
HOST = re.compile(r"https?://([a-z0-9.-]+\.[a-z]{2,})", re.I)
TEXT_EXT = {".js", ".cjs", ".mjs", ".ts", ".json", ".sh", ".py", ".md", ""}


def files(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and p.suffix in TEXT_EXT and p.stat().st_size < 5_000_000:
            out[str(p.relative_to(root))] = p.read_text(errors="replace")
    return out


def main() -> None:
    new = Path(sys.argv[1])
    old = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    nf = files(new)
    of = files(old) if old else {}
    pkg = json.loads(nf.get("package.json", "{}"))
    print(f"# Triage: {pkg.get('name')}@{pkg.get('version')}\n")
    scripts = {k: v for k, v in pkg.get("scripts", {}).items()
               if k in ("preinstall", "install", "postinstall", "prepare", "preuninstall")}
    print("## Lifecycle scripts\n")
    print("\n".join(f"- `{k}`: `{v}`" for k, v in scripts.items()) or "- none")
    deps = {**pkg.get("dependencies", {}), **pkg.get("optionalDependencies", {})}
    remote = {k: v for k, v in deps.items() if re.match(r"(https?:|git\+|github:)", str(v))}
    if remote:
        print("\n## Remote dependency specs\n")
        print("\n".join(f"- {k}: `{v}`" for k, v in remote.items()))
    print("\n## Changed / added files\n")
    changed = [f for f in nf if f not in of or hashlib.sha256(nf[f].encode()).digest() != hashlib.sha256(of[f].encode()).digest()]
    for f in sorted(changed, key=lambda f: -len(nf[f])):
        tag = "added" if f not in of else "changed"
        print(f"- {f} ({tag}, {len(nf[f]):,} chars)")
    print("\n## Indicators\n")
    for f in sorted(nf):
        hits = [(n, w) for n, w, rx in IND if rx.search(nf[f])]
        if not hits:
            continue
        score = sum(w for _, w in hits)
        level = "high" if score >= 6 else "medium" if score >= 3 else "low"
        hosts = sorted(set(h.lower() for h in HOST.findall(nf[f])))[:10]
        print(f"- **{level}** {f}: {', '.join(n for n, _ in hits)}" + (f" — hosts: {', '.join(hosts)}" if hosts else ""))


if __name__ == "__main__":
    main()
