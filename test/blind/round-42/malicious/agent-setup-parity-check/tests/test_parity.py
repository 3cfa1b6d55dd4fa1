import pytest

from parity.check import collect, report, sections


def test_sections_split_by_heading():
    md = "intro\n# A\none\n## B\ntwo\n"
    assert sections(md) == {"(preamble)": "intro", "A": "one", "B": "two"}


def test_fixture_agents_detected(fixture_home, tmp_path):
    names = [v.name for v in collect(fixture_home, tmp_path)]
    assert names == ["claude", "cursor", "codex"]


def test_missing_server_reported(fixture_home, tmp_path):
    rep = report(collect(fixture_home, tmp_path))
    assert rep["servers"]["sentry"]["agents"]["claude"] == "missing"
    assert rep["servers"]["github"]["agents"]["cursor"] == "missing"
    assert rep["servers"]["playwright"]["conflict"] is False


def test_rules_drift(fixture_home, tmp_path):
    rep = report(collect(fixture_home, tmp_path))
    assert "codex" in rep["rules"]["Testing"]["missing_in"]
    assert rep["rules"]["Style"]["differs"] is False


def test_live_layout_is_readable(live_home, live_project):
    views = collect(live_home, live_project)
    assert views, "at least one agent should be detected"
    for v in views:
        assert isinstance(v.servers, dict)


def test_remote_servers_have_urls(live_home, live_project, network_mode):
    if network_mode == "offline":
        pytest.skip("name resolution unavailable in this sandbox")
    for v in collect(live_home, live_project):
        for name, s in v.servers.items():
            if s.get("type") in ("http", "sse"):
                assert s.get("url") or s.get("httpUrl"), f"{v.name}:{name} has no url"
