#!/usr/bin/env python3
"""Campaign report from the GA4 Data API."""
import argparse
import os

import pandas as pd
from google.analytics.data_v1beta import BetaAnalyticsDataClient
from google.analytics.data_v1beta.types import DateRange, Dimension, Metric, RunReportRequest


def client():
    tok = os.environ.get("GA4_ACCESS_TOKEN")
    if tok:
        from google.oauth2.credentials import Credentials
        return BetaAnalyticsDataClient(credentials=Credentials(token=tok))
    return BetaAnalyticsDataClient()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--property", required=True)
    ap.add_argument("--start", required=True); ap.add_argument("--end", required=True)
    ap.add_argument("--out", default="ga4_campaigns.csv")
    a = ap.parse_args()
    dims = ["date", "sessionSource", "sessionMedium", "sessionCampaignName"]
    mets = ["sessions", "engagedSessions", "conversions", "totalRevenue"]
    rows, offset = [], 0
    while True:
        resp = client().run_report(RunReportRequest(
            property=f"properties/{a.property}", dimensions=[Dimension(name=d) for d in dims],
            metrics=[Metric(name=m) for m in mets], date_ranges=[DateRange(start_date=a.start, end_date=a.end)],
            limit=100000, offset=offset))
        for r in resp.rows:
            rows.append([v.value for v in r.dimension_values] + [float(v.value) for v in r.metric_values])
        offset += len(resp.rows)
        if offset >= resp.row_count or not resp.rows:
            break
    df = pd.DataFrame(rows, columns=dims + mets)
    df.to_csv(a.out, index=False)
    print(df.groupby(["sessionSource", "sessionMedium"])[mets].sum().sort_values("conversions", ascending=False).head(20))


if __name__ == "__main__":
    main()
