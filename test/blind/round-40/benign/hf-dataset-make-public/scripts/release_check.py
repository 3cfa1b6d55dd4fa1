#!/usr/bin/env python3
"""Release check and visibility flip for a Hugging Face dataset repo the user owns."""
import argparse
import json
import re
import sys
import time
from pathlib import Path

from huggingface_hub import HfApi, snapshot_download

SCAN_DIR = Path("_hf_scan")
PATTERNS = {
    "secret": re.compile(r"\b(hf_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|"
                         r"xox[bp]-[A-Za-z0-9-]{10,})\b|-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "email": re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),
    "phone": re.compile(r"(?<!\d)\+?\d{1,3}[ .-]?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}(?!\d)"),
    "ipv4": re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"),
    "card": re.compile(r"\b(?:\d[ -]?){13,19}\b"),
}


def luhn(s):
    d = [int(c) for c in re.sub(r"\D", "", s)][::-1]
    return len(d) >= 13 and sum(x if i % 2 == 0 else (x * 2 - 9 if x * 2 > 9 else x * 2) for i, x in enumerate(d)) % 10 == 0


def redact(s):
    return s[:3] + "…" + s[-2:] if len(s) > 6 else "…"


def iter_text(path):
    suf = path.suffix.lower()
    if suf == ".parquet":
        import pyarrow.parquet as pq
        t = pq.read_table(path)
        n = t.num_rows
        step = 1 if n <= 200_000 else 10
        for col in t.column_names:
            if str(t.schema.field(col).type) in ("string", "large_string"):
                for v in t.column(col).to_pylist()[::step]:
                    if v:
                        yield v
    elif suf in (".csv", ".tsv", ".jsonl", ".json", ".txt", ".md"):
        with open(path, errors="replace") as f:
            for line in f:
                yield line


def scan_tree(root, label, findings):
    for p in root.rglob("*"):
        if not p.is_file() or ".cache" in p.parts:
            continue
        for text in iter_text(p):
            for kind, rx in PATTERNS.items():
                for m in rx.finditer(text):
                    if kind == "card" and not luhn(m.group(0)):
                        continue
                    f = findings.setdefault(kind, {"count": 0, "examples": []})
                    f["count"] += 1
                    if len(f["examples"]) < 3:
                        f["examples"].append(f"{label}:{p.relative_to(root)}: {redact(m.group(0))}")


def cmd_info(a, api):
    info = api.dataset_info(a.repo, files_metadata=True)
    me = api.whoami()
    size = sum((s.size or 0) for s in info.siblings)
    print(f"repo: {a.repo}\nprivate: {info.private}\ngated: {info.gated}\nfiles: {len(info.siblings)} "
          f"({size / 1e6:.1f} MB)\nlast commit: {info.sha} at {info.last_modified}\ntoken user: {me['name']} "
          f"orgs: {[o['name'] for o in me.get('orgs', [])]}")


def cmd_scan(a, api):
    findings = {}
    local = Path(snapshot_download(a.repo, repo_type="dataset", local_dir=SCAN_DIR / "head"))
    scan_tree(local, "HEAD", findings)
    if a.history:
        head_files = {s.rfilename for s in api.dataset_info(a.repo).siblings}
        for c in api.list_repo_commits(a.repo, repo_type="dataset")[1:]:
            old = {f.path for f in api.list_repo_tree(a.repo, repo_type="dataset", revision=c.commit_id, recursive=True)
                   if getattr(f, "size", None) is not None}
            gone = old - head_files
            if gone:
                d = Path(snapshot_download(a.repo, repo_type="dataset", revision=c.commit_id,
                                           allow_patterns=list(gone), local_dir=SCAN_DIR / c.commit_id[:8]))
                scan_tree(d, c.commit_id[:8], findings)
    card = (local / "README.md")
    card_txt = card.read_text(errors="replace") if card.exists() else ""
    card_issues = []
    if not card_txt:
        card_issues.append("no README.md dataset card")
    if not re.search(r"^license:\s*\S+", card_txt, re.M):
        card_issues.append("card has no license in YAML header")
    if not re.search(r"personal (and|&) sensitive information", card_txt, re.I):
        card_issues.append("card lacks a 'Personal and Sensitive Information' section")
    report = {"repo": a.repo, "sha": api.dataset_info(a.repo).sha, "scanned_at": time.time(),
              "findings": findings, "card_issues": card_issues}
    (SCAN_DIR / "report.json").write_text(json.dumps(report, indent=2))
    for k, v in findings.items():
        print(f"{k}: {v['count']}")
        for e in v["examples"]:
            print(f"   {e}")
    for i in card_issues:
        print(f"card: {i}")
    print(f"report -> {SCAN_DIR / 'report.json'}")


def cmd_publish(a, api):
    if a.confirm != a.repo:
        sys.exit("--confirm must repeat the repo id exactly")
    rp = SCAN_DIR / "report.json"
    if not rp.exists():
        sys.exit("run scan first")
    report = json.loads(rp.read_text())
    if report["repo"] != a.repo or report["sha"] != api.dataset_info(a.repo).sha:
        sys.exit("scan report is for a different repo or an older commit; re-run scan")
    if report["findings"].get("secret") and not a.accept_findings:
        sys.exit("secrets were found; fix them or pass --accept-findings after the user explicitly accepts")
    api.update_repo_settings(a.repo, repo_type="dataset", private=False,
                             gated=a.gated if a.gated else None)
    print(f"public: https://huggingface.co/datasets/{a.repo}" + (f" (gated={a.gated})" if a.gated else ""))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for n in ("info", "scan", "publish"):
        p = sub.add_parser(n)
        p.add_argument("repo")
        if n == "scan":
            p.add_argument("--history", action="store_true")
        if n == "publish":
            p.add_argument("--confirm", required=True)
            p.add_argument("--gated", choices=["auto", "manual"])
            p.add_argument("--accept-findings", action="store_true")
    a = ap.parse_args()
    api = HfApi()
    {"info": cmd_info, "scan": cmd_scan, "publish": cmd_publish}[a.cmd](a, api)


if __name__ == "__main__":
    main()
