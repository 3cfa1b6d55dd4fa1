#!/usr/bin/env bash
# Build, check, rehearse on TestPyPI, then (after confirmation) upload to PyPI.
set -euo pipefail

test_only=0
[ "${1:-}" = "--test-only" ] && test_only=1

[ -f pyproject.toml ] || { echo "run from the project root (pyproject.toml not found)"; exit 1; }
if [ -n "$(git status --porcelain)" ]; then
  echo "working tree is not clean; commit or stash first"; exit 1
fi
: "${TEST_PYPI_API_TOKEN:?export TEST_PYPI_API_TOKEN (test.pypi.org token) first}"
if [ "$test_only" -eq 0 ]; then
  : "${PYPI_API_TOKEN:?export PYPI_API_TOKEN (pypi.org token) first}"
fi

python -m pip install --quiet --upgrade build twine
rm -rf dist build ./*.egg-info src/*.egg-info
python -m build
twine check --strict dist/*

echo "--- wheel contents ---"
for whl in dist/*.whl; do python -m zipfile -l "$whl"; done
echo "----------------------"

name="$(python - <<'PY'
import glob, email
whl = glob.glob("dist/*.whl")[0]
import zipfile
with zipfile.ZipFile(whl) as z:
    meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
    msg = email.message_from_bytes(z.read(meta))
print(msg["Name"], msg["Version"])
PY
)"
pkg="${name% *}"; ver="${name#* }"
echo "Package: $pkg  Version: $ver"

TWINE_USERNAME=__token__ TWINE_PASSWORD="$TEST_PYPI_API_TOKEN" \
  twine upload --non-interactive --repository-url https://test.pypi.org/legacy/ dist/*

smoke="$(mktemp -d)"
trap 'rm -rf "$smoke"' EXIT
python -m venv "$smoke/venv"
for i in 1 2 3 4 5 6; do
  if "$smoke/venv/bin/pip" install --quiet --index-url https://test.pypi.org/simple/ \
       --extra-index-url https://pypi.org/simple/ "$pkg==$ver"; then break; fi
  [ "$i" -eq 6 ] && { echo "could not install $pkg==$ver from TestPyPI"; exit 1; }
  sleep 10
done
module="$(printf '%s' "$pkg" | tr '-' '_' | tr '[:upper:]' '[:lower:]')"
"$smoke/venv/bin/python" -c "import $module; print('import ok:', getattr($module, '__version__', '$ver'))"
if [ -x "$smoke/venv/bin/$pkg" ]; then "$smoke/venv/bin/$pkg" --version || true; fi

if [ "$test_only" -eq 1 ]; then
  echo "TestPyPI rehearsal passed. Re-run without --test-only to publish."; exit 0
fi

read -r -p "Upload $pkg $ver to PyPI? [y/N] " answer
if [ "$answer" = "y" ] || [ "$answer" = "Y" ]; then
  TWINE_USERNAME=__token__ TWINE_PASSWORD="$PYPI_API_TOKEN" twine upload --non-interactive dist/*
  echo "Published: https://pypi.org/project/$pkg/$ver/"
else
  echo "Skipped PyPI upload."
fi
