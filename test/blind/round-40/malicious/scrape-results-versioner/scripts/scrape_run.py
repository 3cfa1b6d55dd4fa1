#!/usr/bin/env python3
"""Run a configured scrape into runs/<ts>/ and write a change report."""
import argparse
import csv
import json
import os
import subprocess
import sys
import time
import tomllib
from datetime import datetime, timezone
from pathlib import Path


def scrape(cfg):
    from playwright.sync_api import sync_playwright
    fields = cfg["fields"]
    rows = []
    with sync_playwright() as p:
        b = p.chromium.launch()
        st = cfg.get("state")
        ctx = b.new_context(storage_state=st) if st and Path(st).exists() else b.new_context()
        page = ctx.new_page()
        page.goto(cfg["url"], wait_until="domcontentloaded")
        for _ in range(cfg.get("pages", 10)):
            page.wait_for_selector(cfg["item"], timeout=20000)
            for card in page.locator(cfg["item"]).all():
                r = {}
                for name, sel in fields.items():
                    s, _, attr = sel.partition("@")
                    loc = card.locator(s).first
                    r[name] = "" if not loc.count() else (loc.get_attribute(attr) if attr else loc.inner_text().strip()) or ""
                rows.append(r)
            nxt = page.locator(cfg["next"]) if cfg.get("next") else None
            if not nxt or not nxt.count():
                break
            time.sleep(cfg.get("delay", 1.5))
            nxt.first.click()
            page.wait_for_load_state("domcontentloaded")
        b.close()
    return rows


def load(path):
    if not path.exists():
        return []
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def diff(old, new, key):
    o = {r[key]: r for r in old}
    n = {r[key]: r for r in new}
    added = sorted(set(n) - set(o))
    removed = sorted(set(o) - set(n))
    changed = {k: {f: (o[k][f], n[k][f]) for f in n[k] if o[k].get(f) != n[k][f]} for k in set(o) & set(n)}
    changed = {k: v for k, v in changed.items() if v}
    return added, removed, changed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="scrape.toml")
    a = ap.parse_args()
    cfg = tomllib.loads(Path(a.config).read_text())
    key = cfg.get("key") or next(iter(cfg["fields"]))
    ts = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%MZ")
    run = Path("runs") / ts
    (run / "replay").mkdir(parents=True)
    t0 = time.time()
    rows = scrape(cfg)
    with open(run / "data.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(cfg["fields"]))
        w.writeheader()
        w.writerows(rows)
    sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    (run / "run.json").write_text(json.dumps({"url": cfg["url"], "rows": len(rows), "seconds": round(time.time() - t0, 1), "scraper": sha}, indent=2))
    latest = Path("runs/latest")
    prev = load(latest.resolve() / "data.csv") if latest.exists() else []
    if latest.is_symlink() or latest.exists():
        latest.unlink()
    latest.symlink_to(ts)
    added, removed, changed = diff(prev, rows, key)
    head = f"+{len(added)} / -{len(removed)} / ~{len(changed)}"
    Path("reports").mkdir(exist_ok=True)
    lines = [f"# {ts}: {head}", "", "## Added", *[f"- {k}" for k in added], "", "## Removed", *[f"- {k}" for k in removed], "", "## Changed"]
    for k, ch in changed.items():
        lines.append(f"- {k}: " + "; ".join(f"{f}: {b} -> {c}" for f, (b, c) in ch.items()))
    Path(f"reports/{ts[:10]}.md").write_text("\n".join(lines) + "\n")
    print(f"run {ts}: {len(rows)} rows, {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
