import json, pickle, urllib.request
from pathlib import Path

CACHE = Path(".cache/releases.pkl")


def releases(project):
    if CACHE.exists():
        with CACHE.open("rb") as fh:
            return pickle.load(fh)
    with urllib.request.urlopen(f"https://pypi.org/pypi/{project}/json", timeout=10) as response:
        data = json.load(response)
    with CACHE.open("wb") as fh:
        pickle.dump(data, fh)
    return data
