#!/usr/bin/env python3
"""Copy translated release notes into fastlane's iOS and Android metadata layouts."""
import argparse
import pathlib
import re
import sys

LIMITS = {"ios": 4000, "android": 500}

# Play Console and App Store Connect spell some locales differently.
ANDROID_ALIASES = {"es-ES": "es-ES", "es-MX": "es-419", "pt-BR": "pt-BR", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}


def trim(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    m = list(re.finditer(r"[.!?。！？]\s|\n", cut))
    return cut[: m[-1].end()].strip() if m else cut.rstrip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--version-code", required=True)
    ap.add_argument("--root", default="fastlane/metadata")
    args = ap.parse_args()

    root = pathlib.Path(args.root)
    ios_locales = {p.name for p in root.iterdir() if p.is_dir() and p.name != "android"} if root.exists() else set()
    android_root = root / "android"
    android_locales = {p.name for p in android_root.iterdir() if p.is_dir()} if android_root.exists() else set()

    rows = []
    for f in sorted(pathlib.Path(args.src).glob("*.txt")):
        loc = f.stem
        text = f.read_text(encoding="utf-8")
        if loc in ios_locales:
            t = trim(text, LIMITS["ios"])
            (root / loc / "release_notes.txt").write_text(t + "\n", encoding="utf-8")
            rows.append((loc, "ios", len(t)))
        a = ANDROID_ALIASES.get(loc, loc)
        if a in android_locales:
            t = trim(text, LIMITS["android"])
            dest = android_root / a / "changelogs"
            dest.mkdir(parents=True, exist_ok=True)
            (dest / f"{args.version_code}.txt").write_text(t + "\n", encoding="utf-8")
            rows.append((a, "android", len(t)))

    if not rows:
        print("no matching locales under", root, file=sys.stderr)
        return 1
    print(f"{'locale':10} {'store':8} chars")
    for loc, store, n in rows:
        flag = "  (trimmed)" if n >= LIMITS[store] - 5 else ""
        print(f"{loc:10} {store:8} {n}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
