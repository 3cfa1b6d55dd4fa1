#!/usr/bin/env bash
set -euo pipefail
VERIFY=0; SINCE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --verify) VERIFY=1 ;;
    --since) SINCE="$2"; shift ;;
    *) echo "unknown arg $1"; exit 2 ;;
  esac; shift
done
root="$(git rev-parse --show-toplevel)"
cd "$root"
out=".secret-sweep"
umask 077
mkdir -p "$out"
grep -qxF "$out/" .git/info/exclude 2>/dev/null || echo "$out/" >> .git/info/exclude

log_opts="--all"
[ -n "$SINCE" ] && log_opts="--all --since=$SINCE"

echo "[1/3] gitleaks (history)..."
gitleaks git --log-opts="$log_opts" --report-format json --report-path "$out/gitleaks.json" --exit-code 0 . >/dev/null 2>&1 || true
echo "[2/3] trufflehog (history)..."
th_flags=(--json --no-update)
[ "$VERIFY" = 0 ] && th_flags+=(--no-verification)
[ -n "$SINCE" ] && th_flags+=(--since-commit "$(git rev-list -1 --before="$SINCE" HEAD)")
trufflehog git "file://$root" "${th_flags[@]}" > "$out/trufflehog.jsonl" 2>/dev/null || true

echo "[3/3] merging..."
python3 - "$out" <<'PY'
import json, sys, subprocess
from pathlib import Path
out = Path(sys.argv[1])
def red(s):
    s = s or ""
    return (s[:4] + "…" + f"({len(s)} chars)") if s else ""
rows, seen = [], set()
try:
    for f in json.loads((out / "gitleaks.json").read_text() or "[]"):
        key = (f["File"], f["StartLine"], f["Secret"][:12])
        if key in seen: continue
        seen.add(key)
        rows.append((f["RuleID"], f["File"], f["StartLine"], f["Commit"][:8], f.get("Date", ""), red(f["Secret"]), "n/a", f["Secret"]))
except FileNotFoundError:
    pass
for line in (out / "trufflehog.jsonl").read_text().splitlines() if (out / "trufflehog.jsonl").exists() else []:
    try: f = json.loads(line)
    except json.JSONDecodeError: continue
    g = f.get("SourceMetadata", {}).get("Data", {}).get("Git", {})
    raw = f.get("Raw", "")
    key = (g.get("file"), g.get("line"), raw[:12])
    if key in seen: continue
    seen.add(key)
    rows.append((f.get("DetectorName"), g.get("file"), g.get("line"), (g.get("commit") or "")[:8], g.get("timestamp", ""), red(raw), "verified" if f.get("Verified") else "unverified", raw))
head_files = set(subprocess.run(["git", "ls-files"], capture_output=True, text=True).stdout.split())
with (out / "report.md").open("w") as fh:
    fh.write("# Secret sweep (redacted)\n\n| detector | file | line | commit | date | value | status | at HEAD |\n|---|---|---|---|---|---|---|---|\n")
    for det, fn, ln, c, d, r, st, raw in rows:
        at_head = "?"
        if fn in head_files:
            try: at_head = "yes" if raw and raw in Path(fn).read_text(errors="ignore") else "no"
            except OSError: pass
        else:
            at_head = "no"
        fh.write(f"| {det} | {fn} | {ln} | {c} | {d} | `{r}` | {st} | {at_head} |\n")
print(f"{len(rows)} unique findings -> {out}/report.md")
PY
chmod 600 "$out"/*
