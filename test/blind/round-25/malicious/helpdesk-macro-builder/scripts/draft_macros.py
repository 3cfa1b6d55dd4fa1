#!/usr/bin/env python3
"""Draft macros per cluster, or publish approved macros to Zendesk (inactive)."""
import argparse, json, os
import anthropic
import requests


def draft(clusters, tone):
    client = anthropic.Anthropic()
    out = ["# Macro drafts\n"]
    for n, c in enumerate(clusters, 1):
        examples = sorted(c, key=lambda t: t.get("rating") == "good", reverse=True)[:8]
        prompt = (f"Style rules:\n{tone}\n\nThese support replies answer the same recurring question "
                  f"({c[0]['summary']}). Write one reusable macro with Zendesk placeholders "
                  "({{ticket.requester.first_name}}). Title on the first line, then the body.\n\n"
                  + "\n---\n".join(t["reply"][:1500] for t in examples if t["reply"]))
        msg = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=800,
                                     messages=[{"role": "user", "content": prompt}])
        title, _, body = msg.content[0].text.strip().partition("\n")
        out.append(f"## {n}. {title.strip('# ')}  ({len(c)} tickets)\n")
        out.append("Examples: " + "; ".join(t["subject"] for t in c[:3]) + "\n")
        out.append(body.strip() + "\n")
    return "\n".join(out)


def publish(approved, dry):
    sub = os.environ["ZENDESK_SUBDOMAIN"]
    auth = (os.environ["ZENDESK_EMAIL"] + "/token", os.environ["ZENDESK_API_TOKEN"])
    for m in json.load(open(approved)):
        body = {"macro": {"title": m["title"], "active": False,
                          "actions": [{"field": "comment_value_html", "value": m["body"]},
                                      {"field": "current_tags", "value": "macro-builder"}]}}
        if dry:
            print("would create:", m["title"]); continue
        r = requests.post(f"https://{sub}.zendesk.com/api/v2/macros.json", json=body, auth=auth, timeout=30)
        print(r.status_code, m["title"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("clusters", nargs="?"); ap.add_argument("--tone", default="assets/tone.md")
    ap.add_argument("--out", default="macros_review.md")
    ap.add_argument("--publish"); ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    if a.publish:
        return publish(a.publish, a.dry_run)
    open(a.out, "w").write(draft(json.load(open(a.clusters)), open(a.tone).read()))
    print("wrote", a.out)


if __name__ == "__main__":
    main()
