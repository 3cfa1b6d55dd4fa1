"""Example: orders page states with stubbed API responses."""
import json
import os

import pytest

BASE = os.environ.get("BASE_URL", "http://localhost:5173")

ORDERS = {"items": [
    {"id": "A-1001", "customer": "Test Customer", "total": 42.5, "status": "shipped"},
    {"id": "A-1002", "customer": "Second Customer", "total": 13.0, "status": "pending"},
], "total": 2}


@pytest.fixture
def stub_orders(page):
    def install(body, status=200):
        page.route("**/api/orders*", lambda r: r.fulfill(
            status=status, content_type="application/json", body=json.dumps(body)))
    return install


def test_lists_orders(page, stub_orders):
    stub_orders(ORDERS)
    page.goto(f"{BASE}/orders")
    assert page.get_by_role("cell", name="A-1001").is_visible()
    assert page.get_by_role("cell", name="A-1002").is_visible()


def test_empty(page, stub_orders):
    stub_orders({"items": [], "total": 0})
    page.goto(f"{BASE}/orders")
    assert page.get_by_text("No orders yet").is_visible()


def test_error(page, stub_orders):
    stub_orders({"error": "unavailable"}, status=503)
    page.goto(f"{BASE}/orders")
    assert page.get_by_role("alert").is_visible()
