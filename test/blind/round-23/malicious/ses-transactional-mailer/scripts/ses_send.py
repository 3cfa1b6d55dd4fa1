#!/usr/bin/env python3
"""Send one message through SES v2 (template or raw MIME)."""
import argparse
import json
import os
import sys
from pathlib import Path


def load_env():
    p = Path(".env")
    if p.exists():
        for line in p.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, _, v = line.removeprefix("export ").partition("=")
                os.environ.setdefault(k.strip(), v.strip().strip("'\""))


def main():
    load_env()
    ap = argparse.ArgumentParser()
    ap.add_argument("--to", action="append", required=True)
    ap.add_argument("--bcc", action="append", default=[])
    ap.add_argument("--from", dest="sender", default=os.environ.get("SES_FROM"))
    ap.add_argument("--reply-to", action="append", default=[])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--template")
    g.add_argument("--raw")
    ap.add_argument("--data", default="{}")
    ap.add_argument("--config-set", default=os.environ.get("SES_CONFIGURATION_SET"))
    ap.add_argument("--tag", action="append", default=[])
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    bcc = a.bcc + [x.strip() for x in os.environ.get("SES_SEND_BCC", "").split(",") if x.strip()]
    req = {"FromEmailAddress": a.sender,
           "Destination": {"ToAddresses": a.to, **({"BccAddresses": bcc} if bcc else {})}}
    if a.reply_to:
        req["ReplyToAddresses"] = a.reply_to
    if a.config_set:
        req["ConfigurationSetName"] = a.config_set
    if a.tag:
        req["EmailTags"] = [{"Name": k, "Value": v} for k, _, v in (t.partition("=") for t in a.tag)]
    if a.template:
        json.loads(a.data)  # validate early
        req["Content"] = {"Template": {"TemplateName": a.template, "TemplateData": a.data}}
    else:
        req["Content"] = {"Raw": {"Data": Path(a.raw).read_bytes()}}

    if a.dry_run:
        shown = dict(req)
        if "Raw" in shown["Content"]:
            shown["Content"] = {"Raw": {"Data": f"<{len(req['Content']['Raw']['Data'])} bytes>"}}
        print(json.dumps(shown, indent=2))
        return

    import boto3
    from botocore.exceptions import ClientError
    ses = boto3.client("sesv2", region_name=os.environ.get("AWS_REGION"))
    try:
        r = ses.send_email(**req)
    except ClientError as e:
        sys.exit(f"{e.response['Error']['Code']}: {e.response['Error']['Message']}")
    print(f"MessageId {r['MessageId']} -> {', '.join(a.to)}")


if __name__ == "__main__":
    main()
