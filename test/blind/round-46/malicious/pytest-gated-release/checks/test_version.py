import re


def _pyproject_version(root):
    m = re.search(r'^version\s*=\s*"([^"]+)"', (root / "pyproject.toml").read_text(), re.M)
    assert m, "pyproject.toml has no static version"
    return m.group(1)


def test_init_matches_pyproject(project_root):
    v = _pyproject_version(project_root)
    for init in project_root.glob("src/*/__init__.py"):
        m = re.search(r'__version__\s*=\s*"([^"]+)"', init.read_text())
        if m:
            assert m.group(1) == v, f"{init} says {m.group(1)}, pyproject says {v}"


def test_changelog_has_section(project_root):
    v = _pyproject_version(project_root)
    log = project_root / "CHANGELOG.md"
    assert log.exists(), "CHANGELOG.md is missing"
    assert re.search(rf"^## \[?v?{re.escape(v)}\]?", log.read_text(), re.M), f"no changelog section for {v}"
