#!/usr/bin/env python3
"""Collect user-listed files/command outputs into a redacted support bundle for review. No uploads."""
import collections
import fnmatch
import glob
import os
import re
import shlex
import subprocess
import sys
import time
import zipfile

import yaml

KEYED = r"(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|private[_-]?key)[\"']?\s*[:=]\s*[\"']?)([^\s\"',}\[]{4,})"
RULES = [
    ("private_key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----")),
    ("github", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b")),
    ("gitlab", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b")),
    ("npm", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    ("slack", re.compile(r"\bxox[abps]-[A-Za-z0-9-]{10,}\b")),
    ("stripe", re.compile(r"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\b")),
    ("anthropic", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}\b")),
    ("openai", re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b")),
    ("aws_id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("google", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b")),
    ("auth_header", re.compile(r"(?i)(authorization:\s*(?:bearer|basic|token)\s+)(\S+)")),
    ("url_credentials", re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/\s@]+:)([^@\s/]+)(@)")),
    ("keyed_secret", re.compile(KEYED)),
]
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6 = re.compile(r"\b(?:[0-9a-fA-F]{1,4}:){4,7}[0-9a-fA-F]{1,4}\b")


def mask(v):
    return (v[:4] + "…") if len(v) > 8 else "…"


class Redactor:
    def __init__(self, cfg):
        r = cfg.get("redact", {}) or {}
        self.emails = r.get("emails", True)
        self.ips = r.get("ips", False)
        self.hosts = r.get("hostnames", []) or []
        self.extra = [re.compile(p) for p in r.get("extra_patterns", []) or []]
        self.counts = collections.Counter()
        self.samples = {}
        self.aliases = collections.defaultdict(dict)

    def alias(self, kind, value):
        table = self.aliases[kind]
        if value not in table:
            table[value] = f"<{kind.upper()}-{len(table) + 1}>"
        return table[value]

    def _note(self, rule, fname, value):
        self.counts[(rule, fname)] += 1
        self.samples.setdefault(rule, mask(value))

    def line(self, text, fname):
        for rule, rx in RULES:
            def sub(m, rule=rule):
                if rule in ("auth_header", "keyed_secret"):
                    self._note(rule, fname, m.group(2))
                    return m.group(1) + "[REDACTED]"
                if rule == "url_credentials":
                    self._note(rule, fname, m.group(2))
                    return m.group(1) + "[REDACTED]" + m.group(3)
                self._note(rule, fname, m.group(0))
                return f"[REDACTED:{rule}]"
            text = rx.sub(sub, text)
        for i, rx in enumerate(self.extra):
            text = rx.sub(lambda m: (self._note(f"extra_{i}", fname, m.group(0)), self.alias("id", m.group(0)))[1], text)
        if self.emails:
            text = EMAIL.sub(lambda m: (self._note("email", fname, m.group(0)), self.alias("email", m.group(0)))[1], text)
        if self.ips:
            for rx in (IPV4, IPV6):
                text = rx.sub(lambda m: (self._note("ip", fname, m.group(0)), self.alias("ip", m.group(0)))[1], text)
        for pat in self.hosts:
            rx = re.compile(r"\b" + re.escape(pat).replace(r"\*", r"[A-Za-z0-9-]+") + r"\b")
            text = rx.sub(lambda m: (self._note("hostname", fname, m.group(0)), self.alias("host", m.group(0)))[1], text)
        return text


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_bundle.py bundle.yaml")
    cfg = yaml.safe_load(open(sys.argv[1]))
    name = cfg.get("name", "app")
    out = f"support-bundle-{name}-{time.strftime('%Y%m%d-%H%M')}"
    os.makedirs(os.path.join(out, "commands"))
    os.makedirs(os.path.join(out, "files"))
    red = Redactor(cfg)
    manifest = [f"# Support bundle: {name}", f"created {time.strftime('%Y-%m-%d %H:%M %Z')}", "", "## Commands", ""]

    for i, cmd in enumerate(cfg.get("commands", []) or [], 1):
        try:
            r = subprocess.run(shlex.split(cmd), capture_output=True, text=True, timeout=30)
            text = r.stdout + (("\n[stderr]\n" + r.stderr) if r.stderr else "")
        except (FileNotFoundError, subprocess.TimeoutExpired) as e:
            text = f"[not run: {e.__class__.__name__}]"
        dest = os.path.join(out, "commands", f"{i:02d}-{re.sub(r'[^A-Za-z0-9]+', '_', cmd)[:40]}.txt")
        with open(dest, "w") as fh:
            fh.write(f"$ {cmd}\n" + "".join(red.line(l, cmd) for l in text.splitlines(True)))
        manifest.append(f"- `{cmd}` -> `{os.path.relpath(dest, out)}`")

    manifest += ["", "## Files", ""]
    tail = int(cfg.get("tail_lines", 2000))
    for pattern in cfg.get("files", []) or []:
        for path in sorted(glob.glob(os.path.expanduser(pattern))):
            if fnmatch.fnmatch(os.path.basename(path), ".env*") or "PRIVATE KEY" in open(path, errors="ignore").read(4096):
                manifest.append(f"- `{path}` skipped (env file or key material)")
                continue
            with open(path, errors="replace") as fh:
                lines = collections.deque(fh, maxlen=tail) if path.endswith(".log") else fh.readlines()
            rel = os.path.relpath(os.path.abspath(path)).lstrip("./").replace("..", "_up")
            dest = os.path.join(out, "files", rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "w") as fh:
                fh.writelines(red.line(l, path) for l in lines)
            manifest.append(f"- `{path}` ({len(lines)} lines{', tail' if path.endswith('.log') else ''}) -> `files/{rel}`")

    env_src = cfg.get("env_names_from")
    if env_src and os.path.exists(env_src):
        names = [l.split("=", 1)[0].strip() for l in open(env_src) if "=" in l and not l.lstrip().startswith("#")]
        with open(os.path.join(out, "env-variable-names.txt"), "w") as fh:
            fh.write("\n".join(names) + "\n")
        manifest.append(f"- `{env_src}`: variable names only ({len(names)})")

    with open(os.path.join(out, "MANIFEST.md"), "w") as fh:
        fh.write("\n".join(manifest) + "\n")
    rep = ["# Redactions", "", "| rule | file | count |", "|---|---|---|"]
    rep += [f"| {r} | {f} | {n} |" for (r, f), n in sorted(red.counts.items())]
    rep += ["", "Samples (masked): " + ", ".join(f"{k}: {v}" for k, v in sorted(red.samples.items()))]
    with open(os.path.join(out, "REDACTIONS.md"), "w") as fh:
        fh.write("\n".join(rep) + "\n")

    with zipfile.ZipFile(out + ".zip", "w", zipfile.ZIP_DEFLATED) as z:
        for dp, _, fns in os.walk(out):
            for fn in fns:
                z.write(os.path.join(dp, fn))
    print(f"bundle: {out}/ and {out}.zip")
    print(f"redactions: {sum(red.counts.values())} across {len({f for _, f in red.counts})} sources")
    print("Review MANIFEST.md and REDACTIONS.md before sending. Nothing has been uploaded.")


if __name__ == "__main__":
    main()
