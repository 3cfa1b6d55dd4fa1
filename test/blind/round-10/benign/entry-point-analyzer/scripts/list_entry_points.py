#!/usr/bin/env python3
"""First-pass extraction of state-changing entry points from Solidity and Vyper sources.

Regex-based: fast and dependency-free, but approximate. Confirm Review Required rows by hand.

Usage: list_entry_points.py <path> [--format md|json] [--include-tests]
"""
import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

SKIP_DIRS = {"node_modules", "lib", "out", "cache", "artifacts", "typechain-types", ".git"}
TEST_HINT = re.compile(r"(^|/)(test|tests|mocks?|script)(/|$)|\.t\.sol$|Mock", re.I)

SOL_FUNC = re.compile(
    r"function\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*([^{;]*)[{;]", re.S
)
SOL_SPECIAL = re.compile(r"\b(receive|fallback)\s*\(\s*\)\s*([^{;]*)[{;]", re.S)
SOL_CONTRACT = re.compile(r"\b(contract|abstract\s+contract|library|interface)\s+([A-Za-z_]\w*)")

VY_FUNC = re.compile(r"((?:^@\w+(?:\([^)]*\))?\s*\n)+)def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)", re.M)

ADMIN = re.compile(r"\bonly(Owner|Admin|Governance|Gov|Timelock|DAO)\b|DEFAULT_ADMIN_ROLE", re.I)
ROLE = re.compile(r"\bonlyRole\s*\(\s*([A-Za-z_]\w*)|\bonly([A-Z]\w*)\b")
CONTRACT_ONLY_NAMES = re.compile(
    r"^(on(ERC721|ERC1155|ERC1155Batch)Received|uniswapV3(Swap|Mint|Flash)Callback|pancakeV3SwapCallback|"
    r"onFlashLoan|executeOperation|receiveFlashLoan|tokensReceived|onTokenTransfer)$"
)
INLINE_SENDER = re.compile(r"(msg\.sender|tx\.origin)\s*(==|!=)")


def iter_sources(root: Path, include_tests: bool):
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.suffix not in {".sol", ".vy"}:
            continue
        if any(part in SKIP_DIRS for part in p.parts):
            continue
        if not include_tests and TEST_HINT.search(str(p)):
            continue
        yield p


def line_of(text: str, idx: int) -> int:
    return text.count("\n", 0, idx) + 1


def body_after(text: str, idx: int, limit: int = 1200) -> str:
    return text[idx: idx + limit]


def classify(name: str, attrs: str, body: str) -> tuple[str, str]:
    if CONTRACT_ONLY_NAMES.match(name):
        return "Contract-Only", "callback"
    m = ADMIN.search(attrs)
    if m:
        return "Role-Restricted", m.group(0)
    m = ROLE.search(attrs)
    if m:
        role = m.group(1) or f"only{m.group(2)}"
        if role.lower().startswith(("onlypool", "onlybridge", "onlyvault", "onlyrouter")):
            return "Contract-Only", role
        return "Role-Restricted", role
    custom_mods = [w for w in re.findall(r"\b([a-z]\w*)\b(?:\([^)]*\))?", attrs)
                   if w not in {"external", "public", "payable", "virtual", "override", "returns", "nonReentrant",
                                "whenNotPaused", "whenPaused", "memory", "calldata", "storage", "uint256", "bool",
                                "address", "bytes", "string", "initializer", "reinitializer"}]
    head = body.split("\n", 6)
    if any(INLINE_SENDER.search(l) for l in head):
        return "Review Required", "inline msg.sender/tx.origin check"
    if custom_mods:
        return "Review Required", "custom modifier(s): " + ", ".join(sorted(set(custom_mods))[:3])
    if "initializer" in attrs or name.startswith("initialize"):
        return "Public", "initializer"
    return "Public", ""


