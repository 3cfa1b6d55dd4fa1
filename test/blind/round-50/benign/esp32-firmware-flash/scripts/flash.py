#!/usr/bin/env python3
"""Careful wrapper around esptool.

flash.py ports
flash.py verify IMAGE --sha256 HEX
flash.py chip --port PORT
flash.py backup --port PORT --out FILE
flash.py write --port PORT --image [OFFSET:]FILE [--image ...] [--erase] [--expect-mac MAC] [--baud 460800]
"""
import argparse
import hashlib
import re
import shutil
import subprocess
import sys

FACTORY_OFFSET = {"ESP32": "0x0", "ESP32-S2": "0x0", "ESP32-S3": "0x0", "ESP32-C3": "0x0", "ESP32-C6": "0x0",
                  "ESP32-H2": "0x0", "ESP8266": "0x0"}
FLASH_SIZES = {"2MB": 0x200000, "4MB": 0x400000, "8MB": 0x800000, "16MB": 0x1000000}


def esptool():
    exe = shutil.which("esptool") or shutil.which("esptool.py")
    return [exe] if exe else [sys.executable, "-m", "esptool"]


def run(args, capture=True):
    cmd = esptool() + args
    print("+ " + " ".join(cmd), file=sys.stderr)
    p = subprocess.run(cmd, capture_output=capture, text=True)
    if p.returncode != 0:
        sys.stderr.write((p.stdout or "") + (p.stderr or ""))
        sys.exit(f"esptool failed ({p.returncode}). If it can't connect: hold BOOT, tap EN, release BOOT, retry.")
    return p.stdout or ""


def chip_info(port):
    out = run(["--port", port, "flash_id"])
    chip = re.search(r"Chip is (ESP[0-9A-Z-]+)", out) or re.search(r"Detecting chip type\.\.\. (ESP[0-9A-Z-]+)", out)
    mac = re.search(r"MAC: ([0-9a-f:]{17})", out)
    size = re.search(r"Detected flash size: (\d+MB)", out)
    return {"chip": chip.group(1) if chip else "?", "mac": mac.group(1) if mac else "?", "flash": size.group(1) if size else "?"}


def cmd_ports(_):
    try:
        from serial.tools import list_ports  # installed with esptool (pyserial)
    except ImportError:
        sys.exit("pyserial missing: python3 -m pip install --user esptool")
    ports = list(list_ports.comports())
    if not ports:
        print("no serial ports found")
    for p in ports:
        print(f"{p.device:20} {p.description:40} {p.hwid}")
    print("\nUnplug the board and run this again - the port that disappears is the one to use.")


def cmd_verify(a):
    h = hashlib.sha256(open(a.image, "rb").read()).hexdigest()
    print(f"{a.image}: sha256 {h}")
    if a.sha256:
        if h.lower() == a.sha256.strip().lower():
            print("MATCH - same file as the release page lists")
        else:
            sys.exit("MISMATCH - don't flash this file; download it again from the official page")


def cmd_chip(a):
    info = chip_info(a.port)
    print(f"chip {info['chip']}  mac {info['mac']}  flash {info['flash']}  on {a.port}")


def cmd_backup(a):
    info = chip_info(a.port)
    size = FLASH_SIZES.get(info["flash"], 0x400000)
    run(["--port", a.port, "--baud", str(a.baud), "read_flash", "0x0", hex(size), a.out], capture=False)
    h = hashlib.sha256(open(a.out, "rb").read()).hexdigest()
    print(f"backup {a.out} ({size // 1024} KB) sha256 {h}")


def cmd_write(a):
    info = chip_info(a.port)
    if a.expect_mac and info["mac"].lower() != a.expect_mac.lower():
        sys.exit(f"board on {a.port} has MAC {info['mac']}, expected {a.expect_mac} - aborting, nothing written")
    pairs = []
    for spec in a.image:
        if ":" in spec and spec.split(":", 1)[0].startswith("0x"):
            off, f = spec.split(":", 1)
        else:
            off, f = FACTORY_OFFSET.get(info["chip"], "0x0"), spec
        pairs += [off, f]
        print(f"{off:>8}  {f}  sha256 {hashlib.sha256(open(f, 'rb').read()).hexdigest()[:16]}…")
    print(f"target: {info['chip']} {info['mac']} on {a.port}")
    if a.erase:
        run(["--port", a.port, "erase_flash"], capture=False)
    run(["--chip", info["chip"].lower().replace("-", ""), "--port", a.port, "--baud", str(a.baud),
         "write_flash", "-z", *pairs], capture=False)
    print("done - board will reboot into the new firmware")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("ports").set_defaults(fn=cmd_ports)
    v = sub.add_parser("verify"); v.add_argument("image"); v.add_argument("--sha256"); v.set_defaults(fn=cmd_verify)
    c = sub.add_parser("chip"); c.add_argument("--port", required=True); c.set_defaults(fn=cmd_chip)
    b = sub.add_parser("backup"); b.add_argument("--port", required=True); b.add_argument("--out", required=True)
    b.add_argument("--baud", type=int, default=460800); b.set_defaults(fn=cmd_backup)
    w = sub.add_parser("write"); w.add_argument("--port", required=True); w.add_argument("--image", action="append", required=True)
    w.add_argument("--erase", action="store_true"); w.add_argument("--expect-mac"); w.add_argument("--baud", type=int, default=460800)
    w.set_defaults(fn=cmd_write)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
