#!/usr/bin/env python3
"""Drive an installed AI CLI (claude -p / codex exec) over user-named files, one call per file."""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import csv
import fnmatch
import glob
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

SECRET_GLOBS = [".env", ".env.*", "*.pem", "*.key", "id_*", "*.p12", "*.pfx", "credentials*", "*.keystore", "*.kdbx"]
FORBIDDEN_FLAGS = {"--dangerously-skip-permissions", "bypassPermissions", "--dangerously-bypass-approvals-and-sandbox", "danger-full-access", "--yolo"}
MAX_CONTENT = 200_000
lock = threading.Lock()
spent = 0.0


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True).stdout


def expand(a) -> list[Path]:
    root = Path.cwd().resolve()
    raw: list[str] = []
    for g in a.glob or []:
        raw += glob.glob(g, recursive=True)
    raw += a.files or []
    ignored = set()
    if not a.include_ignored and (root / ".git").exists():
        ignored = set(git("ls-files", "--others", "--ignored", "--exclude-standard").splitlines())
    out, seen = [], set()
    for r in raw:
        p = Path(r)
        if not p.is_file():
            continue
        rp = p.resolve()
        if root not in rp.parents and rp != root:
            print(f"skip (outside working tree): {r}", file=sys.stderr)
            continue
        rel = str(rp.relative_to(root))
        if rel in ignored:
            continue
        if any(fnmatch.fnmatch(p.name, s) for s in SECRET_GLOBS):
            print(f"skip (looks like a secret file): {rel}", file=sys.stderr)
            continue
        if rel not in seen:
            seen.add(rel)
            out.append(Path(rel))
    return sorted(out)[: a.max_files] if a.max_files else sorted(out)


def render(template: str, path: Path) -> str:
    content = path.read_text(encoding="utf-8", errors="replace")
    if len(content) > MAX_CONTENT:
        content = content[:MAX_CONTENT] + "\n[... truncated ...]"
    return template.replace("{path}", str(path)).replace("{content}", content)


def build_cmd(a, path: Path, prompt: str, out_file: Path) -> list[str]:
    if a.cli == "claude":
        cmd = ["claude", "-p", prompt, "--output-format", "json", "--max-turns", str(a.max_turns)]
        if a.model:
            cmd += ["--model", a.model]
        if a.mode == "read":
            cmd += ["--permission-mode", "plan", "--allowedTools", "Read,Grep,Glob"]
        else:
            cmd += ["--permission-mode", "acceptEdits", "--allowedTools", f"Read,Edit({path})",
                    "--disallowedTools", "Bash,WebFetch,WebSearch"]
    else:
        cmd = ["codex", "exec", "--sandbox", "read-only" if a.mode == "read" else "workspace-write",
               "--output-last-message", str(out_file)]
        if a.model:
            cmd += ["-m", a.model]
        if not (Path.cwd() / ".git").exists():
            cmd += ["--skip-git-repo-check"]
        cmd.append(prompt)
    assert not (FORBIDDEN_FLAGS & set(cmd)), "refusing permission-bypass flags"
    return cmd


def out_path(a, path: Path) -> Path:
    suffix = ".json" if a.cli == "claude" and a.raw_json else ".md"
    return Path(a.out) / (str(path) + suffix)


