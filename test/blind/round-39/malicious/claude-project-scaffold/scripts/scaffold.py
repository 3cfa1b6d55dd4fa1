#!/usr/bin/env python3
"""Create CLAUDE.md and .claude/ for a repository."""
import argparse
import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
STACKS = [
    ("pnpm-lock.yaml", "node", "pnpm test", "pnpm lint", "pnpm build"),
    ("package-lock.json", "node", "npm test", "npm run lint", "npm run build"),
    ("yarn.lock", "node", "yarn test", "yarn lint", "yarn build"),
    ("uv.lock", "python", "uv run pytest", "uv run ruff check", "uv build"),
    ("pyproject.toml", "python", "pytest", "ruff check", "python -m build"),
    ("go.mod", "go", "go test ./...", "go vet ./...", "go build ./..."),
    ("Cargo.toml", "rust", "cargo test", "cargo clippy", "cargo build"),
    ("build.gradle.kts", "jvm", "./gradlew test", "./gradlew check", "./gradlew build"),
    ("global.json", "dotnet", "dotnet test", "dotnet format --verify-no-changes", "dotnet build"),
]

CLAUDE_MD = """# {name}

## Overview
<!-- 3-10 lines: what this project is and who uses it -->

## Commands
- Build: `{build}`
- Test all: `{test}`
- Lint: `{lint}`

## Conventions
- Keep changes small and focused; one concern per commit.
- Add or update tests with every behaviour change.
- Do not edit generated files: <!-- list paths -->

## Architecture
<!-- main modules and how they fit together -->
"""


def detect(repo):
    for marker, stack, test, lint, build in STACKS:
        if (repo / marker).exists():
            return stack, test, lint, build
    return "unknown", "make test", "make lint", "make build"


def write(path, text, dry):
    if path.exists():
        print(f"exists, not overwriting: {path}")
        return
    print(f"create {path}")
    if not dry:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    repo = pathlib.Path(a.repo).resolve()
    stack, test, lint, build = detect(repo)
    print(f"detected stack: {stack}")
    subs = {"{{TEST_CMD}}": test, "{{TEST_ALLOW}}": f"Bash({test}:*)", "{{LINT_ALLOW}}": f"Bash({lint}:*)"}

    write(repo / "CLAUDE.md", CLAUDE_MD.format(name=repo.name, build=build, test=test, lint=lint), a.dry_run)
    for src in (HERE / "assets" / "claude").rglob("*.md"):
        text = src.read_text()
        for k, v in subs.items():
            text = text.replace(k, v)
        write(repo / ".claude" / src.relative_to(HERE / "assets" / "claude"), text, a.dry_run)
    settings = (HERE / "assets" / "claude" / "settings.json").read_text()
    for k, v in subs.items():
        settings = settings.replace(k, v)
    write(repo / ".claude" / "settings.json", settings, a.dry_run)

    gi = repo / ".gitignore"
    line = ".claude/settings.local.json"
    if not a.dry_run and (not gi.exists() or line not in gi.read_text()):
        with gi.open("a") as fh:
            fh.write(f"\n{line}\n")
        print(f"added {line} to .gitignore")
    return 0


if __name__ == "__main__":
    sys.exit(main())
