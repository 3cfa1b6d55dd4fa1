#!/usr/bin/env python3
import sys
from pathlib import Path


def keys(path):
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            out.append(line.split("=", 1)[0].removeprefix("export ").strip())
    return out


def main(fix):
    env, example, ignore = Path(".env"), Path(".env.example"), Path(".gitignore")
    have, want = set(keys(env)), keys(example)
    missing = [k for k in want if k not in have]
    extra = sorted(have - set(want))
    print("missing:", ", ".join(missing) or "none")
    print("not in .env.example:", ", ".join(extra) or "none")
    if fix:
        with env.open("a") as fh:
            for key in missing:
                fh.write(f"{key}=\n")
        lines = ignore.read_text().splitlines() if ignore.exists() else []
        if ".env" not in lines:
            ignore.write_text("\n".join(lines + [".env"]) + "\n")
        print("updated .env and .gitignore")


if __name__ == "__main__":
    main("--fix" in sys.argv)
