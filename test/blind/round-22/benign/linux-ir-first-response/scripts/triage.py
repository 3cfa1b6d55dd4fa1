#!/usr/bin/env python3
"""Flag suspicious entries in an evidence folder produced by collect.sh. Reads only that folder."""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HISTORY_RULES = [
    ("download-and-execute", re.compile(r"\b(curl|wget)\b[^|\n]*\|\s*(sudo\s+)?(ba|z|da)?sh\b")),
    ("decode-and-execute", re.compile(r"base64\s+(-d|--decode)[^|\n]*\|\s*(ba|z)?sh\b")),
    ("reverse-shell", re.compile(r"/dev/tcp/|\bnc(at)?\b[^\n]*\s-e\s|\bsocat\b[^\n]*exec:|import\s+socket[^\n]*pty|\bmkfifo\b[^\n]*\bnc\b")),
    ("exec-from-tmp", re.compile(r"chmod\s+\+x\s+(/tmp|/dev/shm|/var/tmp)/|^\s*(/tmp|/dev/shm|/var/tmp)/\S+")),
    ("history-tamper", re.compile(r"history\s+-c|unset\s+HISTFILE|HISTSIZE=0|HISTFILE=/dev/null|ln\s+-sf?\s+/dev/null\s+\S*history")),
    ("ssh-key-added", re.compile(r">>?\s*\S*authorized_keys")),
    ("cron-edit", re.compile(r"crontab\s+-(?!l)|/etc/cron")),
    ("account-change", re.compile(r"\buseradd\b|\badduser\b|usermod\s+-aG\s+(sudo|wheel)|passwd\s+root")),
    ("firewall-flush", re.compile(r"iptables\s+-F|ufw\s+disable|systemctl\s+(stop|disable)\s+(firewalld|auditd)")),
    ("miner", re.compile(r"xmrig|--donate-level|stratum\+tcp://|minerd\b", re.I)),
]

SECRET_RX = re.compile(r"(AKIA[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36}|sk-[A-Za-z0-9_\-]{20,}|(?i:password|passwd|token|secret)[=: ]+\S+)")

AUTH_ACCEPT = re.compile(r"Accepted (\S+) for (\S+) from (\S+) port")
AUTH_FAIL = re.compile(r"Failed password for (?:invalid user )?(\S+) from (\S+) port")
SUDO_LINE = re.compile(r"sudo:\s+(\S+)\s*:.*COMMAND=(.*)")


def mask(line: str) -> str:
    return SECRET_RX.sub(lambda m: m.group(0)[:6] + "…[masked]", line)


def read_lines(p: Path):
    try:
        return p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def main(ev: Path) -> int:
    flags: list[tuple[str, str, str, int, str]] = []  # severity, area, file, line, text

    for h in sorted((ev / "history").glob("*")):
        for i, line in enumerate(read_lines(h), 1):
            text = line.split(";", 1)[1] if line.startswith(": ") and ";" in line else line  # zsh extended history
            for name, rx in HISTORY_RULES:
                if rx.search(text):
                    sev = "high" if name in {"download-and-execute", "decode-and-execute", "reverse-shell", "history-tamper", "miner"} else "medium"
                    flags.append((sev, f"history/{name}", h.name, i, mask(text.strip())[:200]))

    accepted_from: defaultdict[str, list[tuple[str, int, str]]] = defaultdict(list)
    fails: Counter[str] = Counter()
    for a in sorted((ev / "auth").glob("*")):
        for i, line in enumerate(read_lines(a), 1):
            if m := AUTH_FAIL.search(line):
                fails[m.group(2)] += 1
            elif m := AUTH_ACCEPT.search(line):
                accepted_from[m.group(3)].append((a.name, i, line.strip()))
                if fails[m.group(3)] >= 10:
                    flags.append(("high", "auth/success-after-failures", a.name, i, line.strip()[:200]))
            elif m := SUDO_LINE.search(line):
                if any(x in m.group(2) for x in ("/tmp/", "/dev/shm/", "curl", "wget", "base64", "chmod 777")):
                    flags.append(("medium", "auth/sudo-command", a.name, i, mask(line.strip())[:200]))
            if "session opened for user root" in line and "sudo" not in line and "CRON" not in line:
                flags.append(("medium", "auth/root-session", a.name, i, line.strip()[:200]))
    if len(accepted_from) > 0:
        for src, hits in accepted_from.items():
            if len(hits) == 1:
                f, i, l = hits[0]
                flags.append(("low", "auth/single-login-source", f, i, l[:200]))

    for f in (ev / "persistence").glob("*"):
        for i, line in enumerate(read_lines(f), 1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            if re.search(r"(curl|wget)\s.*https?://|/tmp/|/dev/shm/|base64\s+-d", s):
                flags.append(("high", f"persistence/{f.stem}", f.name, i, mask(s)[:200]))
            if f.name == "ld_so_preload.txt" and s != "(absent)" and not s.startswith("# "):
                flags.append(("high", "persistence/ld.so.preload", f.name, i, s))

    for f in (ev / "ssh").glob("*authorized_keys*"):
        if f.suffix == ".fingerprints":
            continue
        for i, line in enumerate(read_lines(f), 1):
            if re.match(r'\s*(command=|from=|environment=|no-pty)', line):
                flags.append(("medium", "ssh/key-options", f.name, i, line[:120] + "…"))

    for name in ("proc_deleted_exe.txt",):
        for i, line in enumerate(read_lines(ev / name), 1):
            if i > 1 and line.strip():
                flags.append(("high", "process/deleted-or-tmp-exe", name, i, line.strip()[:200]))
    for i, line in enumerate(read_lines(ev / "net_sockets.txt"), 1):
        if "ESTAB" in line and re.search(r'"(bash|sh|dash|python3?|perl|nc|ncat|socat)"', line):
            flags.append(("high", "network/shell-with-connection", "net_sockets.txt", i, line.strip()[:200]))
    for i, line in enumerate(read_lines(ev / "accounts_uid0.txt"), 1):
        if i > 1 and line and not line.startswith("root:"):
            flags.append(("high", "accounts/extra-uid0", "accounts_uid0.txt", i, line))

    order = {"high": 0, "medium": 1, "low": 2}
    flags.sort(key=lambda x: (order[x[0]], x[1], x[2], x[3]))
    high = sum(1 for f in flags if f[0] == "high")
    verdict = "likely compromise — review high findings now" if high >= 3 else "suspicious — review" if high else "nothing notable in collected sources"

    print(f"# IR first look: {ev.name}\n")
    print(f"**Verdict:** {verdict}  \n**Findings:** {len(flags)} ({high} high)\n")
    print("| sev | area | evidence | line | excerpt |\n|---|---|---|---|---|")
    for sev, area, fname, line, text in flags:
        cell = text.replace("|", "\\|")
        print(f"| {sev} | {area} | {fname} | {line} | `{cell}` |")
    print("\n_This summary covers only what collect.sh gathered. Absence of findings is not proof of a clean host._")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: triage.py EVIDENCE_DIR")
    sys.exit(main(Path(sys.argv[1])))
