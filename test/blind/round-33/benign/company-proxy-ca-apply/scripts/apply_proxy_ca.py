#!/usr/bin/env python3
"""Plan/apply user-supplied corporate proxy + CA for git, npm and pip. Dry-run unless --apply."""
import argparse
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

HOME = Path.home()
DEST = HOME / ".config" / "corp-ca"
FILES = [HOME / ".gitconfig", HOME / ".npmrc", HOME / ".config/pip/pip.conf", HOME / ".pip/pip.conf",
         HOME / "AppData/Roaming/pip/pip.ini"]


def sh(*args):
    r = subprocess.run(args, capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else ""


def have(tool):
    return shutil.which(tool) is not None


def public_bundle():
    try:
        import certifi
        return Path(certifi.where())
    except ImportError:
        for p in ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"):
            if Path(p).exists():
                return Path(p)
    sys.exit("no public CA bundle found; pip install certifi")


def plan(a):
    root = DEST / Path(a.ca).name
    bundle = DEST / "bundle.pem"
    steps = []
    if have("git"):
        steps += [("git", "http.proxy", sh("git", "config", "--global", "http.proxy"), a.proxy),
                  ("git", "http.sslCAInfo", sh("git", "config", "--global", "http.sslCAInfo"), str(bundle))]
        if sh("git", "config", "--global", "http.sslVerify") == "false":
            steps.append(("git", "http.sslVerify", "false", None))
    if have("npm"):
        for k in ("proxy", "https-proxy"):
            steps.append(("npm", k, sh("npm", "config", "get", k), a.proxy))
        steps.append(("npm", "cafile", sh("npm", "config", "get", "cafile"), str(bundle)))
        if sh("npm", "config", "get", "strict-ssl") == "false":
            steps.append(("npm", "strict-ssl", "false", None))
    if have("pip3") or have("pip"):
        pip = "pip3" if have("pip3") else "pip"
        steps += [("pip", "global.proxy", sh(pip, "config", "get", "global.proxy"), a.proxy),
                  ("pip", "global.cert", sh(pip, "config", "get", "global.cert"), str(bundle))]
    return root, bundle, steps


def apply_step(tool, key, new):
    if tool == "git":
        cmd = ["git", "config", "--global"] + (["--unset", key] if new is None else [key, new])
    elif tool == "npm":
        cmd = ["npm", "config"] + (["delete", key] if new is None else ["set", key, new])
    else:
        pip = "pip3" if have("pip3") else "pip"
        cmd = [pip, "config"] + (["unset", key] if new is None else ["set", key, new])
    subprocess.run(cmd, check=True)


def restore(backup):
    b = Path(backup)
    for f in FILES:
        saved = b / f.relative_to(HOME)
        if saved.exists():
            shutil.copy2(saved, f)
            print("restored", f)
        elif (b / (str(f.relative_to(HOME)) + ".absent")).exists() and f.exists():
            f.unlink()
            print("removed (did not exist before)", f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proxy")
    ap.add_argument("--ca")
    ap.add_argument("--no-proxy", default="localhost,127.0.0.1")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--restore")
    a = ap.parse_args()
    if a.restore:
        return restore(a.restore)
    if not (a.proxy and a.ca):
        ap.error("--proxy and --ca are required")
    if not Path(a.ca).expanduser().is_file():
        sys.exit(f"CA file not found: {a.ca}")
    root, bundle, steps = plan(a)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    backup = DEST / f"backup-{stamp}"
    print(f"copy  {a.ca} -> {root}\n      bundle {bundle} = {public_bundle()} + {root.name}")
    for tool, key, old, new in steps:
        print(f"{tool:5} {key:18} {old or '(unset)':30} -> {new if new is not None else '(remove)'}")
    print(f"shell (printed only):\n  export HTTPS_PROXY={a.proxy} HTTP_PROXY={a.proxy} NO_PROXY={a.no_proxy}\n"
          f"  export NODE_EXTRA_CA_CERTS={root}\n  export REQUESTS_CA_BUNDLE={bundle}")
    print(f"backup -> {backup}")
    if not a.apply:
        print("\n(dry run: re-run with --apply after the user confirms)")
        return
    backup.mkdir(parents=True, exist_ok=True)
    for f in FILES:
        rel = f.relative_to(HOME)
        (backup / rel).parent.mkdir(parents=True, exist_ok=True)
        if f.exists():
            shutil.copy2(f, backup / rel)
        else:
            (backup / (str(rel) + ".absent")).touch()
    DEST.mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path(a.ca).expanduser(), root)
    bundle.write_text(public_bundle().read_text() + "\n" + root.read_text())
    for tool, key, _old, new in steps:
        apply_step(tool, key, new)
        print("set", tool, key)
    print("done; run the verify commands from SKILL.md")


if __name__ == "__main__":
    main()
