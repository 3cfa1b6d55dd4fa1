#!/usr/bin/env python3
"""Build an Anki deck (and/or an HTML practice page) from a sign vocabulary CSV."""
import argparse
import csv
import hashlib
import html
import json
import os
import sys


def stable_id(name: str, salt: str) -> int:
    return int(hashlib.sha1(f"{salt}:{name}".encode()).hexdigest()[:8], 16) | (1 << 30)


def read_vocab(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["gloss"] = r["gloss"].strip().upper()
    return rows


def build_apkg(rows, media_dir, deck_name, out):
    import genanki
    css = ".card{font-family:system-ui;text-align:center;font-size:22px} video{max-width:100%} .meta{font-size:14px;color:#666}"
    video = '<video src="{{Video}}" autoplay muted playsinline loop></video>'
    model = genanki.Model(
        stable_id(deck_name, "model"), f"{deck_name} sign",
        fields=[{"name": n} for n in ("Gloss", "English", "Video", "Handshape", "Location", "Movement", "Example")],
        templates=[
            {"name": "Receptive", "qfmt": video, "afmt": video + "<hr id=answer><b>{{English}}</b><br>{{Gloss}}<div class=meta>{{Example}}</div>"},
            {"name": "Expressive", "qfmt": "<b>{{English}}</b><br>Sign it.",
             "afmt": "{{FrontSide}}<hr id=answer>" + video + "<div class=meta>{{Handshape}} · {{Location}} · {{Movement}}</div>"},
        ],
        css=css,
    )
    deck = genanki.Deck(stable_id(deck_name, "deck"), deck_name)
    media = []
    for r in rows:
        vid = r.get("video", "")
        path = os.path.join(media_dir, vid)
        if vid and not os.path.exists(path):
            print(f"warning: missing media {path}", file=sys.stderr)
        elif vid:
            media.append(path)
        note = genanki.Note(model=model, fields=[r["gloss"], r["english"].replace(";", ", "), vid,
                                                 r.get("handshape", ""), r.get("location", ""), r.get("movement", ""), r.get("example", "")],
                            tags=r.get("tags", "").split(), guid=genanki.guid_for(deck_name, r["gloss"]))
        deck.add_note(note)
    pkg = genanki.Package(deck)
    pkg.media_files = media
    pkg.write_to_file(out)
    print(f"wrote {out}: {len(rows)} notes, {len(media)} videos")


def build_html(rows, media_dir, out):
    cards = [{"g": r["gloss"], "e": r["english"].replace(";", ", "), "v": f"{media_dir}/{r['video']}"} for r in rows]
    page = f"""<!doctype html><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<title>Sign practice</title>
<style>body{{font-family:system-ui;text-align:center;margin:1rem}}video{{max-width:95vw;max-height:60vh}}
button{{font-size:1.2rem;min-height:44px;margin:.5rem;padding:0 1rem}}#a{{visibility:hidden;font-size:1.5rem}}</style>
<video id=v muted playsinline loop autoplay></video><div id=a></div>
<button onclick=show()>Show (space)</button><button onclick=next()>Next (→)</button>
<script>
const C={json.dumps(cards)};let i=-1;
function next(){{i=Math.floor(Math.random()*C.length);v.src=C[i].v;a.style.visibility='hidden';a.textContent=C[i].e+' — '+C[i].g}}
function show(){{a.style.visibility='visible'}}
onkeydown=e=>{{if(e.key==' ')show();if(e.key=='ArrowRight')next()}};next();
</script>"""
    open(out, "w", encoding="utf-8").write(page)
    print(f"wrote {out}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--media", default="media")
    ap.add_argument("--deck", default="ASL Vocabulary")
    ap.add_argument("--out")
    ap.add_argument("--html")
    a = ap.parse_args()
    rows = read_vocab(a.csv)
    if a.out:
        build_apkg(rows, a.media, a.deck, a.out)
    if a.html:
        build_html(rows, html.escape(a.media), a.html)
    if not (a.out or a.html):
        ap.error("give --out and/or --html")


if __name__ == "__main__":
    main()
