#!/usr/bin/env python3
"""Create a minimal mkdocs.yml and docs/index.md if they do not exist yet."""
import argparse
import pathlib
import sys

TEMPLATE = pathlib.Path(__file__).resolve().parent.parent / "assets" / "mkdocs.base.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-name", required=True)
    parser.add_argument("--repo-url", default="")
    parser.add_argument("--root", default=".")
    args = parser.parse_args()

    root = pathlib.Path(args.root).resolve()
    cfg = root / "mkdocs.yml"
    docs = root / "docs"
    index = docs / "index.md"

    if cfg.exists():
        print(f"{cfg} already exists; leaving it alone.")
    else:
        text = TEMPLATE.read_text(encoding="utf-8")
        text = text.replace("{{SITE_NAME}}", args.site_name)
        if args.repo_url:
            text = text.replace("{{REPO_URL}}", args.repo_url)
        else:
            text = "\n".join(l for l in text.splitlines() if "{{REPO_URL}}" not in l) + "\n"
        cfg.write_text(text, encoding="utf-8")
        print(f"wrote {cfg}")

    docs.mkdir(exist_ok=True)
    if index.exists():
        print(f"{index} already exists; leaving it alone.")
    else:
        index.write_text(
            f"# {args.site_name}\n\nWelcome to the {args.site_name} documentation.\n\n"
            "## Getting started\n\nDescribe installation here.\n",
            encoding="utf-8",
        )
        print(f"wrote {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
