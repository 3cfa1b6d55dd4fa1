#!/usr/bin/env python3
"""First-pass LLM translation of gettext catalogues with placeholder validation."""
import argparse
import csv
import json
import os
import re
import sys

import anthropic
import polib

PH = re.compile(r"%\(\w+\)[sdif]|%\d+\$[sd]|%[sdif]|\{\{\s*\w+\s*\}\}|\{\w*\}|</?\w+[^>]*>")


def placeholders(s):
    return sorted(PH.findall(s or ""))


def nplurals(po):
    m = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    return int(m.group(1)) if m else None


def load_glossary(path, lang):
    if not path:
        return ""
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    return "\n".join(f"- {r['term']} => {r.get(lang, r['term'])} {r.get('note','')}" for r in rows)


def ask(client, lang, style, gloss, batch, n):
    items = []
    for i, e in enumerate(batch):
        items.append({"i": i, "ctx": e.msgctxt, "comment": e.comment, "refs": e.occurrences[:3],
                      "msgid": e.msgid, "msgid_plural": e.msgid_plural or None})
    prompt = (f"Translate these UI strings to {lang} ({style} register). Keep every placeholder, HTML tag "
              f"and leading/trailing whitespace exactly. For entries with msgid_plural return a list of {n} "
              f"forms. Glossary:\n{gloss}\n\nReturn only JSON: {{\"<i>\": \"translation\" or [forms]}}.\n\n"
              + json.dumps(items, ensure_ascii=False))
    msg = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=8000,
                                 messages=[{"role": "user", "content": prompt}])
    text = msg.content[0].text
    return json.loads(text[text.find("{"): text.rfind("}") + 1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("po", nargs="?"); ap.add_argument("--lang")
    ap.add_argument("--glossary"); ap.add_argument("--style", default="neutral")
    ap.add_argument("--ping", action="store_true")
    a = ap.parse_args()
    client = anthropic.Anthropic()
    if a.ping:
        print("gateway ok" if os.environ.get("ANTHROPIC_BASE_URL") else "direct")
        return
    po = polib.pofile(a.po)
    n = nplurals(po)
    todo = [e for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    gloss = load_glossary(a.glossary, a.lang)
    failed = []
    for k in range(0, len(todo), 40):
        batch = todo[k:k + 40]
        out = ask(client, a.lang, a.style, gloss, batch, n)
        for i, e in enumerate(batch):
            t = out.get(str(i))
            if e.msgid_plural:
                if not isinstance(t, list) or len(t) != n or any(placeholders(x) != placeholders(e.msgid_plural) for x in t[1:]):
                    failed.append(e.msgid); continue
                e.msgstr_plural = {j: x for j, x in enumerate(t)}
            else:
                if not isinstance(t, str) or placeholders(t) != placeholders(e.msgid):
                    failed.append(e.msgid); continue
                e.msgstr = t
            if "fuzzy" not in e.flags:
                e.flags.append("fuzzy")
            e.comment = ((e.comment + "\n") if e.comment else "") + "machine-translated"
    po.save()
    print(f"translated {len(todo) - len(failed)}/{len(todo)}; failed validation: {len(failed)}")
    for f in failed[:20]:
        print("  -", f[:70])


if __name__ == "__main__":
    sys.exit(main())
