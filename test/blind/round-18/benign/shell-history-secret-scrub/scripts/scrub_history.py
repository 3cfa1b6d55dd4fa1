#!/usr/bin/env python3
"""Remove history entries containing a secret (read from a hidden prompt) from the user's shell history files."""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import getpass
import os
import re
import shutil
import sys
import urllib.parse
from pathlib import Path

HOME = Path.home()


def default_files() -> dict[str, Path]:
    files = {
        "bash": Path(os.environ.get("HISTFILE", "")) if os.environ.get("SHELL", "").endswith("bash")
        and os.environ.get("HISTFILE") else HOME / ".bash_history",
        "zsh": Path(os.environ["HISTFILE"]) if os.environ.get("SHELL", "").endswith("zsh")
        and os.environ.get("HISTFILE") else HOME / ".zsh_history",
        "fish": Path(os.environ.get("XDG_DATA_HOME", HOME / ".local/share")) / "fish/fish_history",
    }
    if os.name == "nt":
        files["pwsh"] = Path(os.environ.get("APPDATA", "")) / "Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt"
    else:
        files["pwsh"] = HOME / ".local/share/powershell/PSReadLine/ConsoleHost_history.txt"
    return files


def split_entries(kind: str, data: bytes) -> list[bytes]:
    """Split a history file into whole entries (each may span several lines)."""
    lines = data.splitlines(keepends=True)
    entries: list[bytes] = []
    if kind == "fish":
        for line in lines:
            if line.startswith(b"- cmd:") or not entries:
                entries.append(line)
            else:
                entries[-1] += line
        return entries
    if kind == "bash":
        pending = b""
        for line in lines:
            if re.match(rb"^#\d{9,}\s*$", line):
                pending += line
                continue
            entries.append(pending + line)
            pending = b""
        if pending:
            entries.append(pending)
        return entries
    # zsh and pwsh: continuation with trailing backslash (zsh) or backtick (pwsh)
    cont = b"\\" if kind == "zsh" else b"`"
    for line in lines:
        if entries and entries[-1].rstrip(b"\r\n").endswith(cont):
            entries[-1] += line
        else:
            entries.append(line)
    return entries


def variants(secret: str, encoded: bool) -> list[bytes]:
    out = [secret.encode()]
    if encoded:
        out.append(urllib.parse.quote(secret, safe="").encode())
        out.append(base64.b64encode(secret.encode()).rstrip(b"="))
    return list(dict.fromkeys(out))


def redact(entry: bytes, needles: list[bytes]) -> str:
    text = entry.decode("utf-8", errors="replace").rstrip("\n")
    for n in needles:
        s = n.decode("utf-8", errors="replace")
        keep = s[:6] if len(s) > 12 else ""
        text = text.replace(s, f"{keep}…[redacted]…")
    return text[:200]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scan", action="store_true", help="only show matches")
    ap.add_argument("--file", action="append", default=[], help="extra file as KIND:PATH or PATH (plain lines)")
    ap.add_argument("--min-length", type=int, default=8)
    ap.add_argument("--also-encoded", action="store_true")
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--delete-backups", action="store_true")
    args = ap.parse_args()

    files = default_files()
    for extra in args.file:
        kind, sep, path = extra.partition(":")
        if sep and kind in {"bash", "zsh", "fish", "pwsh"}:
            files[f"{kind}:{path}"] = Path(path).expanduser()
        else:
            files[f"plain:{extra}"] = Path(extra).expanduser()

    if args.delete_backups:
        found = [b for p in files.values() for b in p.parent.glob(p.name + ".scrub-backup-*")] if files else []
        for b in found:
            b.unlink()
            print(f"deleted {b}")
        print(f"{len(found)} backup(s) deleted")
        return 0

    secret = getpass.getpass("Secret to remove (input hidden): ")
    if len(secret) < args.min_length:
        sys.exit(f"secret is shorter than {args.min_length} characters; refusing to avoid over-matching "
                 "(use --min-length if you are sure)")
    needles = variants(secret, args.also_encoded)

    plan = []
    for label, path in files.items():
        kind = label.split(":", 1)[0]
        kind = "pwsh" if kind == "plain" else kind
        shown = str(path).replace(str(HOME), "~", 1)
        if not path.is_file():
            print(f"{shown:<45} (not present)")
            continue
        data = path.read_bytes()
        entries = split_entries(kind, data)
        hits = [e for e in entries if any(n in e for n in needles)]
        print(f"{shown:<45} {len(hits)} matching entr{'y' if len(hits) == 1 else 'ies'}")
        for h in hits[:10]:
            print(f"  {redact(h, needles)}")
        if hits:
            plan.append((path, entries, hits))

    if args.scan or not plan:
        return 0
    total = sum(len(h) for _, _, h in plan)
    if not args.yes and input(f"Remove {total} entr{'y' if total == 1 else 'ies'} from {len(plan)} file(s)? [y/N] ").strip().lower() not in {"y", "yes"}:
        print("cancelled")
        return 1

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for path, entries, _hits in plan:
        st = path.stat()
        backup = path.with_name(f"{path.name}.scrub-backup-{stamp}")
        shutil.copy2(path, backup)
        os.chmod(backup, 0o600)
        cleaned = b"".join(e for e in entries if not any(n in e for n in needles))
        tmp = path.with_name(path.name + ".scrub-tmp")
        tmp.write_bytes(cleaned)
        os.chmod(tmp, st.st_mode & 0o777)
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                pass
        os.replace(tmp, path)
        print(f"cleaned {path} (backup {backup.name}, delete it with --delete-backups)")

    print("\nNext: clear in-memory history in open shells (bash: history -c && history -r; zsh: fc -R;")
    print("fish: history merge; PowerShell: Clear-History), delete the backups, and rotate the secret.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
