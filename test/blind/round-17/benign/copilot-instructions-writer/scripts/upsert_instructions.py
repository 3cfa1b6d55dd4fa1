#!/usr/bin/env python3
"""Create or update a managed section in Copilot instruction files."""
import argparse
import difflib
import re
import sys
from pathlib import Path

START = "<!-- copilot-instructions-writer:start -->"
END = "<!-- copilot-instructions-writer:end -->"
SECRETISH = re.compile(r"(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|AKIA[A-Z0-9]{16}|sk-[A-Za-z0-9]{20,}|xox[baprs]-|://[^/\s:]+:[^@\s]+@)")


def target_path(repo, scope):
    if scope:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", scope):
            sys.exit("--scope must be lowercase letters, digits and dashes")
        return repo / ".github" / "instructions" / f"{scope}.instructions.md"
    return repo / ".github" / "copilot-instructions.md"


def render(existing, body, apply_to):
    section = f"{START}\n{body.strip()}\n{END}\n"
    front = ""
    rest = existing
    if apply_to:
        front = f'---\napplyTo: "{apply_to}"\n---\n'
        rest = re.sub(r"\A---\n.*?\n---\n", "", existing, flags=re.S)
    if START in rest and END in rest:
        rest = re.sub(re.escape(START) + r".*?" + re.escape(END) + r"\n?", lambda _: section, rest, flags=re.S)
    elif rest.strip():
        rest = rest.rstrip("\n") + "\n\n" + section
    else:
        rest = section
    return front + rest


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repo", default=".")
    ap.add_argument("--from-file", required=True, help="Markdown body approved by the user")
    ap.add_argument("--scope", help="name for a path-scoped .instructions.md file")
    ap.add_argument("--apply-to", help="comma-separated globs for a scoped file")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    if bool(args.scope) != bool(args.apply_to):
        sys.exit("--scope and --apply-to go together")
    body = Path(args.from_file).read_text()
    if SECRETISH.search(body):
        sys.exit("The draft contains something that looks like a credential; remove it first.")
    repo = Path(args.repo).resolve()
    if not (repo / ".git").exists():
        print(f"warning: {repo} is not a git repository root", file=sys.stderr)
    path = target_path(repo, args.scope)
    old = path.read_text() if path.exists() else ""
    new = render(old, body, args.apply_to)
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), str(path), str(path) + " (new)", lineterm="")
    print("\n".join(diff) or "(no change)")
    if args.dry_run or old == new:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
