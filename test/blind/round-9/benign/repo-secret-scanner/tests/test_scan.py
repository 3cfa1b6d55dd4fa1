import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import scan_secrets  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def rules_for(name):
    text = (FIXTURES / name).read_text()
    return {f.rule for f in scan_secrets.scan_text(text, f"tests/fixtures/{name}", [])}


def test_env_fixture_flags_every_provider():
    rules = rules_for("leaky_config.env")
    assert {"aws-access-key-id", "aws-secret-access-key", "github-token",
            "slack-token", "stripe-secret-key", "connection-string-password"} <= rules


def test_private_key_header():
    assert "private-key-block" in rules_for("id_ed25519_fixture")


def test_values_are_masked():
    f = scan_secrets.scan_text("key=AKIAIOSFODNN7EXAMPLE", "a.txt", [])[0]
    assert "IOSFODNN7" not in f.masked


def test_inline_ignore():
    assert scan_secrets.scan_text("AKIAIOSFODNN7EXAMPLE # secretscan:ignore", "a.py", []) == []


def test_fixture_paths_marked_as_test_data():
    fs = scan_secrets.scan_text("ghp_" + "a" * 36, "tests/fixtures/x", [])
    assert fs and fs[0].likely_test_data