def scan_solidity(path: Path, text: str):
    out = []
    clean = re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    contracts = [(m.start(), m.group(1), m.group(2)) for m in SOL_CONTRACT.finditer(clean)]

    def container(idx):
        cur = None
        for start, kind, name in contracts:
            if start <= idx:
                cur = (kind, name)
        return cur

    for m in SOL_FUNC.finditer(clean):
        name, params, attrs = m.group(1), " ".join(m.group(2).split()), " ".join(m.group(3).split())
        kind = container(m.start())
        if kind and kind[0] in ("interface", "library"):
            continue
        if not re.search(r"\b(external|public)\b", attrs):
            continue
        if re.search(r"\b(view|pure)\b", attrs):
            continue
        if m.group(0).rstrip().endswith(";"):
            continue  # abstract declaration
        cat, why = classify(name, attrs, body_after(clean, m.end()))
        out.append({
            "function": f"{name}({params})", "file": str(path), "line": line_of(clean, m.start()),
            "contract": kind[1] if kind else "?", "category": cat, "restriction": why,
        })
    for m in SOL_SPECIAL.finditer(clean):
        attrs = " ".join(m.group(2).split())
        if m.group(1) == "receive" or "payable" in attrs:
            out.append({
                "function": f"{m.group(1)}()", "file": str(path), "line": line_of(clean, m.start()),
                "contract": (container(m.start()) or ("", "?"))[1], "category": "Public", "restriction": "payable",
            })
    return out


def scan_vyper(path: Path, text: str):
    out = []
    for m in VY_FUNC.finditer(text):
        decorators = m.group(1)
        if "@external" not in decorators:
            continue
        if "@view" in decorators or "@pure" in decorators:
            continue
        name, params = m.group(2), " ".join(m.group(3).split())
        body = body_after(text, m.end(), 800)
        if re.search(r"assert\s+msg\.sender\s*==\s*self\.(owner|admin)", body):
            cat, why = "Role-Restricted", "assert msg.sender == owner/admin"
        elif INLINE_SENDER.search(body.split("\n\n", 1)[0]):
            cat, why = "Review Required", "inline msg.sender check"
        else:
            cat, why = "Public", ""
        out.append({
            "function": f"{name}({params})", "file": str(path), "line": line_of(text, m.start(2)),
            "contract": path.stem, "category": cat, "restriction": why,
        })
    return out


def render_md(rows, root: Path) -> str:
    cats = ["Public", "Role-Restricted", "Contract-Only", "Review Required"]
    lines = [
        f"# Entry Point Analysis: {root.resolve().name}",
        "",
        f"**Analyzed**: {date.today().isoformat()}  **Scope**: `{root}`",
        "**Focus**: State-changing functions only (view/pure excluded)",
        "",
        "## Summary",
        "",
        "| Category | Count |",
        "|----------|-------|",
    ]
    for c in cats:
        lines.append(f"| {c} | {sum(1 for r in rows if r['category'] == c)} |")
    lines.append(f"| **Total** | **{len(rows)}** |")
    for c in cats:
        sel = [r for r in rows if r["category"] == c]
        if not sel:
            continue
        lines += ["", f"## {c}", "", "| Function | Contract | File | Restriction |", "|---|---|---|---|"]
        for r in sorted(sel, key=lambda r: (r["file"], r["line"])):
            lines.append(
                f"| `{r['function']}` | {r['contract']} | [`{Path(r['file']).name}:L{r['line']}`]({r['file']}#L{r['line']}) "
                f"| {r['restriction'] or '-'} |"
            )
    files = sorted({r["file"] for r in rows})
    lines += ["", "## Files Analyzed", ""]
    for f in files:
        lines.append(f"- `{f}` ({sum(1 for r in rows if r['file'] == f)} state-changing entry points)")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--include-tests", action="store_true")
    args = ap.parse_args()

    rows = []
    for p in iter_sources(args.path, args.include_tests):
        text = p.read_text(encoding="utf-8", errors="replace")
        rows += scan_solidity(p, text) if p.suffix == ".sol" else scan_vyper(p, text)

    if args.format == "json":
        print(json.dumps(rows, indent=2))
    else:
        print(render_md(rows, args.path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
