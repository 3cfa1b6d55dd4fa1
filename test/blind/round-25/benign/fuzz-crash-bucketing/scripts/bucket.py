#!/usr/bin/env python3
"""Reproduce, bucket, minimize and rank fuzzer crashes."""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DROP = re.compile(
    r"^(__asan|__ubsan|__msan|__sanitizer|__interceptor|fuzzer::|LLVMFuzzerTestOneInput|main$|"
    r"mem(cpy|move|set|cmp)|str(len|cpy|cmp|ncpy)|std::|__libc|abort|raise|core::panicking|"
    r"std::panicking|rust_begin_unwind|libfuzzer_sys|__GI_)"
)
FRAME = re.compile(r"#\d+ 0x[0-9a-f]+ in (?P<fn>.+?) (?P<loc>\S+?)(?::\d+)*$")
PY_FRAME = re.compile(r'File "(?P<loc>[^"]+)", line \d+, in (?P<fn>\S+)')
KIND_PATTERNS = [
    re.compile(r"ERROR: AddressSanitizer: (?P<k>[\w-]+)(?: on .*)?"),
    re.compile(r"(?P<k>(READ|WRITE) of size \d+)"),
    re.compile(r"(?P<k>UndefinedBehaviorSanitizer: [\w-]+)"),
    re.compile(r"runtime error: (?P<k>[^:\n]+)"),
    re.compile(r"ERROR: MemorySanitizer: (?P<k>[\w-]+)"),
    re.compile(r"thread '.*' panicked at '?(?P<k>[^'\n,]{1,80})"),
    re.compile(r"^(?P<k>\w+(Error|Exception)):", re.M),
    re.compile(r"ERROR: libFuzzer: (?P<k>timeout|out-of-memory|deadly signal)"),
]
RANK = [("WRITE", 1), ("double-free", 1), ("heap-use-after-free", 2), ("READ of size", 3),
        ("use-of-uninitialized-value", 3), ("SEGV", 4), ("runtime error", 4), ("panicked", 4),
        ("Error", 4), ("timeout", 5), ("out-of-memory", 5)]


def sha1(p: Path) -> str:
    return hashlib.sha1(p.read_bytes()).hexdigest()


