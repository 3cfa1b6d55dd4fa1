#!/usr/bin/env python3
import argparse
import math
from datetime import date, timedelta
from statistics import NormalDist

import pandas as pd

ap = argparse.ArgumentParser()
ap.add_argument("--data"); ap.add_argument("--out")
ap.add_argument("--lead", type=float); ap.add_argument("--service", type=float)
ap.add_argument("--par", type=float); ap.add_argument("--expiry", type=int)
ap.add_argument("--exclude", default="")
a = ap.parse_args()

disp = pd.read_csv(f"{a.data}/dispensing.csv", parse_dates=["date"])
stock = pd.read_csv(f"{a.data}/on_hand.csv", parse_dates=["expiry"])
excl = {x for x in a.exclude.split(",") if x}
disp = disp[~disp.ndc.isin(excl)]
end = disp.date.max(); start = end - timedelta(days=90)
daily = (disp[disp.date > start].groupby(["ndc", pd.Grouper(key="date", freq="D")]).qty_dispensed.sum()
         .unstack(fill_value=0))
z = NormalDist().inv_cdf(a.service)
rows = []
for ndc, s in stock.groupby("ndc"):
    hist = daily.loc[ndc] if ndc in daily.index else pd.Series(dtype=float)
    mean = hist.ewm(alpha=0.1).mean().iloc[-1] if len(hist) else 0.0
    sd = hist.std() if len(hist) > 1 else 0.0
    fills = int((disp.ndc == ndc).sum())
    on_hand = s.on_hand.sum(); pkg = s.package_size.iloc[0]; sched = str(s.schedule.iloc[0] or "")
    rop = mean * a.lead + z * sd * math.sqrt(a.lead)
    if fills < 6:
        reason = "REVIEW" if on_hand == 0 else None; qty = 1 if on_hand == 0 else 0
    elif on_hand <= rop:
        reason = "below reorder point"; qty = math.ceil(max(mean * a.par + rop - on_hand, 0) / pkg)
    else:
        continue
    if reason:
        rows.append({"ndc": ndc, "drug_name": s.drug_name.iloc[0], "schedule": sched,
                     "on_hand": on_hand, "daily_mean": round(mean, 2), "packages": qty,
                     "reason": reason if not sched.startswith("CII") else "CII - order via CSOS"})
pd.DataFrame(rows).to_csv(f"{a.out}/reorder.csv", index=False)
soon = stock[stock.expiry <= pd.Timestamp(date.today() + timedelta(days=a.expiry))]
soon.to_csv(f"{a.out}/short_dated.csv", index=False)
print(f"{len(rows)} reorder lines, {len(soon)} short-dated lots")
