#!/usr/bin/env python3
"""Static parser for Windows .lnk files (MS-SHLLINK) plus a string extractor. Never executes input."""
from __future__ import annotations

import argparse
import base64
import json
import re
import struct
import sys
from pathlib import Path

LNK_HEADER_SIZE = 0x4C
LNK_CLSID = bytes.fromhex("0114020000000000c000000000000046")
FLAGS = ["HasLinkTargetIDList", "HasLinkInfo", "HasName", "HasRelativePath", "HasWorkingDir",
         "HasArguments", "HasIconLocation", "IsUnicode", "ForceNoLinkInfo", "HasExpString",
         "RunInSeparateProcess", "Unused1", "HasDarwinID", "RunAsUser", "HasExpIcon", "NoPidlAlias",
         "Unused2", "RunWithShimLayer", "ForceNoLinkTrack", "EnableTargetMetadata",
         "DisableLinkPathTracking", "DisableKnownFolderTracking", "DisableKnownFolderAlias",
         "AllowLinkToLink", "UnaliasOnSave", "PreferEnvironmentPath", "KeepLocalIDListForUNCRedirection"]
SHOW_CMD = {1: "SW_SHOWNORMAL", 3: "SW_SHOWMAXIMIZED", 7: "SW_SHOWMINNOACTIVE"}
LOLBINS = {"cmd.exe", "powershell.exe", "pwsh.exe", "mshta.exe", "rundll32.exe", "regsvr32.exe",
           "wscript.exe", "cscript.exe", "conhost.exe", "msiexec.exe", "certutil.exe", "curl.exe",
           "bitsadmin.exe", "forfiles.exe", "explorer.exe", "hh.exe", "installutil.exe", "msbuild.exe"}
URL_RE = re.compile(r"(?:https?|ftp)://[^\s\"'<>]+|\\\\[\w.\-@]+\\[^\s\"']+", re.I)
B64_RE = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
ENC_RE = re.compile(r"-e(?:nc(?:odedcommand)?)?\s+([A-Za-z0-9+/=]{16,})", re.I)


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]")


def read_string(data: bytes, off: int, unicode: bool) -> tuple[str, int]:
    (count,) = struct.unpack_from("<H", data, off)
    off += 2
    size = count * 2 if unicode else count
    raw = data[off:off + size]
    text = raw.decode("utf-16-le" if unicode else "cp1252", errors="replace")
    return text, off + size


def parse_lnk(data: bytes) -> dict:
    if len(data) < LNK_HEADER_SIZE or data[4:20] != LNK_CLSID:
        raise ValueError("not a shell link (bad header or CLSID)")
    link_flags, file_attrs = struct.unpack_from("<II", data, 0x14)
    (show_cmd,) = struct.unpack_from("<I", data, 0x3C)
    flags = {name for i, name in enumerate(FLAGS) if link_flags & (1 << i)}
    out: dict = {"flags": sorted(flags), "file_attributes": hex(file_attrs),
                 "show_command": SHOW_CMD.get(show_cmd, str(show_cmd))}
    off = LNK_HEADER_SIZE
    if "HasLinkTargetIDList" in flags:
        (idlist_size,) = struct.unpack_from("<H", data, off)
        off += 2 + idlist_size
    if "HasLinkInfo" in flags:
        (li_size, li_header, li_flags, _vol, base_off) = struct.unpack_from("<IIIII", data, off)
        if li_flags & 1 and base_off:
            end = data.index(b"\x00", off + base_off)
            out["local_base_path"] = data[off + base_off:end].decode("cp1252", errors="replace")
        off += li_size
    unicode = "IsUnicode" in flags
    for flag, key in [("HasName", "name"), ("HasRelativePath", "relative_path"),
                      ("HasWorkingDir", "working_dir"), ("HasArguments", "arguments"),
                      ("HasIconLocation", "icon_location")]:
        if flag in flags:
            out[key], off = read_string(data, off, unicode)
    # ExtraData: look for TrackerDataBlock (signature 0xA0000003) for the machine id
    while off + 8 <= len(data):
        (size,) = struct.unpack_from("<I", data, off)
        if size < 4:
            break
        (sig,) = struct.unpack_from("<I", data, off + 4)
        if sig == 0xA0000003 and size >= 0x60:
            out["machine_id"] = data[off + 16:off + 32].split(b"\x00")[0].decode("ascii", errors="replace")
        elif sig == 0xA0000001 and size >= 0x314:
            out["env_target"] = data[off + 8:off + 268].split(b"\x00")[0].decode("cp1252", errors="replace")
        off += size
    return out


def assess(info: dict) -> list[str]:
    findings = []
    target = (info.get("local_base_path") or info.get("env_target") or info.get("relative_path") or "")
    args = info.get("arguments", "")
    icon = info.get("icon_location", "")
    if Path(target.replace("\\", "/")).name.lower() in LOLBINS:
        findings.append("lolbin-target")
    if info.get("show_command") == "SW_SHOWMINNOACTIVE" or re.search(r"-w(indowstyle)?\s+h", args, re.I) \
            or "--headless" in args:
        findings.append("hidden-window")
    if URL_RE.search(args) or URL_RE.search(icon):
        findings.append("remote-url")
    if ENC_RE.search(args):
        findings.append("encoded-powershell")
    if len(args) - len(args.lstrip()) > 50:
        findings.append("padded-arguments")
    if "lolbin-target" in findings and re.search(r"(pdf|word|excel|acrobat|msedge|imageres)", icon, re.I):
        findings.append("icon-mismatch")
    return findings


def decode_encoded(args: str) -> list[str]:
    out = []
    for m in ENC_RE.finditer(args):
        try:
            out.append(base64.b64decode(m.group(1) + "==").decode("utf-16-le", errors="replace").strip("\x00"))
        except ValueError:
            continue
    return out


def strings_mode(path: Path) -> None:
    text = path.read_bytes().decode("latin-1")
    for u in sorted(set(URL_RE.findall(text))):
        print(f"url     {defang(u)}")
    for b in sorted(set(B64_RE.findall(text)))[:50]:
        print(f"base64  {b[:100]}{'...' if len(b) > 100 else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--strings", action="store_true", help="dump URL and base64 strings from any file")
    args = ap.parse_args()
    results = []
    for f in args.files:
        if args.strings:
            print(f"== {f}")
            strings_mode(f)
            continue
        try:
            info = parse_lnk(f.read_bytes())
        except (ValueError, struct.error) as exc:
            print(f"{f}: {exc}", file=sys.stderr)
            continue
        info["file"] = str(f)
        info["findings"] = assess(info)
        info["decoded_powershell"] = decode_encoded(info.get("arguments", ""))
        results.append(info)
        if not args.json:
            print(f"== {f}")
            for key in ("local_base_path", "env_target", "relative_path", "working_dir", "icon_location",
                        "show_command", "machine_id"):
                if info.get(key):
                    print(f"  {key:<16} {info[key]}")
            a = info.get("arguments", "")
            if a:
                print(f"  {'arguments':<16} {defang(a.strip())[:400]}")
            for d in info["decoded_powershell"]:
                print(f"  {'decoded':<16} {defang(d)[:400]}")
            print(f"  {'findings':<16} {', '.join(info['findings']) or 'none'}")
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
