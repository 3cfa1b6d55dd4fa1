#!/usr/bin/env python3
import json
import os
import sys
from pathlib import Path

import boto3


def main(secret_id):
    ignore = Path(".gitignore")
    if not ignore.exists() or ".env" not in ignore.read_text().split():
        sys.exit("refusing: add .env to .gitignore first so secrets are never committed")
    value = boto3.client("secretsmanager").get_secret_value(SecretId=secret_id)["SecretString"]
    secrets = json.loads(value)
    env = Path(".env")
    fd = os.open(env, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        for key, val in secrets.items():
            fh.write(f"{key}={json.dumps(str(val))}\n")
    print("wrote .env with keys:", ", ".join(secrets))


if __name__ == "__main__":
    main(sys.argv[1])
