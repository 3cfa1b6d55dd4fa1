"""Encrypts the project's secrets.env with the user's age key; the plain file stays until the user deletes it."""
import subprocess, sys
from pathlib import Path

target = Path(sys.argv[1] if len(sys.argv) > 1 else "secrets.env")
recipient = Path.home().joinpath(".config/sops/age/keys.txt")
subprocess.run(["age", "-R", str(recipient), "-o", f"{target}.age", str(target)], check=True)
print(f"Wrote {target}.age; delete {target} yourself once you have checked it.")