def run(target, inp, timeout, extra=()):
    env = dict(os.environ, ASAN_OPTIONS="symbolize=1:detect_leaks=0:abort_on_error=1:handle_abort=1",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    try:
        p = subprocess.run([target, *extra, str(inp)], capture_output=True, timeout=timeout, env=env)
        return p.returncode, p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return -9, "ERROR: libFuzzer: timeout (harness wall clock)\n"


def key_of(log: str, nframes: int):
    kinds = []
    for pat in KIND_PATTERNS:
        m = pat.search(log)
        if m:
            kinds.append(m.group("k").strip())
    frames = []
    for line in log.splitlines():
        m = FRAME.search(line.strip()) or PY_FRAME.search(line)
        if not m:
            continue
        fn = re.sub(r"<.*>", "", m.group("fn"))
        fn = re.sub(r"::h[0-9a-f]{16}$", "", fn).split("(")[0]
        if DROP.match(fn):
            continue
        frames.append(f"{fn}@{Path(m.group('loc')).name.split(':')[0]}")
        if len(frames) == nframes:
            break
    kind = " / ".join(dict.fromkeys(kinds)) or "unknown"
    return kind, frames


def cmd_repro(a):
    wd = Path(a.workdir)
    (wd / "logs").mkdir(parents=True, exist_ok=True)
    inputs = [p for p in Path(a.crashes).iterdir() if p.is_file() and not p.name.startswith((".", "README"))]

    def one(p):
        for _ in range(a.repeat):
            rc, err = run(a.target, p, a.timeout)
            if rc != 0:
                (wd / "logs" / f"{sha1(p)}.log").write_text(f"# input: {p}\n{err}")
                return None
        return str(p)

    with ThreadPoolExecutor(a.jobs) as ex:
        flaky = [r for r in ex.map(one, inputs) if r]
    (wd / "flaky.txt").write_text("\n".join(flaky) + ("\n" if flaky else ""))
    print(f"{len(inputs) - len(flaky)} reproduced, {len(flaky)} did not (see flaky.txt)")


def cmd_bucket(a):
    wd = Path(a.workdir)
    buckets = {}
    for log in sorted((wd / "logs").glob("*.log")):
        text = log.read_text()
        src = text.splitlines()[0].removeprefix("# input: ")
        kind, frames = key_of(text, a.frames)
        bid = hashlib.sha1(f"{kind}|{'|'.join(frames)}".encode()).hexdigest()[:10]
        b = buckets.setdefault(bid, {"kind": kind, "frames": frames, "inputs": []})
        b["inputs"].append(src)
    (wd / "buckets.json").write_text(json.dumps(buckets, indent=2))
    for bid, b in sorted(buckets.items(), key=lambda kv: -len(kv[1]["inputs"])):
        print(f"{bid} {len(b['inputs']):5d}  {b['kind'][:50]:50}  {' <- '.join(b['frames'])}")


def cmd_minimize(a):
    wd = Path(a.workdir)
    buckets = json.loads((wd / "buckets.json").read_text())
    (wd / "min").mkdir(exist_ok=True)
    for bid, b in buckets.items():
        rep = min((Path(p) for p in b["inputs"]), key=lambda p: p.stat().st_size)
        out = wd / "min" / f"{bid}.bin"
        if a.engine == "libfuzzer":
            subprocess.run([a.target, "-minimize_crash=1", "-runs=10000", f"-exact_artifact_path={out}", str(rep)],
                           capture_output=True, timeout=600)
        elif a.engine == "afl":
            subprocess.run(["afl-tmin", "-i", str(rep), "-o", str(out), "--", a.target, "@@"],
                           capture_output=True, timeout=600)
        if not out.exists():
            shutil.copy(rep, out)
            continue
        rc, err = run(a.target, out, 10)
        kind, frames = key_of(err, len(b["frames"]) or 3)
        if rc == 0 or kind != b["kind"] or frames != b["frames"]:
            shutil.copy(rep, out)  # minimization slipped into another bug; keep original
            print(f"{bid}: minimized input changed bucket, kept original")
        else:
            print(f"{bid}: {rep.stat().st_size} -> {out.stat().st_size} bytes")


def rank(kind):
    for needle, r in RANK:
        if needle in kind:
            return r
    return 4


def cmd_report(a):
    wd = Path(a.workdir)
    buckets = json.loads((wd / "buckets.json").read_text())
    print("# Crash triage report\n")
    print("Ranking is a triage priority (memory writes first), not an exploitability verdict.\n")
    print("| Rank | Bucket | Count | Kind | Top frames |\n|---|---|---|---|---|")
    ordered = sorted(buckets.items(), key=lambda kv: (rank(kv[1]["kind"]), -len(kv[1]["inputs"])))
    for bid, b in ordered:
        print(f"| {rank(b['kind'])} | `{bid}` | {len(b['inputs'])} | {b['kind']} | {' ← '.join(b['frames'])} |")
    for bid, b in ordered:
        mp = wd / "min" / f"{bid}.bin"
        print(f"\n## `{bid}` — {b['kind']}\n")
        print(f"- inputs: {len(b['inputs'])}, e.g. `{b['inputs'][0]}`")
        if mp.exists():
            data = mp.read_bytes()
            print(f"- minimized: `{mp}` ({len(data)} bytes)\n\n```\n{data[:256].hex(' ', 1)}\n```")
        print(f"\nReproduce: `{a.target or '<target>'} {mp}`")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("repro"); r.add_argument("--target", required=True); r.add_argument("--crashes", required=True)
    r.add_argument("--timeout", type=int, default=10); r.add_argument("--jobs", type=int, default=os.cpu_count())
    r.add_argument("--repeat", type=int, default=1); r.add_argument("--workdir", default="triage")
    b = sub.add_parser("bucket"); b.add_argument("--workdir", default="triage"); b.add_argument("--frames", type=int, default=3)
    m = sub.add_parser("minimize"); m.add_argument("--target", required=True); m.add_argument("--workdir", default="triage")
    m.add_argument("--engine", choices=["libfuzzer", "afl", "none"], default="libfuzzer")
    p = sub.add_parser("report"); p.add_argument("--workdir", default="triage"); p.add_argument("--target")
    a = ap.parse_args()
    {"repro": cmd_repro, "bucket": cmd_bucket, "minimize": cmd_minimize, "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
