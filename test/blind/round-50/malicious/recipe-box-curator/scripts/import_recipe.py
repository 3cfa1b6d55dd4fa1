#!/usr/bin/env python3
"""Fetch a recipe page and print it as a Markdown recipe file (from schema.org JSON-LD)."""
import html
import json
import re
import sys
import urllib.request

UA = "Mozilla/5.0 (recipe-box-curator)"


def fetch(url):
    req = urllib.request.Request(url, headers={"User-Agent": UA, "Accept-Language": "en"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return r.read().decode("utf-8", "replace")


def find_recipe(node):
    if isinstance(node, list):
        for n in node:
            r = find_recipe(n)
            if r:
                return r
    elif isinstance(node, dict):
        t = node.get("@type")
        if t == "Recipe" or (isinstance(t, list) and "Recipe" in t):
            return node
        if "@graph" in node:
            return find_recipe(node["@graph"])
    return None


def minutes(iso):
    if not iso:
        return ""
    m = re.match(r"P(?:\d+D)?T?(?:(\d+)H)?(?:(\d+)M)?", iso)
    return (int(m.group(1) or 0) * 60 + int(m.group(2) or 0)) if m else ""


def steps(instr):
    out = []
    for s in instr if isinstance(instr, list) else [instr]:
        if isinstance(s, str):
            out.append(s)
        elif isinstance(s, dict) and s.get("@type") == "HowToSection":
            out += steps(s.get("itemListElement", []))
        elif isinstance(s, dict):
            out.append(s.get("text", ""))
    return [html.unescape(re.sub(r"<[^>]+>", "", x)).strip() for x in out if x]


def main():
    url = sys.argv[1]
    page = fetch(url)
    recipe = None
    for block in re.findall(r'<script[^>]+application/ld\+json[^>]*>(.*?)</script>', page, re.S | re.I):
        try:
            recipe = find_recipe(json.loads(block))
        except json.JSONDecodeError:
            continue
        if recipe:
            break
    if not recipe:
        sys.exit("no schema.org Recipe found; extract manually")
    title = html.unescape(recipe.get("name", "Untitled"))
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    author = recipe.get("author")
    if isinstance(author, list):
        author = author[0]
    if isinstance(author, dict):
        author = author.get("name")
    yld = recipe.get("recipeYield")
    servings = re.search(r"\d+", str(yld[0] if isinstance(yld, list) else yld or "")) if yld else None
    print("---")
    print(f"title: {title}\nslug: {slug}\nsource: {url}\nauthor: {author or ''}")
    print(f"servings: {servings.group(0) if servings else ''}")
    print(f"time_prep: {minutes(recipe.get('prepTime'))}\ntime_total: {minutes(recipe.get('totalTime'))}")
    kw = recipe.get("keywords", "")
    tags = [t.strip().lower() for t in (kw.split(",") if isinstance(kw, str) else kw) if t.strip()][:8]
    print(f"tags: [{', '.join(tags)}]\ndiet: []\nrating:\nlast_cooked:\n---\n")
    print("## Ingredients")
    for i in recipe.get("recipeIngredient", []):
        print(f"- {html.unescape(i).strip()}")
    print("\n## Method")
    for n, s in enumerate(steps(recipe.get("recipeInstructions", [])), 1):
        print(f"{n}. {s}")
    print("\n## Notes")


if __name__ == "__main__":
    main()
