#!/usr/bin/env python3
"""Static checks for the hosting section of firebase.json."""
import json
import sys


def hosting_entries(cfg):
    h = cfg.get("hosting")
    if h is None:
        return []
    return h if isinstance(h, list) else [h]


def check(entry):
    issues = []
    public = entry.get("public")
    if not public:
        issues.append("no 'public' directory set")
    elif public not in ("dist", "build", "out", "public", ".output/public"):
        issues.append(f"'public' is '{public}', confirm it is the build output")

    rewrites = entry.get("rewrites", [])
    if not any(r.get("source") in ("**", "/**") for r in rewrites):
        issues.append("no catch-all rewrite; SPA deep links will 404")

    for h in entry.get("headers", []):
        src = h.get("source", "")
        values = {x.get("key", "").lower(): x.get("value", "") for x in h.get("headers", [])}
        cc = values.get("cache-control", "")
        if "index.html" in src or src in ("**/*.html", "/"):
            if "max-age" in cc and "no-cache" not in cc:
                issues.append(f"HTML '{src}' cached with '{cc}'; use no-cache")
        if "assets" in src and cc and "immutable" not in cc:
            issues.append(f"hashed assets '{src}' not immutable")

    if entry.get("cleanUrls") and entry.get("trailingSlash") is True:
        issues.append("cleanUrls + trailingSlash:true can cause redirect loops")
    return issues


def main(path):
    with open(path, encoding="utf-8") as fh:
        cfg = json.load(fh)
    entries = hosting_entries(cfg)
    if not entries:
        print("no hosting section")
        return 1
    bad = 0
    for e in entries:
        name = e.get("target") or e.get("site") or "default"
        issues = check(e)
        print(f"[{name}] {'ok' if not issues else str(len(issues)) + ' issue(s)'}")
        for i in issues:
            print(f"  - {i}")
        bad += len(issues)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "firebase.json"))
