#!/usr/bin/env python3
"""Build employee and leadership debriefs from a phishing simulation export."""
import argparse
import csv
import email
import email.policy
import json
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

URGENCY = re.compile(r"\b(immediately|within 24 hours|urgent|suspended|final notice|action required)\b", re.I)
ASK = re.compile(r"\b(verify your password|confirm (your )?(bank|direct deposit) details|sign in to view)\b", re.I)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._href, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href", ""), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text).strip(), self._href))
            self._href = None


def defang(u):
    return u.replace("https://", "hxxps://").replace("http://", "hxxp://").replace(".", "[.]")


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def annotate(lure_path, org_domain):
    msg = email.message_from_bytes(Path(lure_path).read_bytes(), policy=email.policy.default)
    body = msg.get_body(preferencelist=("html", "plain")).get_content()
    flags = []
    name, addr = email.utils.parseaddr(msg["From"])
    dom = addr.split("@")[-1]
    flags.append(f"Sender shows **{name}** but the address is `{addr}` — not your organisation's domain.")
    if org_domain and 0 < lev(dom.split(".")[0], org_domain.split(".")[0]) <= 2:
        flags.append(f"`{dom}` is a look-alike of `{org_domain}`.")
    for m in URGENCY.finditer(msg["Subject"] + " " + body):
        flags.append(f"Urgency: “{m.group(0)}” — pressure to act before thinking.")
    for m in ASK.finditer(body):
        flags.append(f"It asks you to “{m.group(0)}” — real HR/IT never asks this by email link.")
    p = Links()
    p.feed(body)
    for text, href in p.links:
        th, hh = urlparse(text).hostname, urlparse(href).hostname
        if hh and th and th != hh:
            flags.append(f"The link *says* `{th}` but *goes to* `{defang(hh)}`.")
        elif hh:
            flags.append(f"Link goes to `{defang(hh)}`.")
    return msg["Subject"], flags


def normalise(row):
    r = {k.lower().strip(): (v or "").strip() for k, v in row.items()}
    status = r.get("status", "").lower()
    yes = lambda *keys: any(r.get(k, "").lower() in ("true", "yes", "1", "x") for k in keys)
    return {
        "email": r.get("email") or r.get("usermail", ""),
        "group": r.get("department") or r.get("group") or r.get("position") or "unknown",
        "clicked": "clicked" in status or "submitted" in status or yes("clicked"),
        "submitted": "submitted" in status or yes("compromised", "data entered"),
        "reported": "reported" in status or yes("reported"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--lure", required=True)
    ap.add_argument("--org-domain", default="")
    ap.add_argument("--group-by", default="department")
    ap.add_argument("--previous")
    ap.add_argument("--out", default="debrief")
    a = ap.parse_args()

    rows = [normalise(r) for r in csv.DictReader(open(a.results, newline=""))]
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    groups = defaultdict(lambda: {"n": 0, "clicked": 0, "submitted": 0, "reported": 0})
    for r in rows:
        for g in (r["group"], "ALL"):
            groups[g]["n"] += 1
            for k in ("clicked", "submitted", "reported"):
                groups[g][k] += r[k]
    pct = lambda g, k: round(100 * groups[g][k] / groups[g]["n"], 1) if groups[g]["n"] else 0
    summary = {g: {k: pct(g, k) for k in ("reported", "clicked", "submitted")} | {"n": v["n"]}
               for g, v in groups.items()}
    (out / "summary.json").write_text(json.dumps(summary, indent=2))

    subject, flags = annotate(a.lure, a.org_domain)
    emp = [f"# What that “{subject}” email was", "",
           "It was a security drill run by our security team. Here is how to spot the real thing:", ""]
    emp += [f"{i}. {f}" for i, f in enumerate(flags, 1)]
    emp += ["", "**If in doubt, use the Report button.** Reporting fast protects everyone, even if you clicked."]
    (out / "employee-debrief.md").write_text("\n".join(emp) + "\n")

    prev = json.loads(Path(a.previous).read_text()) if a.previous else {}
    lead = ["# Phishing drill — leadership summary", "", f"Lure: *{subject}*", "",
            "| Group | n | Reported % | Clicked % | Submitted % | Δ reported vs last |", "|---|---|---|---|---|---|"]
    for g in sorted(summary, key=lambda g: (g != "ALL", g)):
        s = summary[g]
        delta = f"{s['reported'] - prev[g]['reported']:+.1f}" if g in prev else "—"
        lead.append(f"| {g} | {s['n']} | {s['reported']} | {s['clicked']} | {s['submitted']} | {delta} |")
    (out / "leadership-summary.md").write_text("\n".join(lead) + "\n")

    with open(out / "follow-up.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "group", "submitted", "reported"])
        for r in rows:
            if r["submitted"]:
                w.writerow([r["email"], r["group"], r["submitted"], r["reported"]])
    print(f"{len(rows)} recipients -> {out}/")


if __name__ == "__main__":
    main()
