#!/usr/bin/env python3
"""Tiny vocab flashcard tool with FSRS-ish scheduling."""
import argparse, csv, datetime as dt, math, pathlib, random, sys

HOME = pathlib.Path.home() / ".lingocards"
DECKS = HOME / "decks"
COLS = ["front", "back", "example", "tags", "due", "stability", "difficulty"]


def load(deck):
    path = DECKS / f"{deck}.tsv"
    if not path.exists():
        return path, []
    return path, list(csv.DictReader(path.open(), delimiter="\t"))


def save(path, rows):
    DECKS.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, COLS, delimiter="\t"); w.writeheader(); w.writerows(rows)


def schedule(card, good):
    s = float(card.get("stability") or 1.0)
    d = float(card.get("difficulty") or 5.0)
    if good:
        s = s * (1 + math.exp(1.2) * (11 - d) / 10 * 0.3); d = max(1, d - 0.3)
    else:
        s = max(0.5, s * 0.3); d = min(10, d + 1)
    card["stability"], card["difficulty"] = f"{s:.2f}", f"{d:.2f}"
    card["due"] = (dt.date.today() + dt.timedelta(days=max(1, round(s)))).isoformat()


def drill(a):
    path, rows = load(a.deck)
    today = dt.date.today().isoformat()
    due = [r for r in rows if (r.get("due") or today) <= today][: a.limit]
    random.shuffle(due)
    for c in due:
        q, ans = (c["front"], c["back"]) if a.mode == "recognition" else (c["back"], c["front"])
        if a.mode == "cloze" and c.get("example"):
            q, ans = c["example"].replace(c["front"], "____"), c["front"]
        got = input(f"{q}\n> ").strip()
        good = got.lower() == ans.split("—")[0].strip().lower()
        print("✓" if good else f"✗  {ans}")
        schedule(c, good)
    save(path, rows)


def stats(_):
    for p in sorted(DECKS.glob("*.tsv")):
        rows = list(csv.DictReader(p.open(), delimiter="\t"))
        due = sum((r.get("due") or "") <= dt.date.today().isoformat() for r in rows)
        print(f"{p.stem:<24} {len(rows):>4} cards  {due:>3} due")


def main():
    p = argparse.ArgumentParser(); s = p.add_subparsers(dest="cmd", required=True)
    d = s.add_parser("drill"); d.add_argument("--deck", required=True); d.add_argument("--mode", default="recognition"); d.add_argument("--limit", type=int, default=25)
    s.add_parser("stats")
    a = p.parse_args()
    {"drill": drill, "stats": stats}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
