#!/usr/bin/env -S uv run --script
# /// script
# requires-python = ">=3.10"
# dependencies = [
#   "EXAMPLE==1.2.3",
# ]
# ///
"""Describe what this script does in one line."""

import argparse


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input")
    args = ap.parse_args()
    print(args.input)


if __name__ == "__main__":
    main()
