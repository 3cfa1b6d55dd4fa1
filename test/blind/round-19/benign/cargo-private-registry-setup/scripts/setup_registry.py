#!/usr/bin/env python3
"""Add a private registry (and optional crates.io mirror) to Cargo config. Preview by default."""
import argparse
import difflib
import os
import re
import shutil
import sys
import time
from pathlib import Path

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

PROVIDERS = {"cargo:token", "cargo:libsecret", "cargo:macos-keychain", "cargo:wincred",
             "cargo:token-from-stdout"}


def cargo_home():
    return Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))


def parse(text):
    if tomllib is None or not text.strip():
        return {}
    return tomllib.loads(text)


def block(header, kv):
    lines = [f"[{header}]"]
    for k, v in kv.items():
        if isinstance(v, list):
            lines.append(f'{k} = [{", ".join(f"{chr(34)}{x}{chr(34)}" for x in v)}]')
        elif isinstance(v, bool):
            lines.append(f"{k} = {'true' if v else 'false'}")
        else:
            lines.append(f'{k} = "{v}"')
    return "\n".join(lines) + "\n"


def remove_table(text, header):
    pattern = re.compile(r"^\[" + re.escape(header) + r"\]\s*\n(?:(?!^\[).*\n?)*", re.M)
    return pattern.sub("", text)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--name", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--credential-provider", default="cargo:token")
    ap.add_argument("--mirror-crates-io", action="store_true")
    ap.add_argument("--mirror-index", help="index URL for the crates.io proxy (default: same host, crates-remote)")
    ap.add_argument("--project", action="store_true", help="write ./.cargo/config.toml instead of the user config")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--replace", action="store_true")
    args = ap.parse_args()

    if not re.fullmatch(r"[a-z][a-z0-9_-]*", args.name):
        sys.exit("registry name must be lowercase letters, digits, - or _")
    if not re.match(r"^(sparse\+https://|https://|ssh://|git@)", args.index):
        sys.exit("index must start with sparse+https://, https:// or ssh://")
    if args.index.startswith("sparse+") and not args.index.endswith("/"):
        args.index += "/"
    if args.credential_provider not in PROVIDERS and not args.credential_provider.startswith("cargo-credential-"):
        sys.exit(f"unknown credential provider {args.credential_provider}; known: {', '.join(sorted(PROVIDERS))}")
    if args.project and args.credential_provider == "cargo:token":
        print("note: project config is usually committed; the token itself still goes to "
              f"{cargo_home() / 'credentials.toml'}, never into the project file")

    target = Path(".cargo/config.toml") if args.project else cargo_home() / "config.toml"
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    current = parse(old)
    new = old

    reg_kv = {"index": args.index, "credential-provider": [args.credential_provider]}
    existing = current.get("registries", {}).get(args.name)
    if existing and existing.get("index") != args.index and not args.replace:
        sys.exit(f"[registries.{args.name}] already points at {existing.get('index')}; pass --replace to change it")
    new = remove_table(new, f"registries.{args.name}")
    if new and not new.endswith("\n"):
        new += "\n"
    new += ("\n" if new.strip() else "") + block(f"registries.{args.name}", reg_kv)

    if args.mirror_crates_io:
        mirror_name = f"{args.name}-mirror"
        mirror_index = args.mirror_index or args.index.replace("cargo-local", "crates-remote")
        prev = current.get("source", {}).get("crates-io", {}).get("replace-with")
        if prev and prev != mirror_name and not args.replace:
            sys.exit(f"crates.io is already replaced with '{prev}'; pass --replace to switch it to {mirror_name}")
        new = remove_table(new, "source.crates-io")
        new = remove_table(new, f"source.{mirror_name}")
        new += "\n" + block("source.crates-io", {"replace-with": mirror_name})
        new += "\n" + block(f"source.{mirror_name}", {"registry": mirror_index})

    new = re.sub(r"\n{3,}", "\n\n", new)
    if tomllib is not None:
        tomllib.loads(new)  # raises if we produced invalid TOML

    diff = list(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                     fromfile=str(target), tofile=str(target) + " (new)"))
    print(f"target: {target}")
    sys.stdout.writelines(diff or ["no changes\n"])
    if not diff:
        return 0
    if not args.write:
        print("\npreview only; re-run with --write to apply")
        return 0

    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        backup = target.with_name(f"config.toml.bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(target, backup)
        print(f"backup: {backup}")
    target.write_text(new, encoding="utf-8")
    print(f"wrote {target}")
    print(f"next: cargo login --registry {args.name}   (paste the token at Cargo's prompt)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
