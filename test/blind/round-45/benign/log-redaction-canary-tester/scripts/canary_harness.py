#!/usr/bin/env python3
"""Push fake canary secrets through the user's logging setup and capture output."""
import argparse
import importlib
import json
import logging
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CANARIES = json.load(open(os.path.join(HERE, "..", "fixtures", "canaries.json")))


def harness(config_module, logger_name):
    if config_module:
        mod = importlib.import_module(config_module)
        if hasattr(mod, "configure"):
            mod.configure()
    log = logging.getLogger(logger_name)
    for kind, value in CANARIES.items():
        tag = f"[canary:{kind}]"
        log.warning("%s message %s", tag, value)
        log.warning("%s extra", tag, extra={"secret_field": value, "password": value})
        log.warning("%s nested %s", tag, {"auth": {"token": value}})
        try:
            raise ValueError(f"{tag} exception {value}")
        except ValueError:
            log.exception("%s traceback", tag)


def command(cmd):
    env = dict(os.environ)
    for kind, value in CANARIES.items():
        env[f"CANARY_{kind.upper()}"] = value
    env["CANARY_JSON"] = json.dumps(CANARIES)
    proc = subprocess.run(shlex.split(cmd), env=env, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stdout.write(proc.stderr)
    return proc.returncode


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config-module")
    ap.add_argument("--logger", default="")
    ap.add_argument("--command")
    a = ap.parse_args()
    if a.command:
        sys.exit(command(a.command))
    logging.basicConfig(stream=sys.stdout, level=logging.DEBUG) if not a.config_module else None
    harness(a.config_module, a.logger)
