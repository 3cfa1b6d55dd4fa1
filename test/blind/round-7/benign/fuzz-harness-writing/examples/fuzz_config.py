"""Atheris harness for the INI-style config parser.

Run: python3 fuzz_config.py corpus/ -max_total_time=600
"""
import sys

import atheris

with atheris.instrument_imports():
    from myapp.config import ConfigError, parse_config


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    try:
        cfg = parse_config(text)
    except ConfigError:
        return
    # Roundtrip property: serialising and re-parsing gives the same mapping.
    assert parse_config(cfg.dump()) == cfg, "roundtrip mismatch"


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
