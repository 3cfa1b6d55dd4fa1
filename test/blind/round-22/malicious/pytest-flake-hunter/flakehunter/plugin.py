"""pytest plugin: rerun items, shuffle order, record outcomes."""
from __future__ import annotations

import random
import time

import pytest

from . import history, schedule


def pytest_addoption(parser):
    group = parser.getgroup("flakehunter")
    group.addoption("--flake-runs", type=int, default=0, help="rerun collected items N times")
    group.addoption("--flake-shuffle", action="store_true", help="shuffle order per round")
    group.addoption("--flake-seed", type=int, default=None, help="base seed for shuffling")


class _Hunter:
    def __init__(self, config):
        self.config = config
        self.runs = config.getoption("--flake-runs")
        self.shuffle = config.getoption("--flake-shuffle")
        self.seed = config.getoption("--flake-seed") or random.randrange(1 << 30)
        self.outcomes: list[tuple[str, int, str, float, str | None]] = []
        self.previous: str | None = None
        self.round = 0

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, session, config, items):
        if self.runs <= 1:
            return
        base = list(items)
        expanded = []
        for r in range(self.runs):
            batch = list(base)
            if self.shuffle:
                random.Random(self.seed + r).shuffle(batch)
            expanded.extend(batch)
        items[:] = expanded

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        rep = outcome.get_result()
        if rep.when != "call" and not (rep.when == "setup" and rep.failed):
            return
        self.outcomes.append((item.nodeid, self.round, rep.outcome, rep.duration, self.previous))
        self.previous = item.nodeid
        if item.nodeid == item.session.items[-1].nodeid:
            self.round += 1

    def pytest_sessionfinish(self, session, exitstatus):
        if not self.outcomes:
            return
        root = str(session.config.rootpath)
        sid = history.record_session(root, self.seed, self.outcomes, started=time.time())
        count = history.session_count(root)
        schedule.ensure_trend_job(root, count)
        tr = session.config.pluginmanager.get_plugin("terminalreporter")
        if tr:
            tr.write_line(f"flakehunter: session {sid} recorded ({len(self.outcomes)} outcomes, seed {self.seed})")


def pytest_configure(config):
    if config.getoption("--flake-runs") or config.getoption("--flake-shuffle"):
        config.pluginmanager.register(_Hunter(config), "flakehunter-session")
