#!/usr/bin/env python3
"""Diagnose native messaging host registration for Chromium-based browsers.

Reads only NativeMessagingHosts manifest directories and browser policy files. With --ping,
starts the host program once and sends a single ping message.
"""
import argparse
import json
import os
import platform
import plistlib
import struct
import subprocess
import sys
from pathlib import Path

HOME = Path.home()

if platform.system() == "Darwin":
    AS = HOME / "Library/Application Support"
    USER_DIRS = {
        "Chrome": AS / "Google/Chrome/NativeMessagingHosts",
        "Chrome Beta": AS / "Google/Chrome Beta/NativeMessagingHosts",
        "Chrome Canary": AS / "Google/Chrome Canary/NativeMessagingHosts",
        "Chromium": AS / "Chromium/NativeMessagingHosts",
        "Edge": AS / "Microsoft Edge/NativeMessagingHosts",
        "Brave": AS / "BraveSoftware/Brave-Browser/NativeMessagingHosts",
        "Arc": AS / "Arc/User Data/NativeMessagingHosts",
    }
    SYSTEM_DIRS = {"Chrome (system)": Path("/Library/Google/Chrome/NativeMessagingHosts"),
                   "Chromium (system)": Path("/Library/Application Support/Chromium/NativeMessagingHosts")}
    POLICY_FILES = [Path("/Library/Managed Preferences/com.google.Chrome.plist"),
                    HOME / "Library/Preferences/com.google.Chrome.plist"]
else:
    CFG = Path(os.environ.get("XDG_CONFIG_HOME", HOME / ".config"))
    USER_DIRS = {
        "Chrome": CFG / "google-chrome/NativeMessagingHosts",
        "Chrome Beta": CFG / "google-chrome-beta/NativeMessagingHosts",
        "Chromium": CFG / "chromium/NativeMessagingHosts",
        "Edge": CFG / "microsoft-edge/NativeMessagingHosts",
        "Brave": CFG / "BraveSoftware/Brave-Browser/NativeMessagingHosts",
    }
    SYSTEM_DIRS = {"Chrome (system)": Path("/etc/opt/chrome/native-messaging-hosts"),
                   "Chromium (system)": Path("/etc/chromium/native-messaging-hosts")}
    POLICY_FILES = list(Path("/etc/opt/chrome/policies/managed").glob("*.json")) + \
        list(Path("/etc/chromium/policies/managed").glob("*.json"))


def problems_for(manifest_path: Path, data: dict, extension_id: str | None) -> list[str]:
    issues = []
    if manifest_path.stem != data.get("name"):
        issues.append(f"file name '{manifest_path.name}' does not match name '{data.get('name')}'")
    if data.get("type") != "stdio":
        issues.append("type must be 'stdio'")
    host_path = Path(data.get("path", ""))
    if not host_path.is_absolute():
        issues.append(f"path '{host_path}' is not absolute")
    elif not host_path.exists():
        issues.append(f"host program {host_path} does not exist")
    elif not os.access(host_path, os.X_OK):
        issues.append(f"host program {host_path} is not executable (chmod +x)")
    else:
        with host_path.open("rb") as fh:
            head = fh.read(2)
        if head == b"#!":
            interp = host_path.read_text(errors="ignore").splitlines()[0][2:].strip().split()[0]
            if interp.endswith("/env"):
                issues.append("host uses '#!/usr/bin/env ...'; the browser's minimal PATH may not "
                              "find nvm/pyenv interpreters - prefer an absolute interpreter path")
            elif not Path(interp).exists():
                issues.append(f"interpreter {interp} in shebang does not exist")
    origins = data.get("allowed_origins", [])
    for o in origins:
        if not (o.startswith("chrome-extension://") and o.endswith("/")):
            issues.append(f"allowed_origins entry '{o}' must look like chrome-extension://<id>/")
    if extension_id and f"chrome-extension://{extension_id}/" not in origins:
        issues.append(f"extension id {extension_id} is not in allowed_origins")
    return issues


def read_policies() -> dict:
    found = {}
    for f in POLICY_FILES:
        try:
            if f.suffix == ".plist":
                with f.open("rb") as fh:
                    data = plistlib.load(fh)
            else:
                data = json.loads(f.read_text())
        except (OSError, ValueError, plistlib.InvalidFileException):
            continue
        for key in ("NativeMessagingBlocklist", "NativeMessagingAllowlist",
                    "NativeMessagingUserLevelHosts"):
            if key in data:
                found[f"{f}:{key}"] = data[key]
    return found


def ping(host_path: str, origin: str) -> str:
    proc = subprocess.Popen([host_path, origin], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        msg = json.dumps({"type": "ping"}).encode()
        proc.stdin.write(struct.pack("<I", len(msg)) + msg)
        proc.stdin.flush()
        header = proc.stdout.read(4)
        if len(header) < 4:
            err = proc.stderr.read(2000).decode(errors="replace") if proc.poll() is not None else ""
            return f"no reply (host exited={proc.poll()}) {err.strip()}"
        (n,) = struct.unpack("<I", header)
        if n > 1_000_000:
            return f"reply length {n} is implausible: the host probably printed non-protocol text to stdout"
        return "reply: " + proc.stdout.read(n).decode(errors="replace")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", help="exact native host name, e.g. com.example.agent_bridge")
    ap.add_argument("--name-contains", help="match host names containing this text")
    ap.add_argument("--extension-id", help="32-character extension id to check in allowed_origins")
    ap.add_argument("--ping", action="store_true", help="start the host once and send a ping")
    args = ap.parse_args()

    def wanted(name: str) -> bool:
        if args.host:
            return name == args.host
        if args.name_contains:
            return args.name_contains.lower() in name.lower()
        return True

    seen_in: dict[str, list[str]] = {}
    total_issues = 0
    for browser, directory in {**USER_DIRS, **SYSTEM_DIRS}.items():
        if not directory.exists():
            continue
        for manifest in sorted(directory.glob("*.json")):
            if not wanted(manifest.stem):
                continue
            print(f"[{browser}] {manifest}")
            try:
                data = json.loads(manifest.read_text())
            except ValueError as exc:
                print(f"   ✗ invalid JSON: {exc}")
                total_issues += 1
                continue
            seen_in.setdefault(data.get("name", manifest.stem), []).append(browser)
            issues = problems_for(manifest, data, args.extension_id)
            total_issues += len(issues)
            for issue in issues:
                print(f"   ✗ {issue}")
            if not issues:
                print(f"   ✓ manifest OK -> {data.get('path')}")
            if args.ping and not issues and data.get("allowed_origins"):
                print(f"   ping: {ping(data['path'], data['allowed_origins'][0])}")

    if not seen_in:
        print("no matching native messaging host manifests found in any browser directory")
        return 1
    installed = {b for b, d in USER_DIRS.items() if d.parent.exists()}
    for name, browsers in seen_in.items():
        missing = sorted(installed - set(browsers))
        if missing:
            print(f"\nnote: '{name}' is registered for {', '.join(browsers)} but not for "
                  f"installed browser(s): {', '.join(missing)}")
    policies = read_policies()
    if policies:
        print("\npolicies affecting native messaging:")
        for key, value in policies.items():
            print(f"   {key} = {value}")
    print(f"\n{total_issues} issue(s) found")
    return 0 if total_issues == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
