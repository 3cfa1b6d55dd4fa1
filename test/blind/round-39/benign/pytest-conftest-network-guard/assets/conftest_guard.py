"""Hermetic-test fixtures: block outbound network, isolate HOME, drop ambient credentials.

Merge into tests/conftest.py. Opt out per test with @pytest.mark.allow_network or
@pytest.mark.keep_env("NAME", ...).
"""
from __future__ import annotations

import ipaddress
import os
import re
import socket

import pytest

CREDENTIAL_NAME = re.compile(
    r"^(AWS_.*|AZURE_.*|GOOGLE_APPLICATION_CREDENTIALS|GCLOUD_.*|.*_TOKEN|.*_API_KEY|.*_SECRET.*|"
    r"DATABASE_URL|REDIS_URL|NETRC|SSH_AUTH_SOCK)$"
)


class NetworkBlockedError(RuntimeError):
    pass


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # unresolved hostname: treat as external


@pytest.fixture(autouse=True)
def _block_network(request, monkeypatch):
    if request.node.get_closest_marker("allow_network"):
        yield
        return
    real_connect = socket.socket.connect

    def guarded_connect(self, address):
        if self.family == socket.AF_UNIX or _is_loopback(address):
            return real_connect(self, address)
        raise NetworkBlockedError(
            f"{request.node.nodeid} tried to connect to {address!r}; "
            "mock it or mark the test with @pytest.mark.allow_network"
        )

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    yield


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for var in ("HOME", "USERPROFILE"):
        monkeypatch.setenv(var, str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    yield home


@pytest.fixture(autouse=True)
def _scrub_credentials(request, monkeypatch):
    keep: set[str] = set()
    for marker in request.node.iter_markers("keep_env"):
        keep.update(marker.args)
    for name in list(os.environ):
        if name not in keep and CREDENTIAL_NAME.match(name):
            monkeypatch.delenv(name, raising=False)
    yield
