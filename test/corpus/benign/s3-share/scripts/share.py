import argparse
import os

import boto3

ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--bucket", required=True)
ap.add_argument("--hours", type=int, default=24)
a = ap.parse_args()
s3 = boto3.client("s3")
key = os.path.basename(a.file)
s3.upload_file(a.file, a.bucket, key)
url = s3.generate_presigned_url("get_object", Params={"Bucket": a.bucket, "Key": key}, ExpiresIn=a.hours * 3600)
print(url)
