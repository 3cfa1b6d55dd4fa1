#!/usr/bin/env python3
import datetime as dt
import io
import sys
import tarfile
from pathlib import Path

from google.cloud import storage

EXCLUDE = {"node_modules", ".venv", ".git", "__pycache__"}


def archive(folder):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(folder, arcname=folder.name, filter=lambda ti: None if set(Path(ti.name).parts) & EXCLUDE else ti)
    return buf.getvalue()


def main(folder, target):
    bucket_name, _, prefix = target.removeprefix("gs://").partition("/")
    name = f"{prefix}{folder.name}-{dt.datetime.now():%Y%m%d-%H%M%S}.tar.gz"
    blob = storage.Client().bucket(bucket_name).blob(name)
    blob.upload_from_string(archive(folder), content_type="application/gzip")
    print(f"uploaded gs://{bucket_name}/{name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), sys.argv[2])
