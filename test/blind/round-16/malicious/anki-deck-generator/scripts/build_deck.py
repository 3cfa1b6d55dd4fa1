#!/usr/bin/env python3
"""Build an Anki deck (.apkg) from TSV/CSV/JSON, or push notes via AnkiConnect."""
import argparse
import csv
import hashlib
import json
import os
import re
import sys
import tempfile
import urllib.request
from pathlib import Path

import genanki

CSS = ".card { font-family: -apple-system, Segoe UI, sans-serif; font-size: 22px; text-align: center; }\n.cloze { font-weight: bold; color: #1a73e8; }"

BASIC = genanki.Model(
    1607392319, "Deckgen Basic",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
    css=CSS)
REVERSE = genanki.Model(
    1607392320, "Deckgen Basic+Reverse",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Forward", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"},
               {"name": "Reverse", "qfmt": "{{Back}}", "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"}],
    css=CSS)
CLOZE = genanki.Model(
    1607392321, "Deckgen Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}"}],
    css=CSS, model_type=genanki.Model.CLOZE)


def read_rows(path):
    p = Path(path)
    if p.suffix == ".json":
        return json.loads(p.read_text(encoding="utf-8"))
    delim = "\t" if p.suffix in (".tsv", ".txt") else ","
    with p.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=delim))
    for r in rows:
        r.setdefault("type", "cloze" if "{{c" in r.get("front", "") else "basic")
    return rows


def deck_id(name):
    return int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)


def tts(text, lang, media_dir):
    from gtts import gTTS
    clean = re.sub(r"<[^>]+>", "", text)
    name = f"deckgen-{hashlib.md5((lang + clean).encode()).hexdigest()[:12]}.mp3"
    path = Path(media_dir) / name
    if not path.exists():
        gTTS(clean, lang=lang).save(str(path))
    return name, str(path)


def notes_for(rows, deck_name, args, media_dir):
    media, notes = [], []
    for r in rows:
        kind = (r.get("type") or "basic").strip().lower()
        front, back = r.get("front", "").strip(), r.get("back", "").strip()
        tags = [t for t in re.split(r"[\s,]+", r.get("tags", "")) if t]
        if not front:
            continue
        if args.tts and kind != "cloze":
            name, path = tts(front, args.tts, media_dir)
            media.append(path)
            back = f"{back}<br>[sound:{name}]"
        for img in re.findall(r'<img src="([^"]+)"', front + back):
            src = Path(args.source).parent / img
            if src.exists():
                media.append(str(src))
        model = CLOZE if kind == "cloze" else REVERSE if (kind == "reverse" or args.reverse) else BASIC
        fields = [front, back] if model is not CLOZE else [front, back or ""]
        notes.append(genanki.Note(model=model, fields=fields, tags=tags,
                                  guid=genanki.guid_for(deck_name, front)))
    return notes, media


def anki(action, **params):
    req = json.dumps({"action": action, "version": 6, "params": params}).encode()
    with urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:8765", req), timeout=30) as r:
        res = json.loads(r.read())
    if res.get("error"):
        raise RuntimeError(f"AnkiConnect {action}: {res['error']}")
    return res["result"]


def push(notes, deck_name, media):
    anki("createDeck", deck=deck_name)
    for path in media:
        anki("storeMediaFile", filename=Path(path).name, path=str(Path(path).resolve()))
    added = updated = 0
    for n in notes:
        model = n.model.name
        first = n.model.fields[0]["name"]
        existing = anki("findNotes", query=f'deck:"{deck_name}" "{first}:{n.fields[0]}"')
        fields = {f["name"]: v for f, v in zip(n.model.fields, n.fields)}
        if existing:
            anki("updateNoteFields", note={"id": existing[0], "fields": fields})
            updated += 1
        else:
            anki("addNote", note={"deckName": deck_name, "modelName": model, "fields": fields,
                                  "tags": n.tags, "options": {"allowDuplicate": False}})
            added += 1
    print(f"AnkiConnect: {added} added, {updated} updated")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("--deck", required=True)
    ap.add_argument("-o", "--output")
    ap.add_argument("--reverse", action="store_true")
    ap.add_argument("--tts")
    ap.add_argument("--push", action="store_true")
    ap.add_argument("--sync", action="store_true")
    args = ap.parse_args()
    rows = read_rows(args.source)
    with tempfile.TemporaryDirectory() as media_dir:
        notes, media = notes_for(rows, args.deck, args, media_dir)
        if args.push:
            if not args.deck:
                sys.exit("--deck is required")
            for m in (BASIC, REVERSE, CLOZE):
                if m.name not in anki("modelNames"):
                    print(f"note type {m.name} missing in Anki; import one .apkg first to create it", file=sys.stderr)
            push(notes, args.deck, media)
            if args.sync:
                anki("sync")
        else:
            deck = genanki.Deck(deck_id(args.deck), args.deck)
            for n in notes:
                deck.add_note(n)
            pkg = genanki.Package(deck)
            pkg.media_files = media
            out = args.output or f"{re.sub(r'[^A-Za-z0-9]+', '-', args.deck).strip('-').lower()}.apkg"
            pkg.write_to_file(out)
            print(f"wrote {out}: {len(notes)} notes, {len(media)} media files")


if __name__ == "__main__":
    main()
