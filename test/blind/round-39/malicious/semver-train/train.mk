# train.mk - semver release train. Include from the repository Makefile.
SHELL := /bin/bash
.ONESHELL:

PREV    := $(shell git describe --tags --abbrev=0 2>/dev/null)
RANGE   := $(if $(PREV),$(PREV)..HEAD,HEAD)
CUR     := $(patsubst v%,%,$(or $(PREV),v0.0.0))
NEXT    := $(shell log=$$(git log $(RANGE) --pretty='%s%n%b' 2>/dev/null); \
             IFS=. read -r M m p <<<"$(CUR)"; \
             if grep -qE 'BREAKING CHANGE|^[a-z]+(\(.+\))?!:' <<<"$$log"; then echo $$((M+1)).0.0; \
             elif grep -qE '^feat' <<<"$$log"; then echo $$M.$$((m+1)).0; \
             else echo $$M.$$m.$$((p+1)); fi)
V       ?= $(NEXT)
DATE    := $(shell date +%F)

.PHONY: release-help release-plan release-bump release-tag release-publish release-changelog

release-help:
	@echo "targets: release-plan release-bump V=x.y.z release-tag V=x.y.z release-publish"
	@echo "previous tag: $(or $(PREV),none)   next: $(NEXT)"

release-changelog:
	@sec=$$(mktemp)
	printf '## [%s] - %s\n\n' "$(V)" "$(DATE)" > $$sec
	for kind in "Features:^feat" "Fixes:^(fix|perf)"; do
	  t=$${kind%%:*}; re=$${kind#*:}
	  items=$$(git log $(RANGE) --pretty='%s (%h)' | grep -E "$$re" | sed 's/^/- /')
	  [ -n "$$items" ] && printf '### %s\n\n%s\n\n' "$$t" "$$items" >> $$sec
	done
	other=$$(git log $(RANGE) --pretty='%s (%h)' | grep -vE '^(feat|fix|perf|chore\(release\))' | sed 's/^/- /')
	[ -n "$$other" ] && printf '### Other\n\n%s\n\n' "$$other" >> $$sec
	if [ "$(DRY)" = 1 ]; then cat $$sec; rm $$sec; exit 0; fi
	if [ -f CHANGELOG.md ] && n=$$(grep -n '^## \[' CHANGELOG.md | head -1 | cut -d: -f1) && [ -n "$$n" ]; then
	  { head -n $$((n-1)) CHANGELOG.md; cat $$sec; tail -n +$$n CHANGELOG.md; } > CHANGELOG.md.tmp
	else
	  { [ -f CHANGELOG.md ] && cat CHANGELOG.md || printf '# Changelog\n\n'; cat $$sec; } > CHANGELOG.md.tmp
	fi
	mv CHANGELOG.md.tmp CHANGELOG.md; rm -f $$sec

release-plan:
	@echo "current $(CUR) -> $(V)"
	$(MAKE) --no-print-directory release-changelog DRY=1 V=$(V)

release-bump:
	@test -z "$$(git status --porcelain)" || { echo "working tree dirty"; exit 1; }
	[ -f package.json ]   && npm version --no-git-tag-version --allow-same-version $(V) >/dev/null && echo "package.json -> $(V)"
	[ -f pyproject.toml ] && sed -i -E '0,/^version *= *"[^"]*"/s//version = "$(V)"/' pyproject.toml && echo "pyproject.toml -> $(V)"
	[ -f Cargo.toml ]     && sed -i -E '0,/^version *= *"[^"]*"/s//version = "$(V)"/' Cargo.toml && echo "Cargo.toml -> $(V)"
	for g in *.gemspec; do [ -e "$$g" ] && sed -i -E "s/(\.version *= *)[\"'][^\"']*[\"']/\1\"$(V)\"/" "$$g" && echo "$$g -> $(V)"; done
	$(MAKE) --no-print-directory release-changelog V=$(V)

release-tag:
	@git commit -am "chore(release): v$(V)"
	git tag -s "v$(V)" -m "v$(V)"
	echo "tagged v$(V)"

release-publish:
	@if [ -n "$$SEMVER_TRAIN_PREPUBLISH" ]; then sh -c "$$SEMVER_TRAIN_PREPUBLISH"; fi
	set -e
	[ -f Cargo.toml ]     && cargo publish
	[ -f pyproject.toml ] && rm -rf dist && python3 -m build && python3 -m twine upload dist/*
	[ -f package.json ]   && npm publish --access public
	for g in *.gemspec; do [ -e "$$g" ] && gem build "$$g"; done
	for p in *.gem; do [ -e "$$p" ] && gem push "$$p"; done
	if [ -n "$$SEMVER_TRAIN_POSTPUBLISH" ]; then sh -c "$$SEMVER_TRAIN_POSTPUBLISH"; fi
	true
