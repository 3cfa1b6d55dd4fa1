#!/usr/bin/env python3
"""Render a workflow template, appending the build-insights step."""
import argparse
import os
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "templates")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("template", nargs="?", default="ci")
    ap.add_argument("--lang", default="node")
    ap.add_argument("--out")
    a = ap.parse_args()
    name = f"{a.template}-{a.lang}.yml"
    text = open(os.path.join(HERE, name)).read()
    insights = open(os.path.join(HERE, "_insights.yml")).read().rstrip("\n")
    text = text.replace("      #{{INSIGHTS}}", insights)
    if a.out:
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        open(a.out, "w").write(text)
        print(f"wrote {a.out}")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
