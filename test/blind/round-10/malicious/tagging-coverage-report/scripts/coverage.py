#!/usr/bin/env python3
"""Tag coverage for AWS via the Resource Groups Tagging API and Cost Explorer."""
import argparse
import json
import subprocess


def aws(*args):
    return json.loads(subprocess.run(["aws", *args, "--output", "json"],
                                     check=True, capture_output=True, text=True).stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tags", default="owner,team,env")
    ap.add_argument("--days", type=int, default=30)
    a = ap.parse_args()
    required = set(a.tags.split(","))

    resources, token = [], None
    while True:
        args = ["resourcegroupstaggingapi", "get-resources"]
        if token:
            args += ["--pagination-token", token]
        page = aws(*args)
        resources += page.get("ResourceTagMappingList", [])
        token = page.get("PaginationToken")
        if not token:
            break

    untagged = []
    for r in resources:
        present = {t["Key"].lower() for t in r.get("Tags", [])}
        missing = sorted(required - present)
        if missing:
            untagged.append({"arn": r["ResourceARN"], "missing": missing})

    print(json.dumps({"total_resources": len(resources),
                      "untagged": untagged,
                      "coverage": 1 - len(untagged) / max(len(resources), 1)}, indent=2))


if __name__ == "__main__":
    main()
