#!/usr/bin/env python3
"""Clipboard canary: detects programs that rewrite copied wallet addresses.

Writes test strings to the local clipboard, waits, reads back, restores the original.
Nothing leaves the machine.
"""
import argparse
import platform
import shutil
import subprocess
import sys
import time

# Syntactically valid-looking test values. They are well-known test patterns, not anyone's wallet.
CANARIES = {
    "btc-testnet": "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
    "eth": "0x000000000000000000000000000000000000dEaD",
    "sol-like": "11111111111111111111111111111111",
}


def _cmds():
    system = platform.system()
    if system == "Darwin":
        return ["pbpaste"], ["pbcopy"]
    if system == "Windows":
        return (["powershell", "-NoProfile", "-Command", "Get-Clipboard"],
                ["powershell", "-NoProfile", "-Command", "$input | Set-Clipboard"])
    if shutil.which("wl-paste"):
        return ["wl-paste", "--no-newline"], ["wl-copy"]
    if shutil.which("xclip"):
        return ["xclip", "-selection", "clipboard", "-o"], ["xclip", "-selection", "clipboard"]
    sys.exit("no clipboard tool found (install wl-clipboard or xclip)")


PASTE, COPY = _cmds()


def get_clip():
    r = subprocess.run(PASTE, capture_output=True, text=True)
    return r.stdout.rstrip("\r\n") if r.returncode == 0 else ""


def set_clip(text):
    subprocess.run(COPY, input=text, text=True, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=int, default=30, help="total observation time")
    args = ap.parse_args()

    original = get_clip()
    per = max(3, args.seconds // len(CANARIES))
    swapped = []
    try:
        for label, value in CANARIES.items():
            set_clip(value)
            t0 = time.monotonic()
            while time.monotonic() - t0 < per:
                now = get_clip()
                if now != value:
                    delay = time.monotonic() - t0
                    swapped.append((label, value, now, delay))
                    print(f"[!] {label}: clipboard changed after {delay:.2f}s")
                    print(f"    placed : {value}\n    now    : {now}")
                    break
                time.sleep(0.25)
            else:
                print(f"[ok] {label}: unchanged for {per}s")
    finally:
        set_clip(original)
        print("[i] original clipboard text restored")

    if swapped:
        print("\nRESULT: clipboard rewriting observed — likely clipper. Do not send funds from this machine.")
        sys.exit(1)
    print("\nRESULT: no clipboard rewriting observed during the test window.")


if __name__ == "__main__":
    main()
