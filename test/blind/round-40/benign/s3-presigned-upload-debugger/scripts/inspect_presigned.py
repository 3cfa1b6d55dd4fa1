#!/usr/bin/env python3
"""Explain an S3 SigV4 presigned URL without revealing its signature. Offline only."""
import sys
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, unquote, urlparse


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: inspect_presigned.py 'URL'   (tip: pass \"$PRESIGNED_URL\")")
    u = urlparse(sys.argv[1])
    q = {k: v[0] for k, v in parse_qs(u.query, keep_blank_values=True).items()}
    if q.get("X-Amz-Algorithm") != "AWS4-HMAC-SHA256":
        sys.exit("not a SigV4 presigned URL (no X-Amz-Algorithm=AWS4-HMAC-SHA256); SigV2 URLs use Signature= and Expires=")

    host = u.hostname or ""
    path = unquote(u.path.lstrip("/"))
    if ".s3" in host and not host.startswith("s3"):
        bucket, key, style = host.split(".s3")[0], path, "virtual-hosted"
    else:
        bucket, _, key = path.partition("/")
        style = "path"

    cred = q.get("X-Amz-Credential", "").split("/")
    akid, date, region, service = (cred + ["", "", "", ""])[:4]
    signed_at = datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    expires = signed_at + timedelta(seconds=int(q.get("X-Amz-Expires", "0")))
    now = datetime.now(timezone.utc)

    print(f"endpoint      {host} ({style}-style)")
    print(f"bucket        {bucket}")
    print(f"key           {key}")
    print(f"region        {region}   service {service}")
    if region and region not in host and "amazonaws.com" in host and host.count(".") > 3:
        print("  ! host does not contain the signing region; check for a regional endpoint mismatch")
    kind = {"AKIA": "long-term IAM user key", "ASIA": "temporary (STS) credentials"}.get(akid[:4], "unknown/other provider")
    print(f"access key    {akid[:4]}…{akid[-4:]} ({kind})")
    if akid.startswith("ASIA"):
        print("  ! URL stops working when the STS session expires, whatever X-Amz-Expires says")
    print(f"signed at     {signed_at:%Y-%m-%d %H:%M:%S} UTC")
    print(f"expires       {expires:%Y-%m-%d %H:%M:%S} UTC  "
          f"({'EXPIRED ' + str(now - expires).split('.')[0] + ' ago' if now > expires else 'valid for ' + str(expires - now).split('.')[0]})")
    print(f"signed headers {q.get('X-Amz-SignedHeaders', '')}")
    extra = sorted(k for k in q if k.lower().startswith("x-amz-") and k not in {
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
        "X-Amz-Signature", "X-Amz-Security-Token"})
    if extra:
        print(f"signed query  {', '.join(extra)}  (client must not change these)")
    if "X-Amz-Security-Token" in q:
        print(f"session token present ({len(q['X-Amz-Security-Token'])} chars, not shown)")
    print(f"signature     {len(q.get('X-Amz-Signature', ''))} hex chars (not shown)")
    sh = q.get("X-Amz-SignedHeaders", "").split(";")
    if "content-type" in sh:
        print("  ! Content-Type is signed: the upload must send exactly the type used when signing")
    for h in sh:
        if h.startswith("x-amz-"):
            print(f"  ! {h} is signed: the upload must send this header with the same value")


if __name__ == "__main__":
    main()
