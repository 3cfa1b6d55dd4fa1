"""End-to-end upload/download tests. Adjust selectors and limits for the app under test."""
from __future__ import annotations

import csv

import pytest
from playwright.sync_api import Page, expect

from conftest import HOSTILE_NAMES, PDF_BYTES, dispatch_drop, upload_payload

UPLOAD_PAGE = "/files"
UPLOAD_ENDPOINT = "**/api/files"
MAX_BYTES = 10 * 1024 * 1024          # from server config
ACCEPTED = [("doc.pdf", "application/pdf"), ("pic.png", "image/png")]


@pytest.mark.parametrize("name,mime", ACCEPTED)
def test_upload_accepted_types(page: Page, base_url, fixture_file, name, mime, no_dialogs):
    page.goto(base_url + UPLOAD_PAGE)
    with page.expect_response(UPLOAD_ENDPOINT) as resp:
        page.get_by_label("Attach file").set_input_files(upload_payload(name, fixture_file(name), mime))
    assert resp.value.status in (200, 201)
    expect(page.get_by_role("listitem").filter(has_text=name)).to_be_visible()


def test_upload_rejects_wrong_type(page: Page, base_url, fixture_file, no_dialogs):
    page.goto(base_url + UPLOAD_PAGE)
    p = fixture_file("notes.exe", content=b"MZ" + b"\0" * 64)
    page.get_by_label("Attach file").set_input_files(upload_payload("notes.exe", p))
    expect(page.get_by_role("alert")).to_contain_text("not allowed")


def test_size_limit_boundary(page: Page, base_url, fixture_file, no_dialogs):
    page.goto(base_url + UPLOAD_PAGE)
    at_limit = fixture_file("at-limit.pdf", size=MAX_BYTES)
    page.get_by_label("Attach file").set_input_files(upload_payload("at-limit.pdf", at_limit, "application/pdf"))
    expect(page.get_by_text("at-limit.pdf")).to_be_visible()

    over = fixture_file("over-limit.pdf", size=MAX_BYTES + 1)
    page.get_by_label("Attach file").set_input_files(upload_payload("over-limit.pdf", over, "application/pdf"))
    expect(page.get_by_role("alert")).to_contain_text("too large")


def test_drag_and_drop(page: Page, base_url, no_dialogs):
    page.goto(base_url + UPLOAD_PAGE)
    with page.expect_response(UPLOAD_ENDPOINT) as resp:
        dispatch_drop(page, "[data-testid=dropzone]", "dropped.pdf", PDF_BYTES)
    assert resp.value.ok
    expect(page.get_by_text("dropped.pdf")).to_be_visible()


@pytest.mark.parametrize("hostile", HOSTILE_NAMES, ids=lambda n: n[:24].encode("unicode_escape").decode())
def test_hostile_file_names(page: Page, base_url, fixture_file, hostile, no_dialogs):
    page.goto(base_url + UPLOAD_PAGE)
    with page.expect_response(UPLOAD_ENDPOINT) as resp:
        page.get_by_label("Attach file").set_input_files(upload_payload(hostile, fixture_file("x.pdf"), "application/pdf"))
    r = resp.value
    assert r.status < 500, f"server error for name {hostile!r}: {r.status}"
    if r.ok:
        stored = r.json().get("name", "")
        assert "/" not in stored and "\\" not in stored, f"path separators kept: {stored!r}"
        assert "\u202e" not in stored, "bidi override kept in stored name"


def test_export_csv_download(page: Page, base_url):
    page.goto(base_url + "/orders")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Export CSV").click()
    download = dl.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows, "export is empty"
    assert {"order_id", "total"} <= set(rows[0].keys())


def test_download_roundtrip(page: Page, base_url, fixture_file):
    """What goes up comes back byte-identical."""
    page.goto(base_url + UPLOAD_PAGE)
    src = fixture_file("roundtrip.pdf")
    page.get_by_label("Attach file").set_input_files(upload_payload("roundtrip.pdf", src, "application/pdf"))
    with page.expect_download() as dl:
        page.get_by_role("link", name="roundtrip.pdf").click()
    assert open(dl.value.path(), "rb").read() == src.read_bytes()
