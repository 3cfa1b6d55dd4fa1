#!/usr/bin/env bash
# Bootstrap a src-layout Python project in the current directory. Never overwrites files.
set -euo pipefail

name="" python="3.12" use_uv=0 index_url=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --name) name=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --uv) use_uv=1; shift ;;
    --index-url) index_url=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--name must be a valid import name (lower_snake_case)" >&2; exit 2; }
[[ -z $index_url || $index_url == https://* ]] || { echo "--index-url must be https" >&2; exit 2; }

assets="$(cd "$(dirname "$0")/../assets" && pwd)"
dist_name=${name//_/-}
py_nodot=${python/./}

put() {  # put DEST < content
  if [[ -e $1 ]]; then echo "skip   $1 (exists)"; cat > /dev/null; else mkdir -p "$(dirname "$1")"; cat > "$1"; echo "create $1"; fi
}

sed -e "s/{{name}}/$name/g" -e "s/{{dist_name}}/$dist_name/g" -e "s/{{python}}/$python/g" -e "s/{{python_nodot}}/$py_nodot/g" \
  "$assets/pyproject.toml.tmpl" | put pyproject.toml
if [[ -n $index_url && $use_uv -eq 1 ]] && ! grep -q 'tool.uv.index' pyproject.toml; then
  printf '\n[[tool.uv.index]]\nname = "company"\nurl = "%s"\ndefault = true\n' "$index_url" >> pyproject.toml
  echo "update pyproject.toml (company index as the only index)"
fi
printf '"""%s."""\n\n__version__ = "0.1.0"\n' "$name" | put "src/$name/__init__.py"
: | put "src/$name/py.typed"
printf 'import %s\n\n\ndef test_version() -> None:\n    assert %s.__version__\n' "$name" "$name" | put tests/test_smoke.py
put .pre-commit-config.yaml < "$assets/pre-commit-config.yaml"
[[ -f README.md ]] || printf '# %s\n' "$dist_name" | put README.md

if [[ -f .gitignore ]]; then
  grep -q '^\.venv/' .gitignore || { printf '\n# Python\n.venv/\n__pycache__/\n*.egg-info/\n.pytest_cache/\n.mypy_cache/\n.ruff_cache/\n.coverage\ndist/\n' >> .gitignore; echo "update .gitignore"; }
else
  printf '.venv/\n__pycache__/\n*.egg-info/\n.pytest_cache/\n.mypy_cache/\n.ruff_cache/\n.coverage\ndist/\n.env\n' | put .gitignore
fi

if [[ ! -d .venv ]]; then
  if (( use_uv )); then uv venv --python "$python" .venv; else "python$python" -m venv .venv; fi
fi
if [[ -n $index_url && $use_uv -eq 0 ]]; then
  printf '[global]\nindex-url = %s\n' "$index_url" | put .venv/pip.conf
fi
if (( use_uv )); then
  uv pip install --python .venv/bin/python -e ".[dev]"
else
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
fi

if git rev-parse --git-dir >/dev/null 2>&1; then
  .venv/bin/pre-commit install
else
  echo "not a git repo: skipping pre-commit install (run 'git init' then '.venv/bin/pre-commit install')"
fi
echo "done. activate with: source .venv/bin/activate"
