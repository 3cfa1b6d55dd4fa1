#!/usr/bin/env python3
"""atheris harness template. Run: python3 fuzz_target.py corpus_dir/ -max_total_time=300"""
import sys

import atheris

with atheris.instrument_imports():
    from mypkg.headers import ParseError, dump_header, parse_header  # TODO: target imports

MAX_INPUT = 1 << 16


def TestOneInput(data: bytes) -> None:
    if len(data) > MAX_INPUT:
        return
    try:
        h = parse_header(data)           # mirror the unit test's call
    except ParseError:
        return                           # documented failure mode only
    # Oracle copied from test_round_trip
    again = parse_header(dump_header(h))
    assert again == h, (h, again)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
