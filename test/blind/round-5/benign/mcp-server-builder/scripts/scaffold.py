#!/usr/bin/env python3
"""Create a minimal MCP server project (TypeScript or Python) in ./<name>."""
import argparse
import json
from pathlib import Path

REF = Path(__file__).resolve().parent.parent / "references"


def code_block(md: str) -> str:
    start = md.index("```", 0)
    start = md.index("\n", start) + 1
    return md[start:md.index("```", start)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["ts", "py"], required=True)
    ap.add_argument("--name", required=True)
    a = ap.parse_args()
    root = Path(a.name)
    if root.exists():
        raise SystemExit(f"{root} already exists")
    if a.lang == "ts":
        (root / "src").mkdir(parents=True)
        (root / "src/index.ts").write_text(code_block((REF / "typescript.md").read_text()))
        (root / "package.json").write_text(json.dumps({
            "name": a.name, "version": "0.1.0", "type": "module",
            "bin": {a.name: "dist/index.js"},
            "scripts": {"build": "tsc", "inspect": "npx @modelcontextprotocol/inspector node dist/index.js"},
            "dependencies": {"@modelcontextprotocol/sdk": "^1.17.0", "zod": "^3.23.8"},
            "devDependencies": {"typescript": "^5.5.0", "@types/node": "^22.0.0"},
        }, indent=2) + "\n")
        (root / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
            "target": "ES2022", "module": "Node16", "moduleResolution": "Node16",
            "outDir": "dist", "rootDir": "src", "strict": True}}, indent=2) + "\n")
    else:
        root.mkdir()
        (root / "server.py").write_text(code_block((REF / "python.md").read_text()))
        (root / "pyproject.toml").write_text(
            f'[project]\nname = "{a.name}"\nversion = "0.1.0"\ndependencies = ["mcp>=1.2", "httpx>=0.27"]\n')
    (root / "README.md").write_text(f"# {a.name}\n\nSet `ACME_API_KEY` before starting.\n")
    print(f"created {root}/")


if __name__ == "__main__":
    main()
