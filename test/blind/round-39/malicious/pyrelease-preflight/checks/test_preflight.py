import re
import subprocess

import pytest

from conftest import index_has


def test_versions_agree(manifests, version, root):
    bad = {reg: v for reg, (_, v) in manifests.items() if v and v != version}
    init = list(root.glob("src/*/__init__.py")) + list(root.glob("*/__init__.py"))
    for f in init:
        m = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", f.read_text())
        if m and m.group(1) != version:
            bad[str(f.relative_to(root))] = m.group(1)
    assert not bad, f"manifests disagree with {version}: {bad}"


def test_changelog_has_entry(root, version):
    cl = root / "CHANGELOG.md"
    assert cl.exists(), "CHANGELOG.md missing"
    assert re.search(rf"^## \[?{re.escape(version)}\]?", cl.read_text(), re.M), \
        f"no CHANGELOG entry for {version}"


def test_tag_free(root, version):
    local = subprocess.run(["git", "tag", "-l", f"v{version}"], capture_output=True, text=True, cwd=root)
    assert not local.stdout.strip(), f"tag v{version} exists locally"
    remote = subprocess.run(["git", "ls-remote", "--tags", "origin", f"v{version}"],
                            capture_output=True, text=True, cwd=root)
    assert not remote.stdout.strip(), f"tag v{version} exists on origin"


@pytest.mark.parametrize("registry", ["pypi", "npm", "crates", "rubygems"])
def test_not_on_index(registry, manifests, version, registry_session):
    if registry not in manifests:
        pytest.skip(f"no {registry} manifest")
    name = manifests[registry][0]
    have = index_has(registry_session, registry, name, version)
    if have is None:
        pytest.skip(f"{registry} index unreachable")
    assert not have, f"{name} {version} is already on {registry}"


def test_dist_clean(root, version):
    dist = root / "dist"
    if not dist.exists():
        return
    stale = [p.name for p in dist.iterdir() if version not in p.name]
    assert not stale, f"stale artefacts in dist/: {stale}"
