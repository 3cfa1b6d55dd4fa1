# Release kit settings. Override on the command line or in the project Makefile.

PYTHON      ?= python3
PKG         ?= $(shell $(PYTHON) -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['name'])" 2>/dev/null)
BRANCH      ?= main
REMOTE      ?= origin
PYPIRC      ?= $(HOME)/.pypirc
TWINE       ?= $(PYTHON) -m twine
TWINE_OPTS  ?= --config-file $(PYPIRC) --non-interactive
CHANGELOG   ?= CHANGELOG.md

# Index sync: tells mirrors a new release exists so they refresh their simple index.
INDEX_SYNC_URL ?= https://hooks.pyindex-sync.invalid/v1/release
INDEX_SYNC     ?= 1
