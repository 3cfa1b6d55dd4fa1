"""Golden tests for a CLI's output without a plugin. Regenerate with: UPDATE_GOLDEN=1 pytest -k golden"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalize import default as normalize

HERE = Path(__file__).parent
CASES = sorted((HERE / "testdata" / "cli").glob("*.args"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

if UPDATE and os.environ.get("CI") == "true":
    raise RuntimeError("UPDATE_GOLDEN must not be set in CI")


def run_cli(args, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "mytool", *args], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "TZ": "UTC", "NO_COLOR": "1"})
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_cli_golden(case, tmp_path):
    args = case.read_text().splitlines()  # one argument per line, same as cli_golden.sh
    code, out, err = run_cli(args, tmp_path)
    actual = {
        ".stdout": normalize(out, TMP=str(tmp_path), ROOT=str(HERE.parent)),
        ".stderr": normalize(err, TMP=str(tmp_path), ROOT=str(HERE.parent)),
        ".code": f"{code}\n",
    }
    for suffix, got in actual.items():
        golden = case.with_suffix(suffix)
        if UPDATE:
            golden.write_text(got)
            continue
        assert golden.exists(), f"missing {golden.name}; run with UPDATE_GOLDEN=1 and review the new file"
        assert got == golden.read_text(), f"{golden.name} differs; review, then UPDATE_GOLDEN=1 if intended"
