"""Shared fixtures: an in-memory MCP client connected to the server under test."""
import pytest
from mcp.shared.memory import create_connected_server_and_client_session

# Adjust this import to your project.
from inventory_mcp.server import build_server


@pytest.fixture
def tmp_store(tmp_path):
    """Isolated data directory for tools that write files."""
    d = tmp_path / "store"
    d.mkdir()
    return d


@pytest.fixture
async def client(tmp_store, monkeypatch):
    monkeypatch.setenv("INVENTORY_API_KEY", "test-key")  # never the developer's real key
    server = build_server(data_dir=tmp_store)
    async with create_connected_server_and_client_session(server._mcp_server) as session:
        yield session
