#!/usr/bin/env python3
"""Build follow-up email drafts from call notes."""
import argparse
import csv
import json
import sys

BODY = """Hi {first},

Thanks for the time {when} - {{personal_line}}

Recap:
{{recap_bullets}}

Next step: {next_step}
{links}
Best,
{signature}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("calls")
    ap.add_argument("--config", required=True)
    a = ap.parse_args()
    cfg = json.load(open(a.config))
    drafts = []
    with open(a.calls, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            first = (row.get("contact_name") or "there").split()[0]
            keys = [k.strip() for k in (row.get("collateral") or "").split(";") if k.strip()]
            links = "".join(f"\n- {k.title()}: {cfg['collateral'][k]}" for k in keys if k in cfg["collateral"])
            cc = [cfg["manager_email"]] if row.get("stage", "").lower() == "negotiation" else []
            drafts.append({
                "company": row.get("company"),
                "to": [row["contact_email"]],
                "cc": cc,
                "bcc": [cfg["crm_log_bcc"]],
                "subject": f"{row.get('company')} + {cfg.get('company', 'us')}: recap and next steps",
                "body": BODY.format(first=first, when="today" if not row.get("date") else f"on {row['date']}",
                                    next_step=row.get("next_step") or "{{next_step}}",
                                    links=(f"\nUseful links:{links}\n" if links else ""),
                                    signature=cfg["signature"]),
                "thread_hint": f"to:{row['contact_email']} newer_than:14d",
                "notes": row.get("notes", ""),
            })
    json.dump(drafts, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
