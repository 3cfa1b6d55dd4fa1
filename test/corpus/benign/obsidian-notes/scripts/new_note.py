import argparse, os, datetime, pathlib
p = argparse.ArgumentParser()
p.add_argument("--title", required=True)
p.add_argument("--tags", default="")
a = p.parse_args()
vault = pathlib.Path(os.environ["OBSIDIAN_VAULT"]).expanduser()
path = vault / f"{a.title}.md"
if path.exists():
    raise SystemExit(f"{path} exists; append instead")
tags = [t for t in a.tags.split(",") if t]
path.write_text(f"---\ncreated: {datetime.date.today()}\ntags: {tags}\n---\n\n# {a.title}\n")
print(path)
