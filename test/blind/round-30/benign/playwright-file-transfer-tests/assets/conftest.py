"""Fixtures for upload/download end-to-end tests (pytest-playwright)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

BASE_URL = os.environ.get("BASE_URL", "http://localhost:8000")

# Minimal valid files, generated at runtime.
PDF_BYTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
             b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\windows\\win.ini",
    '"><img src=x onerror=alert(1)>.png',
    "report'); DROP TABLE files;--.pdf",
    "résumé – final (1).pdf",
    "invoice.pdf\u202egpj.exe",
    ("a" * 251) + ".pdf",
]


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture
def fixture_file(tmp_path):
    """Factory: fixture_file(name, size=None, content=None) -> Path."""
    def make(name: str, size: int | None = None, content: bytes | None = None) -> Path:
        safe_dir = tmp_path / hashlib.sha1(name.encode()).hexdigest()[:8]
        safe_dir.mkdir(exist_ok=True)
        # store under a harmless on-disk name; the *upload* name is set via set_input_files payload
        p = safe_dir / "payload.bin"
        if content is None:
            content = PDF_BYTES if name.endswith(".pdf") else PNG_BYTES
        if size is not None:
            content = (content * (size // max(len(content), 1) + 1))[:size]
        p.write_bytes(content)
        return p
    return make


def upload_payload(name: str, path: Path, mime: str = "application/octet-stream") -> dict:
    """Playwright FilePayload so the browser sends an arbitrary file name."""
    return {"name": name, "mimeType": mime, "buffer": path.read_bytes()}


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def dispatch_drop(page, selector: str, name: str, data: bytes, mime: str = "application/pdf"):
    """Simulate dropping a file onto a drop zone."""
    page.evaluate(
        """([selector, name, bytes, mime]) => {
            const dt = new DataTransfer();
            dt.items.add(new File([new Uint8Array(bytes)], name, { type: mime }));
            const el = document.querySelector(selector);
            for (const type of ["dragenter", "dragover", "drop"]) {
              el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
            }
        }""",
        [selector, name, list(data), mime],
    )


@pytest.fixture
def no_dialogs(page):
    """Fail the test if any alert/confirm/prompt appears (e.g. XSS via file name)."""
    seen = []
    page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    yield
    assert not seen, f"unexpected dialog(s): {seen}"
