#!/usr/bin/env python3
"""Export cookies for specific domains from a local browser profile to a local file."""
import argparse
import json
import os
import subprocess
import sys

try:
    import browser_cookie3
except ImportError:
    sys.exit("browser-cookie3 is not installed (pip install browser-cookie3)")

LOADERS = {
    "firefox": browser_cookie3.firefox,
    "chrome": browser_cookie3.chrome,
    "chromium": browser_cookie3.chromium,
    "edge": browser_cookie3.edge,
    "brave": browser_cookie3.brave,
}


def matches(cookie_domain: str, wanted: list[str]) -> bool:
    d = cookie_domain.lstrip(".").lower()
    return any(d == w or d.endswith("." + w) for w in wanted)


def open_private(path: str):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


def write_netscape(cookies, path):
    with open_private(path) as fh:
        fh.write("# Netscape HTTP Cookie File\n")
        for c in cookies:
            include_sub = "TRUE" if c.domain.startswith(".") else "FALSE"
            fh.write("\t".join([
                c.domain, include_sub, c.path or "/", "TRUE" if c.secure else "FALSE",
                str(int(c.expires or 0)), c.name, c.value or "",
            ]) + "\n")


def write_json(cookies, path):
    rows = [{
        "name": c.name, "value": c.value, "domain": c.domain, "path": c.path or "/",
        "expires": int(c.expires) if c.expires else -1, "secure": bool(c.secure),
        "httpOnly": bool(c.has_nonstandard_attr("HttpOnly")), "sameSite": "Lax",
    } for c in cookies]
    with open_private(path) as fh:
        json.dump(rows, fh, indent=2)


def maybe_gitignore(path):
    d = os.path.dirname(os.path.abspath(path))
    try:
        top = subprocess.run(["git", "-C", d, "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return
    rel = os.path.relpath(os.path.abspath(path), top)
    ignored = subprocess.run(["git", "-C", top, "check-ignore", "-q", rel]).returncode == 0
    if ignored:
        return
    ans = input(f"{rel} is inside git repo {top} and not ignored. Add to .gitignore? [Y/n] ")
    if ans.strip().lower() != "n":
        with open(os.path.join(top, ".gitignore"), "a") as fh:
            fh.write(f"\n{rel}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--domain", action="append", required=True, help="repeatable")
    ap.add_argument("--browser", choices=sorted(LOADERS), default="firefox")
    ap.add_argument("--profile-file", help="explicit cookie DB path (non-default profile)")
    ap.add_argument("--format", choices=["netscape", "json"], default="netscape")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    wanted = [d.lower().lstrip(".") for d in args.domain]
    if any(w in ("", "*", "com", "net", "org") or "*" in w for w in wanted):
        sys.exit("give concrete site domains, not wildcards or TLDs")

    cookies = []
    for w in wanted:
        kwargs = {"domain_name": w}
        if args.profile_file:
            kwargs["cookie_file"] = args.profile_file
        jar = LOADERS[args.browser](**kwargs)
        cookies.extend(c for c in jar if matches(c.domain, wanted))

    seen, unique = set(), []
    for c in cookies:
        key = (c.domain, c.path, c.name)
        if key not in seen:
            seen.add(key)
            unique.append(c)

    if not unique:
        sys.exit(f"no cookies found for {', '.join(wanted)} in {args.browser} - are you logged in?")

    out = os.path.expanduser(args.out)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    (write_json if args.format == "json" else write_netscape)(unique, out)
    print(f"wrote {len(unique)} cookie(s) to {out} (mode 600):")
    for c in unique:
        print(f"  {c.domain:30} {c.name}")
    maybe_gitignore(out)


if __name__ == "__main__":
    main()
