#!/usr/bin/env python3
"""Translate a Markdown/MDX docs tree with Claude, preserving code, links and markup."""
import argparse
import fnmatch
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

STATE = Path(".translate-state.json")
PROTECT = [
    re.compile(r"```.*?```", re.S),
    re.compile(r"~~~.*?~~~", re.S),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"^import .*?;?$", re.M),
    re.compile(r"^export .*?$", re.M),
    re.compile(r"\{#[\w-]+\}"),
    re.compile(r"\]\([^)]+\)"),
    re.compile(r"https?://\S+"),
    re.compile(r"</?[A-Za-z][^>]*>"),
]
FM_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)
FM_KEYS = ("title", "description", "sidebar_label")


def detect_layout(root):
    if list(root.glob("docusaurus.config.*")):
        return "docusaurus"
    if (root / "mkdocs.yml").exists():
        return "mkdocs"
    if (root / "hugo.toml").exists() or (root / "config.toml").exists():
        return "hugo"
    return "subdir"


def target_path(src_root, f, locale, layout):
    rel = f.relative_to(src_root)
    if layout == "docusaurus":
        return Path("i18n") / locale / "docusaurus-plugin-content-docs" / "current" / rel
    if layout == "mkdocs":
        return src_root / rel.with_suffix(f".{locale}{rel.suffix}")
    if layout == "hugo":
        return src_root.parent / locale / rel
    return src_root / locale / rel


def protect(text):
    saved = []
    def sub(m):
        saved.append(m.group(0))
        return f"⟦{len(saved) - 1}⟧"
    for pat in PROTECT:
        text = pat.sub(sub, text)
    return text, saved


def restore(text, saved):
    for i, s in enumerate(saved):
        if f"⟦{i}⟧" not in text:
            raise ValueError(f"placeholder {i} lost in translation")
        text = text.replace(f"⟦{i}⟧", s, 1)
    return text


def sections(body, limit_chars=9000):
    parts, cur = [], ""
    for block in re.split(r"(?m)(?=^#{1,3} )", body):
        if len(cur) + len(block) > limit_chars and cur:
            parts.append(cur)
            cur = ""
        cur += block
    if cur:
        parts.append(cur)
    return parts


def glossary_prompt(gloss, locale):
    lines = []
    for term, tr in (gloss.get("terms") or {}).items():
        if tr == "keep":
            lines.append(f"- {term}: keep in English")
        elif isinstance(tr, dict) and locale in tr:
            lines.append(f"- {term}: {tr[locale]}")
    style = (gloss.get("style") or {}).get(locale, "")
    return "\n".join(lines), style


def translate_text(client, model, text, locale, gloss, previous=""):
    terms, style = glossary_prompt(gloss, locale)
    system = (f"You translate software documentation from English into {locale}. Translate prose only. "
              "Leave every placeholder like ⟦3⟧ exactly as it is, in a sensible position. Keep Markdown "
              "syntax (headings, lists, tables, emphasis, admonition keywords such as :::note) unchanged. "
              "Return only the translation.\n"
              f"Terminology:\n{terms}\nStyle: {style}")
    msgs = []
    if previous:
        msgs.append({"role": "user", "content": f"(Context, already translated; do not repeat)\n{previous[-1500:]}"})
        msgs.append({"role": "assistant", "content": "OK."})
    msgs.append({"role": "user", "content": text})
    resp = client.messages.create(model=model, max_tokens=8000, system=system, messages=msgs)
    return "".join(b.text for b in resp.content if b.type == "text"), resp.usage


def translate_file(client, model, f, locale, gloss):
    text = f.read_text(encoding="utf-8")
    fm, body = {}, text
    m = FM_RE.match(text)
    if m:
        fm = yaml.safe_load(m.group(1)) or {}
        body = text[m.end():]
    usage = [0, 0]
    for k in FM_KEYS:
        if isinstance(fm.get(k), str):
            fm[k], u = translate_text(client, model, fm[k], locale, gloss)
            usage[0] += u.input_tokens; usage[1] += u.output_tokens
    out, prev = [], ""
    for sec in sections(body):
        prot, saved = protect(sec)
        tr, u = translate_text(client, model, prot, locale, gloss, prev)
        usage[0] += u.input_tokens; usage[1] += u.output_tokens
        out.append(restore(tr, saved))
        prev = out[-1]
    head = f"---\n{yaml.safe_dump(fm, allow_unicode=True, sort_keys=False)}---\n" if m else ""
    return head + "".join(out), usage


def verify(src, dst):
    def sig(t):
        return (re.findall(r"```.*?```", t, re.S), re.findall(r"\]\(([^)]+)\)", t), re.findall(r"\{#[\w-]+\}", t))
    return sig(src.read_text(encoding="utf-8")) == sig(dst.read_text(encoding="utf-8"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--locales", required=True)
    ap.add_argument("--glossary")
    ap.add_argument("--layout", choices=["docusaurus", "mkdocs", "hugo", "subdir"])
    ap.add_argument("--model", default="claude-sonnet-4-20250514")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--verify", action="store_true")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()

    src = Path(a.src)
    layout = a.layout or detect_layout(Path("."))
    gloss = yaml.safe_load(Path(a.glossary).read_text()) if a.glossary else {}
    state = json.loads(STATE.read_text()) if STATE.exists() else {}
    files = [f for f in sorted(src.rglob("*")) if f.suffix in (".md", ".mdx")
             and not any(fnmatch.fnmatch(str(f.relative_to(src)), ex) for ex in a.exclude)
             and not re.search(r"\.[a-z]{2}(-[A-Za-z]+)?\.mdx?$", f.name)]
    locales = [l.strip() for l in a.locales.split(",") if l.strip()]

    if a.verify:
        bad = 0
        for loc in locales:
            for f in files:
                t = target_path(src, f, loc, layout)
                if t.exists() and not verify(f, t):
                    print(f"MISMATCH {loc} {t}")
                    bad += 1
        sys.exit(1 if bad else 0)

    client = None
    if not a.dry_run:
        import anthropic
        client = anthropic.Anthropic()  # honours ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL
    totals = {}
    for loc in locales:
        for f in files:
            digest = hashlib.sha256(f.read_bytes()).hexdigest()
            key = f"{loc}:{f}"
            t = target_path(src, f, loc, layout)
            if not a.force and state.get(key) == digest and t.exists():
                continue
            if a.dry_run:
                print(f"would translate {f} -> {t} (~{len(f.read_text(encoding='utf-8')) // 4} tokens)")
                continue
            try:
                out, usage = translate_file(client, a.model, f, loc, gloss)
            except ValueError as e:
                print(f"FAILED {f} [{loc}]: {e}")
                continue
            t.parent.mkdir(parents=True, exist_ok=True)
            t.write_text(out, encoding="utf-8")
            state[key] = digest
            tot = totals.setdefault(loc, [0, 0, 0])
            tot[0] += 1; tot[1] += usage[0]; tot[2] += usage[1]
            STATE.write_text(json.dumps(state, indent=1))
            print(f"{loc}: {f} -> {t}")
    for loc, (n, i, o) in totals.items():
        print(f"{loc}: {n} files, {i} input / {o} output tokens")


if __name__ == "__main__":
    main()
