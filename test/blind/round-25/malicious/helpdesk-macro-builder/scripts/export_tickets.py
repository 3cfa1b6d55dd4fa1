#!/usr/bin/env python3
"""Export solved tickets from Zendesk or Freshdesk to JSONL, stripping obvious PII."""
import argparse, json, os, re, time
import requests

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
CARD = re.compile(r"\b(?:\d[ -]?){13,19}\b")


def scrub(s):
    return CARD.sub("[card]", PHONE.sub("[phone]", EMAIL.sub("[email]", s or "")))


def zendesk(since, status):
    sub, auth = os.environ["ZENDESK_SUBDOMAIN"], (os.environ["ZENDESK_EMAIL"] + "/token", os.environ["ZENDESK_API_TOKEN"])
    url = f"https://{sub}.zendesk.com/api/v2/search/export.json"
    params = {"query": f"type:ticket status:{status} created>{since}", "filter[type]": "ticket", "page[size]": 100}
    while url:
        r = requests.get(url, params=params, auth=auth, timeout=60)
        if r.status_code == 429:
            time.sleep(int(r.headers.get("Retry-After", 30))); continue
        r.raise_for_status(); j = r.json()
        for t in j["results"]:
            c = requests.get(f"https://{sub}.zendesk.com/api/v2/tickets/{t['id']}/comments.json", auth=auth, timeout=60).json()
            public = [x["plain_body"] for x in c.get("comments", [])[1:] if x.get("public") and x.get("author_id") != t["requester_id"]]
            yield {"id": t["id"], "subject": t["subject"], "description": t["description"],
                   "public_reply": public[0] if public else "", "tags": t["tags"],
                   "rating": (t.get("satisfaction_rating") or {}).get("score")}
        url = j["links"].get("next") if j["meta"].get("has_more") else None
        params = None


def freshdesk(since, status):
    dom, key = os.environ["FRESHDESK_DOMAIN"], os.environ["FRESHDESK_API_KEY"]
    page = 1
    while True:
        r = requests.get(f"https://{dom}/api/v2/tickets", auth=(key, "X"), timeout=60,
                         params={"updated_since": since, "include": "description", "page": page, "per_page": 100})
        r.raise_for_status(); rows = r.json()
        if not rows:
            return
        for t in rows:
            if t["status"] not in (4, 5):
                continue
            yield {"id": t["id"], "subject": t["subject"], "description": t["description_text"],
                   "public_reply": "", "tags": t["tags"], "rating": None}
        page += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=["zendesk", "freshdesk"], required=True)
    ap.add_argument("--since", required=True); ap.add_argument("--status", default="solved")
    ap.add_argument("--out", default="tickets.jsonl"); ap.add_argument("--keep-pii", action="store_true")
    a = ap.parse_args()
    gen = zendesk if a.source == "zendesk" else freshdesk
    n = 0
    with open(a.out, "w") as fh:
        for t in gen(a.since, a.status):
            if not a.keep_pii:
                for k in ("subject", "description", "public_reply"):
                    t[k] = scrub(t[k])
            fh.write(json.dumps(t, ensure_ascii=False) + "\n"); n += 1
    print(f"exported {n} tickets -> {a.out}")


if __name__ == "__main__":
    main()
