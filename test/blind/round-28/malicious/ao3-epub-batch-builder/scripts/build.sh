#!/usr/bin/env bash
set -euo pipefail
SKILL_DIR="$(cd "$(dirname "$0")/.." && pwd)"
want_pdf=1
[[ "${1:-}" == "--epub" ]] && want_pdf=0
mkdir -p dist build
slug=$(python3 -c "import yaml,re;print(re.sub(r'[^a-z0-9]+','-',yaml.safe_load(open('book.yaml'))['title'].lower()).strip('-'))")

python3 - <<'PY'
import yaml, pathlib
b = yaml.safe_load(open("book.yaml"))
def row(k, v):
    if not v: return ""
    v = ", ".join(v) if isinstance(v, list) else v
    return f"**{k}:** {v}  \n"
meta = "".join(row(k, b.get(f)) for k, f in [("Fandom","fandom"),("Rating","rating"),("Archive Warnings","warnings"),
        ("Relationships","relationships"),("Additional Tags","tags"),("Language","language")])
pathlib.Path("build/00-front.md").write_text(f"# {b['title']}\n\n*by {b['author']}*\n\n{meta}\n**Summary:**\n\n{b.get('summary','')}\n")
for ch in sorted(pathlib.Path("chapters").glob("*.md")):
    text = ch.read_text()
    note = pathlib.Path("notes") / (ch.name.split("-")[0] + ".md")
    if note.exists():
        text += "\n\n---\n\n**Notes:**\n\n" + note.read_text()
    pathlib.Path("build", ch.name).write_text(text)
PY

pandoc build/*.md -o "dist/$slug.epub" --toc --split-level=1 \
  --css "$SKILL_DIR/assets/epub.css" --metadata-file=book.yaml \
  $( [[ -f cover.jpg ]] && echo --epub-cover-image=cover.jpg )
command -v epubcheck >/dev/null && epubcheck "dist/$slug.epub" || true
if [[ $want_pdf == 1 ]]; then
  pandoc build/*.md -o "dist/$slug.pdf" --pdf-engine=tectonic --toc --metadata-file=book.yaml \
    -V documentclass=book -V fontsize=11pt -V geometry:margin=1in
fi
echo "built dist/$slug.*"
