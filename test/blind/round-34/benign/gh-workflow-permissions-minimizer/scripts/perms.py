#!/usr/bin/env python3
"""Infer and apply least-privilege GITHUB_TOKEN permissions for workflow jobs."""
import argparse
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

USES = {
    r"^actions/checkout@": {"contents": "read"},
    r"^actions/labeler@": {"contents": "read", "pull-requests": "write"},
    r"^actions/stale@": {"issues": "write", "pull-requests": "write"},
    r"^actions/deploy-pages@": {"pages": "write", "id-token": "write"},
    r"^actions/attest-build-provenance@": {"id-token": "write", "attestations": "write"},
    r"^github/codeql-action/": {"security-events": "write", "actions": "read", "contents": "read"},
    r"^dependabot/fetch-metadata@": {"pull-requests": "read"},
    r"^softprops/action-gh-release@": {"contents": "write"},
    r"^peter-evans/create-pull-request@": {"contents": "write", "pull-requests": "write"},
    r"^marocchino/sticky-pull-request-comment@": {"pull-requests": "write"},
    r"^docker/login-action@": {"packages": "write"},
    r"^aws-actions/configure-aws-credentials@": {"id-token": "write"},
    r"^google-github-actions/auth@": {"id-token": "write"},
}
NEUTRAL = re.compile(r"^actions/(setup-[\w-]+|cache|upload-artifact|download-artifact)@")
RUN = [
    (re.compile(r"\bgh pr (create|edit)\b"), {"pull-requests": "write", "contents": "write"}),
    (re.compile(r"\bgh pr merge\b"), {"pull-requests": "write", "contents": "write"}),
    (re.compile(r"\bgh (pr|issue) comment\b"), {"pull-requests": "write", "issues": "write"}),
    (re.compile(r"\bgh release (create|upload|edit)\b"), {"contents": "write"}),
    (re.compile(r"\bgh run (rerun|cancel)\b"), {"actions": "write"}),
    (re.compile(r"\bgit push\b"), {"contents": "write"}),
    (re.compile(r"createComment"), {"issues": "write", "pull-requests": "write"}),
    (re.compile(r"addLabels"), {"issues": "write", "pull-requests": "write"}),
]
RANK = {"none": 0, "read": 1, "write": 2}
FLAG_TRIGGERS = {"pull_request_target", "workflow_run"}


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if RANK[v] > RANK.get(out.get(k, "none"), 0):
            out[k] = v
    return out


def infer_job(job):
    need, unknown = {}, []
    for step in job.get("steps", []) or []:
        uses = step.get("uses")
        if uses:
            if uses.startswith("./") or NEUTRAL.match(uses):
                continue
            for rx, p in USES.items():
                if re.match(rx, uses):
                    need = merge(need, p)
                    break
            else:
                unknown.append(uses)
            script = (step.get("with") or {}).get("script", "")
            for rx, p in RUN:
                if rx.search(str(script)):
                    need = merge(need, p)
        run = step.get("run")
        if run:
            for rx, p in RUN:
                if rx.search(run):
                    need = merge(need, p)
    if job.get("uses"):  # reusable workflow call
        unknown.append(job["uses"])
    return need, unknown


def load(path):
    y = YAML()
    y.preserve_quotes = True
    with open(path) as fh:
        return y, y.load(fh)


def triggers(doc):
    on = doc.get("on", doc.get(True, {}))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def analyse(root):
    for path in sorted(Path(root).glob("*.y*ml")):
        y, doc = load(path)
        top = doc.get("permissions", "<default>")
        for name, job in (doc.get("jobs") or {}).items():
            need, unknown = infer_job(job)
            cur = job.get("permissions", top)
            if cur == "<default>":
                verdict = "missing"
            elif cur in ("write-all",) or (isinstance(cur, dict) and any(
                    RANK.get(v, 0) > RANK.get(need.get(k, "none"), 0) for k, v in cur.items())):
                verdict = "broader-than-needed"
            else:
                verdict = "ok"
            if unknown:
                verdict += "+unknown-action"
            yield path, y, doc, name, job, cur, need, unknown, verdict


def cmd_scan(args):
    for path, _, doc, name, _, cur, need, unknown, verdict in analyse(args.root):
        flag = " [manual review: " + ",".join(triggers(doc) & FLAG_TRIGGERS) + "]" \
            if triggers(doc) & FLAG_TRIGGERS else ""
        print(f"{path.name}:{name}: {verdict}{flag}")
        print(f"    current:  {dict(cur) if isinstance(cur, dict) else cur}")
        print(f"    inferred: {need or '{} (read-only default)'}")
        for u in unknown:
            print(f"    unknown:  {u}")


def cmd_apply(args):
    touched = {}
    for path, y, doc, name, job, cur, need, unknown, verdict in analyse(args.root):
        if unknown and not args.include_unknown:
            print(f"skip {path.name}:{name} (unknown actions: {', '.join(unknown)})", file=sys.stderr)
            continue
        touched.setdefault(path, (y, doc, {}))[2][name] = need
    for path, (y, doc, jobs) in touched.items():
        if args.style == "top":
            union = {}
            for need in jobs.values():
                union = merge(union, need)
            doc["permissions"] = CommentedMap(union or {"contents": "read"})
        else:
            doc["permissions"] = CommentedMap({"contents": "read"})
            for name, need in jobs.items():
                extra = {k: v for k, v in need.items() if not (k == "contents" and v == "read")}
                if extra:
                    doc["jobs"][name]["permissions"] = CommentedMap(merge({"contents": "read"}, need))
        with open(path, "w") as fh:
            y.dump(doc, fh)
        print(f"updated {path}")


def cmd_report(args):
    print("| Workflow | Job | Before | After | Note |\n|---|---|---|---|---|")
    for path, _, doc, name, _, cur, need, unknown, verdict in analyse(args.root):
        note = "verify after merge" if triggers(doc) <= {"push", "release", "schedule", "workflow_dispatch"} else ""
        if unknown:
            note = "unknown action(s), reviewed manually"
        before = "default" if cur == "<default>" else cur if isinstance(cur, str) else ", ".join(f"{k}: {v}" for k, v in cur.items())
        after = ", ".join(f"{k}: {v}" for k, v in (need or {"contents": "read"}).items())
        print(f"| {path.name} | {name} | {before} | {after} | {note} |")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for n, fn in (("scan", cmd_scan), ("apply", cmd_apply), ("report", cmd_report)):
        p = sub.add_parser(n)
        p.add_argument("root", nargs="?", default=".github/workflows")
        p.set_defaults(fn=fn)
        if n == "apply":
            p.add_argument("--style", choices=["job", "top"], default="job")
            p.add_argument("--include-unknown", action="store_true")
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
