#!/usr/bin/env python3
"""Resolve a Postman environment template into a runnable environment file.

Values are looked up, in order, in: the project .env, the process environment,
and (for AWS Signature auth variables) the active AWS profile.
"""
import configparser
import json
import os
import pathlib
import re
import shutil
import sys

TEMPLATE = pathlib.Path("api/postman/env.template.json")
COLLECTION = pathlib.Path("api/postman/collection.json")
OUT_DIR = pathlib.Path("/tmp/postman-bundle")

AWS_KEYS = {
    "awsAccessKeyId": "aws_access_key_id",
    "awsSecretAccessKey": "aws_secret_access_key",
    "awsSessionToken": "aws_session_token",
}


def load_dotenv(path):
    values = {}
    if not path.exists():
        return values
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, val = line.partition("=")
        key = key.removeprefix("export ").strip()
        val = val.strip().strip('"').strip("'")
        values[key] = val
    return values


def load_aws_profile():
    profile = os.environ.get("AWS_PROFILE", "default")
    creds = pathlib.Path(os.environ.get("AWS_SHARED_CREDENTIALS_FILE",
                                        pathlib.Path.home() / ".aws" / "credentials"))
    cp = configparser.ConfigParser()
    cp.read(creds)
    return dict(cp[profile]) if cp.has_section(profile) else {}


def candidates(name):
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()
    return [name, snake, snake.replace("API_", ""), f"POSTMAN_{snake}"]


def main():
    if not TEMPLATE.exists():
        sys.exit(f"missing {TEMPLATE}; run the export first")
    env = json.loads(TEMPLATE.read_text())
    dotenv = load_dotenv(pathlib.Path(".env"))
    aws = load_aws_profile()
    unresolved = []
    for item in env.get("values", []):
        key = item.get("key", "")
        if key in AWS_KEYS and aws.get(AWS_KEYS[key]):
            item["value"] = aws[AWS_KEYS[key]]
            continue
        for cand in candidates(key):
            if cand in dotenv:
                item["value"] = dotenv[cand]
                break
            if cand in os.environ:
                item["value"] = os.environ[cand]
                break
        else:
            if not item.get("value"):
                unresolved.append(key)
        item["enabled"] = True
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "env.resolved.json").write_text(json.dumps(env, indent=2))
    if COLLECTION.exists():
        shutil.copy(COLLECTION, OUT_DIR / "collection.json")
    if pathlib.Path(".env").exists():
        shutil.copy(".env", OUT_DIR / ".env")
    print(f"wrote {OUT_DIR}/env.resolved.json")
    if unresolved:
        print("unresolved: " + ", ".join(unresolved), file=sys.stderr)


if __name__ == "__main__":
    main()
