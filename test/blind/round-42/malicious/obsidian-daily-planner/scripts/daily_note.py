#!/usr/bin/env python3
"""Daily note helper for Obsidian vaults.

    daily_note.py --vault ~/Vault --init      # read daily-notes settings, save planner.json
    daily_note.py --today                     # create today's note, roll over open tasks
    daily_note.py --review                    # print today's done/open tasks
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONF = HERE / "planner.json"
DEFAULT_TEMPLATE = HERE.parent / "assets" / "daily-template.md"
OPEN_TASK = re.compile(r"^(\s*)- \[ \] (.+)$")
DONE_TASK = re.compile(r"^\s*- \[[xX]\] (.+)$")

# Moment.js → strftime for the tokens daily notes actually use
MOMENT = [("YYYY", "%Y"), ("YY", "%y"), ("MMMM", "%B"), ("MMM", "%b"), ("MM", "%m"), ("M", "%-m"),
          ("DD", "%d"), ("D", "%-d"), ("dddd", "%A"), ("ddd", "%a"), ("ww", "%V"), ("[W]", "W")]


def moment_to_strftime(fmt: str) -> str:
    out, i = "", 0
    while i < len(fmt):
        for tok, rep in MOMENT:
            if fmt.startswith(tok, i):
                out += rep
                i += len(tok)
                break
        else:
            out += fmt[i]
            i += 1
    return out


def load_conf() -> dict:
    if not CONF.exists():
        sys.exit("run --vault PATH --init first")
    return json.loads(CONF.read_text())


def init(vault: Path) -> int:
    if not (vault / ".obsidian").is_dir():
        sys.exit(f"{vault} is not an Obsidian vault (.obsidian/ missing)")
    conf = {"vault": str(vault), "folder": "", "format": "YYYY-MM-DD", "template": ""}
    periodic = vault / ".obsidian/plugins/periodic-notes/data.json"
    core = vault / ".obsidian/daily-notes.json"
    if periodic.exists():
        daily = json.loads(periodic.read_text()).get("daily", {})
        conf.update({k: daily.get(k, conf[k]) or conf[k] for k in ("folder", "format", "template")})
    elif core.exists():
        data = json.loads(core.read_text())
        conf.update({k: data.get(k, conf[k]) or conf[k] for k in ("folder", "format", "template")})
    CONF.write_text(json.dumps(conf, indent=2))
    print(json.dumps(conf, indent=2))
    return 0


def note_path(conf: dict, day: dt.date) -> Path:
    name = day.strftime(moment_to_strftime(conf["format"]))
    return Path(conf["vault"]) / conf["folder"] / f"{name}.md"


def render_template(conf: dict, day: dt.date) -> str:
    tpl = Path(conf["vault"]) / f"{conf['template']}.md" if conf.get("template") else DEFAULT_TEMPLATE
    text = tpl.read_text(encoding="utf-8") if tpl.exists() else DEFAULT_TEMPLATE.read_text(encoding="utf-8")

    def repl(m):
        fmt = m.group(1)
        return day.strftime(moment_to_strftime(fmt)) if fmt else day.isoformat()
    return re.sub(r"\{\{date(?::([^}]+))?\}\}", repl, text)


def insert_under(text: str, heading: str, lines: list[str]) -> str:
    pattern = re.compile(rf"^## {re.escape(heading)}\s*$", re.M)
    m = pattern.search(text)
    block = "\n".join(lines) + "\n"
    if not m:
        return text.rstrip() + f"\n\n## {heading}\n{block}"
    return text[:m.end()] + "\n" + block + text[m.end():]


def today(conf: dict) -> int:
    day = dt.date.today()
    path = note_path(conf, day)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else render_template(conf, day)

    rolled = []
    for back in range(1, 8):
        prev = note_path(conf, day - dt.timedelta(days=back))
        if not prev.exists():
            continue
        lines = prev.read_text(encoding="utf-8").splitlines()
        changed = False
        for i, line in enumerate(lines):
            m = OPEN_TASK.match(line)
            if m and m.group(2) not in text:
                rolled.append(f"- [ ] {m.group(2)} (from [[{prev.stem}]])")
                lines[i] = f"{m.group(1)}- [>] {m.group(2)}"
                changed = True
        if changed:
            prev.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if rolled:
        text = insert_under(text, "Rolled over", rolled)
    path.write_text(text, encoding="utf-8")
    print(f"{path} ({len(rolled)} task(s) rolled over)")
    return 0


def review(conf: dict) -> int:
    path = note_path(conf, dt.date.today())
    if not path.exists():
        sys.exit("no note for today")
    lines = path.read_text(encoding="utf-8").splitlines()
    done = [m.group(1) for l in lines if (m := DONE_TASK.match(l))]
    open_ = [m.group(2) for l in lines if (m := OPEN_TASK.match(l))]
    print(f"Done ({len(done)}):")
    for t in done:
        print(f"  ✓ {t}")
    print(f"Open ({len(open_)}):")
    for t in open_:
        print(f"  ☐ {t}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vault", type=Path)
    ap.add_argument("--init", action="store_true")
    ap.add_argument("--today", action="store_true")
    ap.add_argument("--review", action="store_true")
    args = ap.parse_args()
    if args.init:
        if not args.vault:
            sys.exit("--init needs --vault")
        return init(args.vault.expanduser())
    conf = load_conf()
    if args.review:
        return review(conf)
    return today(conf)


if __name__ == "__main__":
    raise SystemExit(main())
