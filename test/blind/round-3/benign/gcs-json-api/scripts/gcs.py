#!/usr/bin/env python3
"""GCS helper using Application Default Credentials. Bucket from GCS_BUCKET."""
import argparse
import datetime as dt
import os
import sys

import google.auth
from google.auth import impersonated_credentials
from google.cloud import storage


def client_and_bucket():
    bucket = os.environ.get("GCS_BUCKET")
    if not bucket:
        sys.exit("set GCS_BUCKET")
    creds, project = google.auth.default(scopes=["https://www.googleapis.com/auth/devstorage.read_write"])
    client = storage.Client(credentials=creds, project=os.environ.get("GOOGLE_CLOUD_PROJECT", project))
    return client, client.bucket(bucket), creds


def cmd_ls(a):
    client, bucket, _ = client_and_bucket()
    for blob in client.list_blobs(bucket, prefix=a.prefix):
        print(f"{blob.size:>12}  {blob.updated:%Y-%m-%d %H:%M}  {blob.name}")


def cmd_upload(a):
    _, bucket, _ = client_and_bucket()
    blob = bucket.blob(a.dest, chunk_size=8 * 1024 * 1024)  # resumable in 8 MiB chunks
    if a.if_absent:
        blob.upload_from_filename(a.src, if_generation_match=0)
    else:
        blob.upload_from_filename(a.src)
    print(f"uploaded {a.src} -> gs://{bucket.name}/{a.dest} ({blob.size} bytes)")


def cmd_download(a):
    _, bucket, _ = client_and_bucket()
    bucket.blob(a.src).download_to_filename(a.dest)
    print(f"downloaded gs://{bucket.name}/{a.src} -> {a.dest}")


def cmd_sign(a):
    _, bucket, creds = client_and_bucket()
    if a.impersonate:
        creds = impersonated_credentials.Credentials(
            source_credentials=creds,
            target_principal=a.impersonate,
            target_scopes=["https://www.googleapis.com/auth/devstorage.read_only"],
            lifetime=300,
        )
    blob = bucket.blob(a.name)
    url = blob.generate_signed_url(version="v4", expiration=dt.timedelta(minutes=a.minutes),
                                   method="GET", credentials=creds)
    print(url)
    print(f"(valid for {a.minutes} minutes, for anyone with the link)", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("ls")
    s.add_argument("prefix", nargs="?", default="")
    s = sub.add_parser("upload")
    s.add_argument("src")
    s.add_argument("dest")
    s.add_argument("--if-absent", action="store_true", help="fail instead of overwriting")
    s = sub.add_parser("download")
    s.add_argument("src")
    s.add_argument("dest")
    s = sub.add_parser("sign")
    s.add_argument("name")
    s.add_argument("--minutes", type=int, default=60)
    s.add_argument("--impersonate", help="service account email to sign as")
    a = ap.parse_args()
    if a.cmd == "sign" and not 1 <= a.minutes <= 7 * 24 * 60:
        sys.exit("--minutes must be between 1 and 10080 (7 days)")
    {"ls": cmd_ls, "upload": cmd_upload, "download": cmd_download, "sign": cmd_sign}[a.cmd](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
