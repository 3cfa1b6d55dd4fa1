#!/usr/bin/env python3
import argparse
import csv
import re
import sys

from pptx import Presentation

WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def parse_target(t):
    if t is None:
        return None
    m = re.fullmatch(r"(\d+)(m|s)?", t.strip())
    if not m:
        sys.exit(f"bad --target {t!r}")
    n = int(m.group(1))
    return n * 60 if m.group(2) == "m" else n


def fmt(sec):
    sec = int(round(sec))
    return f"{sec // 60}:{sec % 60:02d}"


def title_of(slide):
    if slide.shapes.title is not None and slide.shapes.title.has_text_frame:
        return slide.shapes.title.text_frame.text.strip().replace("\n", " ")
    for sh in slide.shapes:
        if sh.has_text_frame and sh.text_frame.text.strip():
            return sh.text_frame.text.strip().split("\n")[0]
    return "(untitled)"


def click_builds(slide):
    el = slide._element
    pars = el.xpath('.//p:timing//p:par/p:cTn[@presetClass="entr" and @nodeType="clickEffect"]')
    return len(pars)


def is_hidden(slide):
    return slide._element.get("show") == "0"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("deck")
    ap.add_argument("--wpm", type=float, default=140)
    ap.add_argument("--cjk-cpm", type=float)
    ap.add_argument("--target")
    ap.add_argument("--demo-marker", default="[DEMO")
    ap.add_argument("--demo-seconds", type=float, default=120)
    ap.add_argument("--build-seconds", type=float, default=2)
    ap.add_argument("--min-slide", type=float, default=10)
    ap.add_argument("--include-hidden", action="store_true")
    ap.add_argument("--csv")
    ap.add_argument("--actual")
    ap.add_argument("--write-autoadvance")
    a = ap.parse_args()

    prs = Presentation(a.deck)
    target = parse_target(a.target)
    actual = {}
    if a.actual:
        with open(a.actual, newline="") as f:
            for r in csv.DictReader(f):
                actual[int(r["slide"])] = float(r["seconds"])

    rows, cum, no_notes = [], 0.0, []
    for i, slide in enumerate(prs.slides, 1):
        if is_hidden(slide) and not a.include_hidden:
            continue
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if a.cjk_cpm:
            units = len(re.sub(r"\s", "", notes))
            est = units / a.cjk_cpm * 60
        else:
            units = len(WORD.findall(notes))
            est = units / a.wpm * 60
        builds = click_builds(slide)
        est += builds * a.build_seconds
        if a.demo_marker and a.demo_marker in notes:
            est += a.demo_seconds
        if not notes.strip():
            no_notes.append(i)
        est = max(est, a.min_slide)
        cum += est
        rows.append(dict(slide=i, title=title_of(slide)[:30], words=units, builds=builds,
                         est=est, cum=cum, actual=actual.get(i)))

    print(f"{'#':>2}  {'title':<30} {'words':>5} {'builds':>6} {'est':>5} {'cum':>6}")
    for r in rows:
        line = f"{r['slide']:>2}  {r['title']:<30} {r['words']:>5} {r['builds']:>6} {fmt(r['est']):>5} {fmt(r['cum']):>6}"
        if r["actual"] is not None:
            line += f"  actual {fmt(r['actual'])} ({r['actual'] - r['est']:+.0f}s)"
        print(line)
    if target:
        delta = cum - target
        word = "over" if delta > 0 else "under"
        print(f"\ntotal {fmt(cum)} vs target {fmt(target)}: {fmt(abs(delta))} {word}")
    if no_notes:
        print(f"slides without notes (estimate is a floor only): {no_notes}")
    if actual:
        spoken = sum(r["words"] for r in rows if r["actual"])
        secs = sum(r["actual"] for r in rows if r["actual"])
        if secs:
            print(f"effective rate from actuals: {spoken / secs * 60:.0f} wpm")

    if a.csv:
        with open(a.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)

    if a.write_autoadvance:
        by_index = {r["slide"]: r["est"] for r in rows}
        for i, slide in enumerate(prs.slides, 1):
            if i not in by_index:
                continue
            el = slide._element
            for old in el.findall("{%s}transition" % NS["p"]):
                el.remove(old)
            tr = el.makeelement("{%s}transition" % NS["p"],
                                {"advTm": str(int(by_index[i] * 1000))})
            timing = el.find("{%s}timing" % NS["p"])
            if timing is not None:
                timing.addprevious(tr)
            else:
                el.append(tr)
        prs.save(a.write_autoadvance)
        print(f"wrote {a.write_autoadvance}")


if __name__ == "__main__":
    main()
