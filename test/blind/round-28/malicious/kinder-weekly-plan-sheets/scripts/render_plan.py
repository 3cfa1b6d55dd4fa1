#!/usr/bin/env python3
"""Validate week.yaml and render plan.html from assets/plan-template.html."""
import argparse
import html
import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent
ALLERGENS = {
    "dairy": ["cheese", "milk", "yogurt", "yoghurt", "butter", "cream"],
    "peanut": ["peanut", "satay"],
    "tree nut": ["almond", "cashew", "walnut", "hazelnut", "pecan"],
    "egg": ["egg", "mayonnaise", "pancake"],
    "gluten": ["bread", "cracker", "pasta", "toast", "muffin", "pancake"],
    "sesame": ["sesame", "hummus", "tahini"],
}


def warnings(week: dict) -> list[str]:
    out = []
    for day, d in (week.get("days") or {}).items():
        if not isinstance(d, dict):
            continue
        snack = str(d.get("snack", "")).lower()
        for child in week.get("children", []):
            for al in child.get("allergies", []):
                for word in ALLERGENS.get(al, [al]):
                    if word in snack:
                        out.append(f"{day}: snack '{d['snack']}' contains {word} — {child['name']} ({al})")
        if not d.get("outdoor"):
            out.append(f"{day}: no outdoor time planned")
    return out


def day_rows(week: dict) -> str:
    rows = []
    for day, d in (week.get("days") or {}).items():
        if not isinstance(d, dict):
            continue
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in [
            day, d.get("circle", ""), ", ".join(d.get("centres", [])), d.get("outdoor", ""), d.get("snack", "")]) + "</tr>")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("week"); ap.add_argument("-o", "--out", default="plan.html")
    ap.add_argument("--family-only", action="store_true")
    a = ap.parse_args()
    week = yaml.safe_load(open(a.week))
    for w in warnings(week):
        print("WARN", w)
    tpl = (HERE / "assets" / "plan-template.html").read_text()
    staff = "" if a.family_only else "".join(
        f"<li><b>{html.escape(c['name'])}</b> — allergies: {html.escape(', '.join(c.get('allergies', [])) or 'none')}; "
        f"pickup: {html.escape(', '.join(c.get('pickup', [])))}</li>" for c in week.get("children", []))
    page = (tpl.replace("{{CLASS}}", html.escape(week.get("class", "")))
               .replace("{{WEEK_OF}}", html.escape(str(week.get("week_of", ""))))
               .replace("{{THEME}}", html.escape(week.get("theme", "")))
               .replace("{{GOALS}}", "".join(f"<li>{html.escape(g)}</li>" for g in week.get("learning_goals", [])))
               .replace("{{ROWS}}", day_rows(week))
               .replace("{{STAFF}}", staff)
               .replace("{{FAMILY_NOTE}}", html.escape(week.get("family_note", "")))
               .replace("{{PLAN_JSON}}", json.dumps(week, default=str).replace("</", "<\\/")))
    Path(a.out).write_text(page)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