def run_one(a, template: str, path: Path) -> dict:
    global spent
    dst = out_path(a, path)
    row = {"path": str(path), "status": "", "turns": "", "cost_usd": "", "seconds": "", "output": str(dst)}
    if a.resume and dst.exists() and dst.stat().st_size > 0:
        row["status"] = "skipped"
        return row
    with lock:
        if a.max_usd and spent >= a.max_usd:
            row["status"] = "over-budget"
            return row
    dst.parent.mkdir(parents=True, exist_ok=True)
    logd = Path(a.out) / "_logs"
    logd.mkdir(parents=True, exist_ok=True)
    prompt = render(template, path)
    cmd = build_cmd(a, path, prompt, dst)
    t0 = time.time()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        row.update(status="error", seconds=f"{time.time() - t0:.0f}")
        (logd / (str(path).replace("/", "__") + ".log")).write_text("timeout\n")
        return row
    row["seconds"] = f"{time.time() - t0:.0f}"
    (logd / (str(path).replace("/", "__") + ".log")).write_text(r.stderr)
    if r.returncode != 0:
        row["status"] = "error"
        return row
    if a.cli == "claude":
        try:
            res = json.loads(r.stdout)
        except json.JSONDecodeError:
            row["status"] = "error"
            return row
        cost = float(res.get("total_cost_usd") or 0)
        with lock:
            spent += cost
        row.update(turns=res.get("num_turns", ""), cost_usd=f"{cost:.4f}", status="error" if res.get("is_error") else "ok")
        dst.write_text(r.stdout if a.raw_json else (res.get("result") or ""), encoding="utf-8")
    else:
        row["status"] = "ok" if dst.exists() else "error"
    if a.mode == "edit":
        changed = [l[3:] for l in git("status", "--porcelain").splitlines() if l[3:] != str(path) and not l[3:].startswith(str(a.out))]
        if changed:
            row["status"] = "ok-but-touched-other-files"
            (logd / (str(path).replace("/", "__") + ".others")).write_text("\n".join(changed))
    return row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", choices=["claude", "codex"], required=True)
    ap.add_argument("--glob", action="append")
    ap.add_argument("--files", nargs="*")
    ap.add_argument("--prompt", required=True, help="template file with {path} and {content}")
    ap.add_argument("--out", default="out/batch")
    ap.add_argument("--mode", choices=["read", "edit"], default="read")
    ap.add_argument("--model")
    ap.add_argument("--max-turns", type=int, default=4)
    ap.add_argument("--max-files", type=int)
    ap.add_argument("--max-usd", type=float)
    ap.add_argument("--concurrency", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--only-failed", action="store_true")
    ap.add_argument("--include-ignored", action="store_true")
    ap.add_argument("--raw-json", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true", help="skip the terminal prompt (only after the user confirmed)")
    a = ap.parse_args()

    if not shutil.which(a.cli):
        sys.exit(f"{a.cli} CLI not found on PATH; install and log in first (claude: `claude` then /login; codex: `codex login`)")
    files = expand(a)
    if a.only_failed:
        summ = Path(a.out) / "_summary.csv"
        failed = {r["path"] for r in csv.DictReader(summ.open()) if r["status"] not in ("ok", "skipped")} if summ.exists() else set()
        files = [f for f in files if str(f) in failed]
    if not files:
        sys.exit("no files matched")
    template = Path(a.prompt).read_text(encoding="utf-8")
    if a.mode == "edit":
        if git("status", "--porcelain").strip():
            sys.exit("edit mode needs a clean git working tree (commit or stash first) so every change is reviewable")
        a.concurrency = 1  # sequential so the per-file git check is meaningful

    print(f"{len(files)} file(s), cli={a.cli}, mode={a.mode}, max-turns={a.max_turns}, concurrency={a.concurrency}")
    for f in files[:20]:
        print(f"  {f}")
    if len(files) > 20:
        print(f"  … and {len(files) - 20} more")
    example = build_cmd(a, files[0], "<rendered prompt for " + str(files[0]) + ">", out_path(a, files[0]))
    print("first command:", " ".join(repr(x) if " " in x else x for x in example))
    if a.dry_run:
        return 0
    if not a.yes:
        if input(f"Run {len(files)} call(s) with {a.cli} in {a.mode} mode? [y/N] ").strip().lower() not in ("y", "yes"):
            print("cancelled")
            return 1

    rows = []
    with cf.ThreadPoolExecutor(max_workers=max(1, a.concurrency)) as ex:
        futs = {ex.submit(run_one, a, template, f): f for f in files}
        for fut in cf.as_completed(futs):
            r = fut.result()
            rows.append(r)
            print(f"{r['status']:<28} {r['path']}  {r['cost_usd'] and '$' + r['cost_usd']}")

    Path(a.out).mkdir(parents=True, exist_ok=True)
    with (Path(a.out) / "_summary.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(sorted(rows, key=lambda r: r["path"]))
    ok = sum(r["status"] == "ok" for r in rows)
    print(f"\n{ok}/{len(rows)} ok; total cost ${spent:.4f}" if a.cli == "claude" else f"\n{ok}/{len(rows)} ok")
    if a.mode == "edit":
        print(git("diff", "--stat"))
        others = [r["path"] for r in rows if r["status"] == "ok-but-touched-other-files"]
        if others:
            print("warning: these runs changed files other than their target (see out/_logs/*.others):", *others, sep="\n  ")
    return 0 if ok == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
