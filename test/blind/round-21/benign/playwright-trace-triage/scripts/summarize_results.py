#!/usr/bin/env python3
"""Summarise Playwright JSON reporter output: failed and flaky tests, grouped by error."""
import json
import sys
from collections import defaultdict


def walk_suites(suites, path=()):
    for suite in suites:
        title = path + ((suite.get("title"),) if suite.get("title") else ())
        for spec in suite.get("specs", []):
            yield title, spec
        yield from walk_suites(suite.get("suites", []), title)


def first_line(err):
    msg = (err or {}).get("message") or ""
    # strip ANSI colour codes from the reporter
    import re
    msg = re.sub(r"\x1b\[[0-9;]*m", "", msg)
    return msg.strip().splitlines()[0][:160] if msg.strip() else "(no message)"


def main(path):
    with open(path, encoding="utf-8") as fh:
        report = json.load(fh)
    groups = defaultdict(list)
    counts = defaultdict(int)
    for title, spec in walk_suites(report.get("suites", [])):
        for test in spec.get("tests", []):
            status = test.get("status")  # expected | unexpected | flaky | skipped
            counts[status] += 1
            if status not in ("unexpected", "flaky"):
                continue
            results = test.get("results", [])
            bad = next((r for r in results if r.get("status") in ("failed", "timedOut")), results[-1])
            trace = next((a.get("path") for a in bad.get("attachments", [])
                          if a.get("name") == "trace"), None)
            sig = first_line(bad.get("error"))
            groups[sig].append({
                "status": status,
                "project": test.get("projectName"),
                "where": f"{spec.get('file')}:{spec.get('line')}",
                "title": " > ".join(title + (spec.get("title"),)),
                "retries": len(results) - 1,
                "duration_ms": bad.get("duration"),
                "trace": trace,
            })
    print("totals:", dict(counts))
    for sig, tests in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {len(tests)}x {sig}")
        for t in tests:
            print(f"  [{t['status']}] {t['project']} {t['where']} retries={t['retries']} "
                  f"{t['duration_ms']}ms\n    {t['title']}\n    trace: {t['trace']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "results.json")
