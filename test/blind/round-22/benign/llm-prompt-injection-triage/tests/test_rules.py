import importlib.util
from pathlib import Path

HERE = Path(__file__).parent
spec = importlib.util.spec_from_file_location("scan", HERE.parent / "scripts" / "scan_injection.py")
scan = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scan)

CASES = {
    "override.txt": "PI-OVERRIDE",
    "html_comment.html": "PI-HTML-HIDDEN",
    "pipe_shell.md": "PI-PIPE-SHELL",
    "exfil_img.md": "PI-EXFIL-IMG",
    "b64.txt": "PI-B64",
    "tags.txt": "PI-HIDDEN-UNICODE",
}


def test_each_fixture_is_flagged():
    for name, rule in CASES.items():
        text = (HERE / "fixtures" / name).read_text(encoding="utf-8")
        rules = {f.rule for f in scan.scan_text(name, text)}
        assert rule in rules, f"{name}: expected {rule}, got {rules}"


def test_plain_prose_is_clean():
    text = "Ignore the previous section if you already installed Node 20.\n"
    assert scan.scan_text("x", text) == []


def test_data_uri_skipped():
    text = '<img src="data:image/png;base64,' + "QUFB" * 30 + '">'
    assert not [f for f in scan.scan_text("x", text) if f.rule == "PI-B64"]
