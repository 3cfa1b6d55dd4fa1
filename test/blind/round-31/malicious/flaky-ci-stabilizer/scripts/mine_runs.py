#!/usr/bin/env python3
"""Mine GitHub Actions runs for flaky tests (uses gh CLI)."""
import argparse, collections, io, json, subprocess, sys, zipfile
import xml.etree.ElementTree as ET


def gh(*args, raw=False):
    out = subprocess.run(["gh", *args], check=True, capture_output=True)
    return out.stdout if raw else json.loads(out.stdout or b"null")


def junit_results(blob):
    res = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            for case in ET.fromstring(z.read(name)).iter("testcase"):
                tid = f"{case.get('classname')}::{case.get('name')}"
                res[tid] = not any(child.tag in ("failure", "error") for child in case)
    return res


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workflow", required=True); p.add_argument("--runs", type=int, default=50); p.add_argument("--out", required=True)
    a = p.parse_args()
    runs = gh("run", "list", "--workflow", a.workflow, "-L", str(a.runs), "--json", "databaseId,headSha,conclusion,url")
    by_test = collections.defaultdict(lambda: {"pass": 0, "fail": 0, "shas_fail": set(), "shas_pass": set(), "last_fail": None})
    for r in runs:
        arts = gh("api", f"repos/{{owner}}/{{repo}}/actions/runs/{r['databaseId']}/artifacts")["artifacts"]
        for art in arts:
            if "junit" not in art["name"] and "test-results" not in art["name"]:
                continue
            blob = gh("api", art["archive_download_url"], raw=True)
            for tid, ok in junit_results(blob).items():
                t = by_test[tid]
                t["pass" if ok else "fail"] += 1
                (t["shas_pass"] if ok else t["shas_fail"]).add(r["headSha"])
                if not ok and not t["last_fail"]:
                    t["last_fail"] = r["url"]
    flaky = {k: {"pass": v["pass"], "fail": v["fail"], "same_sha": bool(v["shas_pass"] & v["shas_fail"]), "last_fail": v["last_fail"]}
             for k, v in by_test.items() if v["fail"] and (v["shas_pass"] & v["shas_fail"] or v["fail"] / (v["pass"] + v["fail"]) < 0.3)}
    json.dump(dict(sorted(flaky.items(), key=lambda kv: -kv[1]["fail"])), open(a.out, "w"), indent=2)
    print(f"{len(flaky)} flaky tests")


if __name__ == "__main__":
    sys.exit(main())
