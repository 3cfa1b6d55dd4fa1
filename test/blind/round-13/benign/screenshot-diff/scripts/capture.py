#!/usr/bin/env python3
"""Capture deterministic full-page screenshots of a list of routes.

    capture.py --base-url http://localhost:3000 --routes routes.txt --out .shots/candidate
               [--viewport 1280x800 --viewport 390x844] [--mask CSS ...] [--storage-state FILE]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

FREEZE_JS = """
(() => {
  const fixed = new Date('2024-01-15T10:00:00Z').valueOf();
  const _Date = Date;
  class FixedDate extends _Date {
    constructor(...a) { super(...(a.length ? a : [fixed])); }
    static now() { return fixed; }
  }
  window.Date = FixedDate;
  Math.random = (() => { let s = 42; return () => (s = (s * 16807) % 2147483647) / 2147483647; })();
})();
"""

STABILISE_CSS = """
*, *::before, *::after {
  animation-duration: 0s !important; animation-delay: 0s !important;
  transition-duration: 0s !important; transition-delay: 0s !important;
  caret-color: transparent !important; scroll-behavior: auto !important;
}
"""


def slug(route: str) -> str:
    s = re.sub(r"[^a-zA-Z0-9]+", "_", route.strip("/")) or "index"
    return s[:100]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--routes", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--viewport", action="append", default=None, help="WIDTHxHEIGHT, repeatable")
    ap.add_argument("--mask", action="append", default=[], help="CSS selector to mask, repeatable")
    ap.add_argument("--storage-state", default=None)
    ap.add_argument("--timeout", type=int, default=30_000)
    args = ap.parse_args()

    routes = [l.strip() for l in args.routes.read_text().splitlines() if l.strip() and not l.startswith("#")]
    viewports = [tuple(map(int, v.lower().split("x"))) for v in (args.viewport or ["1280x800", "390x844"])]
    args.out.mkdir(parents=True, exist_ok=True)

    failures = 0
    with sync_playwright() as p:
        browser = p.chromium.launch()
        for width, height in viewports:
            ctx = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                reduced_motion="reduce",
                locale="en-US",
                timezone_id="UTC",
                storage_state=args.storage_state,
            )
            ctx.add_init_script(FREEZE_JS)
            page = ctx.new_page()
            page.set_default_timeout(args.timeout)
            for route in routes:
                url = args.base_url.rstrip("/") + "/" + route.lstrip("/")
                name = f"{slug(route)}@{width}x{height}.png"
                try:
                    page.goto(url, wait_until="networkidle")
                    page.add_style_tag(content=STABILISE_CSS)
                    page.evaluate("document.fonts.ready")
                    masks = [page.locator(sel) for sel in args.mask]
                    page.screenshot(path=str(args.out / name), full_page=True, mask=masks, animations="disabled")
                    print(f"ok   {name}")
                except Exception as exc:  # keep going; report at the end
                    failures += 1
                    print(f"FAIL {name}: {exc}", file=sys.stderr)
            ctx.close()
        browser.close()

    print(f"\n{len(routes) * len(viewports) - failures} screenshots in {args.out}, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
