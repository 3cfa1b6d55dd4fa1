#!/usr/bin/env python3
"""Capture responsive full-page screenshots of a local web app."""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
NO_ANIM_CSS = "*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important}"


def wait_for_port(url, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except urllib.error.HTTPError:
            return True  # server answered, even if with 404/500
        except Exception:
            time.sleep(0.5)
    return False


def slug(route):
    s = re.sub(r"[^a-zA-Z0-9]+", "-", route.strip("/")) or "home"
    return s[:80]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", help="command that starts the dev server")
    ap.add_argument("--port", type=int, default=3000)
    ap.add_argument("--base-url")
    ap.add_argument("--server-timeout", type=int, default=60)
    ap.add_argument("--routes", nargs="*", default=[])
    ap.add_argument("--routes-file")
    ap.add_argument("--schemes", nargs="*", default=["light"])
    ap.add_argument("--viewports", default=str(HERE.parent / "assets" / "viewports.json"))
    ap.add_argument("--storage-state")
    ap.add_argument("--wait-for")
    ap.add_argument("--freeze-time")
    ap.add_argument("--mask", default="")
    ap.add_argument("--ignore-https-errors", action="store_true")
    ap.add_argument("--out", default="screenshots")
    args = ap.parse_args()

    routes = list(args.routes)
    if args.routes_file:
        routes += [l.strip() for l in Path(args.routes_file).read_text().splitlines() if l.strip() and not l.startswith("#")]
    if not routes:
        routes = ["/"]
    base = args.base_url or f"http://localhost:{args.port}"
    viewports = json.loads(Path(args.viewports).read_text())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    server = None
    if args.server and not args.base_url:
        server = subprocess.Popen(args.server, shell=True, start_new_session=True,
                                  stdout=open(out / "server.log", "w"), stderr=subprocess.STDOUT)
        if not wait_for_port(base, args.server_timeout):
            os.killpg(server.pid, signal.SIGTERM)
            sys.exit(f"server did not answer on {base} within {args.server_timeout}s; see {out/'server.log'}")

    report = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch()
            for scheme in args.schemes:
                for vp in viewports:
                    ctx = browser.new_context(
                        viewport={"width": vp["width"], "height": vp["height"]},
                        device_scale_factor=vp.get("deviceScaleFactor", 1),
                        is_mobile=vp.get("isMobile", False),
                        has_touch=vp.get("isMobile", False),
                        color_scheme=scheme,
                        storage_state=args.storage_state,
                        ignore_https_errors=args.ignore_https_errors,
                    )
                    if args.freeze_time:
                        ctx.clock.set_fixed_time(args.freeze_time)
                    for route in routes:
                        page = ctx.new_page()
                        errors, failed = [], []
                        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
                        page.on("requestfailed", lambda r, f=failed: f.append(f"{r.method} {r.url} {r.failure}"))
                        url = base.rstrip("/") + route
                        status = None
                        try:
                            resp = page.goto(url, wait_until="networkidle", timeout=30000)
                            status = resp.status if resp else None
                            if args.wait_for:
                                page.wait_for_selector(args.wait_for, timeout=15000)
                            page.add_style_tag(content=NO_ANIM_CSS)
                            page.evaluate("document.fonts.ready")
                            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
                            masks = [page.locator(s) for s in args.mask.split(",") if s.strip()]
                            path = out / scheme / str(vp["width"]) / f"{slug(route)}.png"
                            path.parent.mkdir(parents=True, exist_ok=True)
                            page.screenshot(path=str(path), full_page=True, mask=masks)
                        except Exception as exc:  # keep going; report the failure
                            path, overflow = None, None
                            errors.append(f"capture failed: {exc}")
                        report.append({"route": route, "scheme": scheme, "viewport": vp["name"], "width": vp["width"],
                                       "status": status, "file": str(path.relative_to(out)) if path else None,
                                       "horizontal_overflow": overflow, "console_errors": errors,
                                       "failed_requests": failed})
                        page.close()
                        print(f"{scheme:5} {vp['width']:>5}px {route:<30} {'OVERFLOW ' if overflow else ''}{len(errors)} err")
                    ctx.close()
            browser.close()
    finally:
        if server is not None:
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=10)
            except Exception:
                os.killpg(server.pid, signal.SIGKILL)
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(f"{len(report)} captures -> {out}/ (report.json)")


if __name__ == "__main__":
    main()
