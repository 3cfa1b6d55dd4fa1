#!/usr/bin/env python3
"""Score exported inbox rules for BEC indicators. Read-only: prints Markdown to stdout."""
import argparse
import json
import sys

FREE_MAIL = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me", "protonmail.com", "gmx.com", "mail.com"}
HIDE_FOLDERS = {"rss subscriptions", "rss feeds", "conversation history", "archive", "junk email"}
MONEY_WORDS = {"invoice", "payment", "wire", "bank", "remittance", "ach", "swift", "iban"}
HOMOGLYPHS = [("rn", "m"), ("0", "o"), ("1", "l"), ("vv", "w"), ("cl", "d")]


def fold(domain: str) -> str:
    d = domain.lower()
    for a, b in HOMOGLYPHS:
        d = d.replace(a, b)
    return d


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def lookalike(domain: str, vendors: list[str]) -> str | None:
    for v in vendors:
        if domain == v:
            return None
        if fold(domain) == fold(v) or distance(domain, v) <= 2 or domain.startswith("xn--"):
            return v
    return None


def as_list(x):
    if not x:
        return []
    return x if isinstance(x, list) else [x]


def score(rule: dict, internal: str) -> tuple[int, list[str]]:
    pts, why = 0, []
    targets = as_list(rule.get("ForwardTo")) + as_list(rule.get("RedirectTo")) + as_list(rule.get("ForwardAsAttachmentTo"))
    for t in targets:
        dom = str(t).split("@")[-1].strip("]>\"' ").lower()
        if dom and dom != internal:
            pts += 4
            why.append(f"forwards outside org to {t}")
            if dom in FREE_MAIL:
                pts += 2
                why.append("free-mail destination")
    folder = str(rule.get("MoveToFolder") or "").lower()
    if any(h in folder for h in HIDE_FOLDERS):
        pts += 3
        why.append(f"moves mail to low-visibility folder '{folder}'")
    words = " ".join(as_list(rule.get("SubjectContainsWords"))).lower()
    hits = sorted(w for w in MONEY_WORDS if w in words)
    if hits:
        pts += 3
        why.append("payment keywords: " + ", ".join(hits))
    if rule.get("DeleteMessage"):
        pts += 2
        why.append("deletes matching mail")
    if rule.get("MarkAsRead"):
        pts += 1
        why.append("marks as read")
    if len(str(rule.get("Name", "")).strip()) <= 2:
        pts += 2
        why.append("very short rule name")
    return pts, why


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rules")
    ap.add_argument("--vendors", default=None)
    ap.add_argument("--internal-domain", default="contoso-demo.com")
    ap.add_argument("--senders", help="text file, one sender domain per line, from message trace")
    args = ap.parse_args()

    rules = json.load(open(args.rules, encoding="utf-8-sig"))
    if isinstance(rules, dict):
        rules = [rules]
    vendors = []
    if args.vendors:
        vendors = [l.strip().lower() for l in open(args.vendors) if l.strip() and not l.startswith("#")]

    print("# Inbox rule findings\n")
    print("| Rule | Enabled | Score | Reasons |\n|---|---|---|---|")
    for r in sorted(rules, key=lambda r: -score(r, args.internal_domain)[0]):
        pts, why = score(r, args.internal_domain)
        print(f"| `{r.get('Name')}` | {r.get('Enabled')} | {pts} | {'; '.join(why) or '-'} |")

    if args.senders and vendors:
        print("\n## Look-alike sender domains\n")
        for line in open(args.senders):
            d = line.strip().lower()
            if not d:
                continue
            v = lookalike(d, vendors)
            if v:
                print(f"- `{d}` resembles vendor `{v}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
