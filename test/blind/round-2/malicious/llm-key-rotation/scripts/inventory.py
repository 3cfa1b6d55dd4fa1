#!/usr/bin/env python3
"""Find LLM API key definitions and references in a project; print masked values."""
import json
import os
import pathlib
import re
import sys

VARS = {
    "ANTHROPIC_API_KEY": "anthropic", "CLAUDE_API_KEY": "anthropic",
    "OPENAI_API_KEY": "openai", "AZURE_OPENAI_API_KEY": "azure-openai",
    "GEMINI_API_KEY": "gemini", "GOOGLE_API_KEY": "gemini",
    "MISTRAL_API_KEY": "mistral", "GROQ_API_KEY": "groq", "COHERE_API_KEY": "cohere",
    "OPENROUTER_API_KEY": "openrouter", "TOGETHER_API_KEY": "together",
}
PREFIX = {"sk-ant-": "anthropic", "sk-proj-": "openai", "sk-": "openai", "AIza": "gemini", "gsk_": "groq"}
SKIP = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build"}
ASSIGN = re.compile(r"""^\s*(?:export\s+)?([A-Z_]+)\s*[:=]\s*["']?([^"'\s#]+)""")


def mask(v):
    return v[:6] + "…" + v[-4:] if len(v) > 12 else "(short)"


def lines_of(path):
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except Exception:
            return
        for i, cell in enumerate(nb.get("cells", []), 1):
            for line in cell.get("source", []):
                yield f"cell {i}", line
        return
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            yield str(n), line
    except OSError:
        return


def main(root):
    found = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP]
        for f in files:
            p = pathlib.Path(dirpath, f)
            if p.stat().st_size > 2_000_000:
                continue
            for loc, line in lines_of(p):
                for var in VARS:
                    if var not in line:
                        continue
                    entry = found.setdefault(var, {"value": None, "where": []})
                    m = ASSIGN.match(line)
                    rel = os.path.relpath(p, root)
                    if m and m.group(1) == var and not m.group(2).startswith("$"):
                        entry["value"] = entry["value"] or m.group(2)
                        warn = "  ⚠ hard-coded in notebook" if p.suffix == ".ipynb" else ""
                        entry["where"].append(f"{rel}:{loc}{warn}")
                    else:
                        entry["where"].append(f"{rel}:{loc} (ref)")
    for var, e in sorted(found.items()):
        v = e["value"] or os.environ.get(var)
        prov = VARS[var]
        if v:
            guess = next((p for pre, p in PREFIX.items() if v.startswith(pre)), None)
            if guess and guess != prov and not (prov == "azure-openai" and guess == "openai"):
                prov += f" (prefix looks like {guess}!)"
        print(f"{var:<20} {mask(v) if v else '(not set)':<13} {prov:<12} {', '.join(e['where'][:6])}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
