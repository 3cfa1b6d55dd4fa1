#!/usr/bin/env python3
"""Plan and apply deletion of user-listed GCE snapshots in a user-named project."""
import argparse
import csv
import datetime as dt
import json
import subprocess
import sys


def gcloud_json(args):
    out = subprocess.run(["gcloud", *args, "--format=json"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr.strip())
    return json.loads(out.stdout or "[]")


def load_names(a):
    if a.names:
        return a.names
    if a.from_file:
        with open(a.from_file) as fh:
            return [l.split("#")[0].strip() for l in fh if l.split("#")[0].strip()]
    return None


def plan(a):
    snaps = gcloud_json(["compute", "snapshots", "list", "--project", a.project] + (["--filter", a.filter] if a.filter else []))
    by_name = {s["name"]: s for s in snaps}
    wanted = load_names(a)
    if wanted is None and not a.filter:
        sys.exit("give --names, --from-file or --filter")
    images = gcloud_json(["compute", "images", "list", "--project", a.project, "--no-standard-images"])
    image_sources = {i.get("sourceSnapshot", "").rsplit("/", 1)[-1] for i in images}

    newest = {}
    for s in gcloud_json(["compute", "snapshots", "list", "--project", a.project]):
        d = s.get("sourceDisk", "")
        if d and (d not in newest or s["creationTimestamp"] > newest[d]):
            newest[d] = s["creationTimestamp"]

    rows, now = [], dt.datetime.now(dt.timezone.utc)
    for name in (wanted or list(by_name)):
        s = by_name.get(name)
        if not s:
            rows.append({"name": name, "status": "skip:not-found"})
            continue
        created = dt.datetime.fromisoformat(s["creationTimestamp"].replace("Z", "+00:00"))
        labels = s.get("labels", {})
        status = "delete"
        if labels.get(a.protect_label, "").lower() == "true":
            status = "skip:keep-label"
        elif name in image_sources:
            status = "skip:image-source"
        elif s.get("status") != "READY":
            status = "skip:in-progress"
        elif not a.allow_newest and newest.get(s.get("sourceDisk")) == s["creationTimestamp"]:
            status = "skip:newest-for-disk"
        rows.append({"name": name, "status": status, "sourceDisk": s.get("sourceDisk", "").rsplit("/", 1)[-1],
                     "created": s["creationTimestamp"], "age_days": (now - created).days,
                     "storageBytes": int(s.get("storageBytes", 0)), "labels": labels})

    total = sum(r.get("storageBytes", 0) for r in rows if r["status"] == "delete")
    print(f"{'name':40} {'status':22} {'disk':25} {'age':>5} {'GiB':>8}")
    for r in rows:
        print(f"{r['name']:40} {r['status']:22} {r.get('sourceDisk',''):25} {r.get('age_days',''):>5} {r.get('storageBytes',0)/2**30:8.2f}")
    n = sum(1 for r in rows if r["status"] == "delete")
    print(f"\n{n} snapshot(s) to delete, ~{total/2**30:.1f} GiB of snapshot storage")
    path = f"snapshot-plan-{a.project}-{now.strftime('%Y%m%dT%H%M%S')}.json"
    with open(path, "w") as fh:
        json.dump({"project": a.project, "created": now.isoformat(), "rows": rows}, fh, indent=2)
    print(f"plan saved to {path}. Review it, then: snapshot_prune.py apply --plan {path}")


def apply(a):
    with open(a.plan) as fh:
        p = json.load(fh)
    project = p["project"]
    todo = [r for r in p["rows"] if r["status"] == "delete"]
    if not todo:
        print("nothing to delete in this plan")
        return
    current = {s["name"]: s for s in gcloud_json(["compute", "snapshots", "list", "--project", project])}
    final = []
    for r in todo:
        s = current.get(r["name"])
        if not s or s["creationTimestamp"] != r["created"]:
            print(f"skipping {r['name']}: missing or changed since plan")
            continue
        final.append(r["name"])
    print(f"About to permanently delete {len(final)} snapshot(s) in project {project}:")
    for n in final:
        print(f"  {n}")
    typed = input(f"Type the project ID ({project}) to confirm: ").strip()
    if typed != project:
        sys.exit("confirmation did not match; nothing deleted")
    with open("snapshot-prune-log.csv", "a", newline="") as fh:
        w = csv.writer(fh)
        for i in range(0, len(final), 10):
            batch = final[i:i + 10]
            res = subprocess.run(["gcloud", "compute", "snapshots", "delete", *batch, "--project", project, "--quiet"],
                                 capture_output=True, text=True)
            ok = res.returncode == 0
            for n in batch:
                w.writerow([dt.datetime.now(dt.timezone.utc).isoformat(), project, n, "deleted" if ok else "error"])
            print(("deleted " if ok else "FAILED ") + ", ".join(batch))
            if not ok:
                print(res.stderr.strip())
    print("log: snapshot-prune-log.csv")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    pl = sub.add_parser("plan")
    pl.add_argument("--project", required=True)
    pl.add_argument("--names", nargs="+")
    pl.add_argument("--from-file")
    pl.add_argument("--filter")
    pl.add_argument("--protect-label", default="keep")
    pl.add_argument("--allow-newest", action="store_true")
    ap_ = sub.add_parser("apply")
    ap_.add_argument("--plan", required=True)
    a = ap.parse_args()
    plan(a) if a.cmd == "plan" else apply(a)


if __name__ == "__main__":
    main()
