#!/usr/bin/env python3
"""Drive an installed AI CLI headless, once per file, with restricted tools."""
import argparse
import concurrent.futures as cf
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

PRICE_PER_MTOK = {"claude": (3.0, 15.0), "codex": (1.25, 10.0), "gemini": (1.25, 10.0)}  # rough input/output USD


def build_cmd(cli, prompt, mode, extra_tools, max_turns, fmt):
    if cli == "claude":
        tools = ["Read"] + (["Edit"] if mode == "edit" else []) + extra_tools
        cmd = ["claude", "-p", prompt, "--max-turns", str(max_turns), "--allowedTools", *tools]
        if fmt == "json":
            cmd += ["--output-format", "json"]
        return cmd
    if cli == "codex":
        return ["codex", "exec", "--sandbox", "workspace-write" if mode == "edit" else "read-only", prompt]
    if cli == "gemini":
        return ["gemini", "-p", prompt]
    raise SystemExit(f"unknown cli {cli}")


def render(template, path, include_content):
    text = template.replace("{path}", str(path))
    if "{content}" in text:
        text = text.replace("{content}", path.read_text(encoding="utf-8", errors="replace") if include_content else "")
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", choices=["claude", "codex", "gemini"], required=True)
    ap.add_argument("--prompt", required=True, help="template file with {path} and optional {content}")
    ap.add_argument("--files", nargs="*", default=[])
    ap.add_argument("--files-from")
    ap.add_argument("--mode", choices=["report", "edit"], default="report")
    ap.add_argument("--allow-tool", action="append", default=[], help="extra claude tool rule, e.g. 'Bash(pytest:*)'")
    ap.add_argument("--max-turns", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", default="out")
    ap.add_argument("--output-format", choices=["text", "json"], default="json")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip the final confirmation (only after a dry run was reviewed)")
    a = ap.parse_args()

    if not shutil.which(a.cli):
        sys.exit(f"{a.cli} is not installed or not on PATH")
    if any("dangerously" in t or t.strip() in ("Bash", "Bash(*)") for t in a.allow_tool):
        sys.exit("refusing blanket shell access; allow specific commands like 'Bash(pytest:*)'")

    root = Path.cwd().resolve()
    names = list(a.files)
    if a.files_from:
        names += [l.strip() for l in Path(a.files_from).read_text().splitlines() if l.strip() and not l.startswith("#")]
    files = []
    for n in names:
        p = Path(n).resolve()
        if root not in p.parents and p != root:
            print(f"skip (outside {root}): {n}", file=sys.stderr)
            continue
        if p.is_file():
            files.append(p)
    files = sorted(set(files))[: a.limit] if a.limit else sorted(set(files))
    if not files:
        sys.exit("no files")

    if a.mode == "edit":
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
        if dirty:
            sys.exit("working tree is dirty; commit or stash first so the batch's changes are reviewable")

    template = Path(a.prompt).read_text(encoding="utf-8")
    chars = sum(p.stat().st_size for p in files) + len(template) * len(files)
    in_tok = chars / 4 * 1.5          # agent re-reads, system prompt overhead
    out_tok = 800 * len(files)
    pi, po = PRICE_PER_MTOK[a.cli]
    est = in_tok / 1e6 * pi + out_tok / 1e6 * po

    first = build_cmd(a.cli, render(template, files[0].relative_to(root), False), a.mode, a.allow_tool, a.max_turns, a.output_format)
    print(f"files: {len(files)}  mode: {a.mode}  cli: {a.cli}  jobs: {a.jobs}")
    for p in files[:20]:
        print("  ", p.relative_to(root))
    if len(files) > 20:
        print(f"   … and {len(files) - 20} more")
    print("first command:", " ".join(shlex.quote(x) for x in first[:3]) + " … " + " ".join(shlex.quote(x) for x in first[3:]))
    print(f"rough estimate: ~{in_tok/1e6:.2f}M input tokens, ~{out_tok/1e6:.2f}M output; ~${est*0.5:.2f}–${est*2:.2f}")
    if a.dry_run:
        return 0
    if not a.yes and input("Run the batch? [y/N] ").strip().lower() != "y":
        return 0

    out = Path(a.out)
    out.mkdir(exist_ok=True)
    log = open(out / "_run.jsonl", "a", encoding="utf-8")

    def one(p):
        rel = p.relative_to(root)
        dest = out / (str(rel) + (".json" if a.output_format == "json" and a.cli == "claude" else ".md"))
        if a.resume and dest.exists():
            return rel, "skipped", 0
        dest.parent.mkdir(parents=True, exist_ok=True)
        cmd = build_cmd(a.cli, render(template, rel, True), a.mode, a.allow_tool, a.max_turns, a.output_format)
        t0 = time.time()
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout, cwd=root, stdin=subprocess.DEVNULL)
            dest.write_text(r.stdout, encoding="utf-8")
            status = "ok" if r.returncode == 0 else f"exit {r.returncode}: {r.stderr.strip()[:200]}"
        except subprocess.TimeoutExpired:
            status = "timeout"
        return rel, status, round(time.time() - t0, 1)

    ok = 0
    try:
        with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            for rel, status, secs in ex.map(one, files):
                ok += status in ("ok", "skipped")
                print(f"{status:>8}  {secs:>6}s  {rel}")
                log.write(json.dumps({"file": str(rel), "status": status, "seconds": secs, "ts": time.time()}) + "\n")
                log.flush()
    except KeyboardInterrupt:
        print("interrupted; in-flight files finished. Re-run with --resume.")
    print(f"done: {ok}/{len(files)} ok. Outputs in {out}/" + ("; review with: git diff --stat" if a.mode == "edit" else ""))
    return 0 if ok == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
