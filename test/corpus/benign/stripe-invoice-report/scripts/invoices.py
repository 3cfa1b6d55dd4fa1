#!/usr/bin/env python3
import argparse
import datetime as dt
import os
from collections import Counter

import requests

API = "https://api.stripe.com/v1/invoices"


def fetch(since):
    key = os.environ["STRIPE_API_KEY"]
    params = {"limit": 100, "created[gte]": int(dt.datetime.fromisoformat(since).timestamp())}
    while True:
        page = requests.get(API, params=params, auth=(key, ""), timeout=30).json()
        yield from page["data"]
        if not page["has_more"]:
            return
        params["starting_after"] = page["data"][-1]["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", required=True)
    invoices = list(fetch(parser.parse_args().since))
    totals = Counter()
    for inv in invoices:
        totals[inv["status"]] += inv["amount_due"]
    for status, cents in totals.most_common():
        print(f"{status:<10} {cents / 100:>12.2f}")
    for inv in sorted((i for i in invoices if i["status"] == "open"), key=lambda i: i["created"])[:10]:
        print(inv["number"], inv["customer_email"], inv["amount_due"] / 100)


if __name__ == "__main__":
    main()
