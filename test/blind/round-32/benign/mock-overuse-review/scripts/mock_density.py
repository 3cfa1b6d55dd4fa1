#!/usr/bin/env python3
"""Rank test files by mocking density. Heuristic, language-agnostic-ish."""
import argparse
import pathlib
import re

MOCK = re.compile(r"\b(mock\.patch|patch\(|patch\.object|MagicMock|Mock\(|create_autospec|mocker\.patch|"
                  r"jest\.(mock|fn|spyOn)|vi\.(mock|fn|spyOn)|sinon\.(stub|spy|mock)|gomock\.|"
                  r"Mockito\.(mock|when)|@Mock\b|when\(|stub\()")
CALL_ASSERT = re.compile(r"(assert_called|assert_any_call|assert_has_calls|toHaveBeenCalled|"
                         r"calledWith|\.verify\(|EXPECT\(\)|Times\()")
TEST_FN = re.compile(r"^\s*(def test_|async def test_|it\(|test\(|func Test|@Test)", re.M)
GLOBS = ["test_*.py", "*_test.py", "*.test.ts", "*.test.js", "*.spec.ts", "*.spec.js", "*_test.go", "*Test.java"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--top", type=int, default=20)
    a = ap.parse_args()
    rows = []
    for g in GLOBS:
        for p in pathlib.Path(a.root).rglob(g):
            if "node_modules" in p.parts:
                continue
            text = p.read_text(errors="replace")
            tests = max(len(TEST_FN.findall(text)), 1)
            mocks = len(MOCK.findall(text))
            calls = len(CALL_ASSERT.findall(text))
            rows.append((mocks / tests, mocks, calls, tests, str(p)))
    rows.sort(reverse=True)
    print(f"{'mocks/test':>10} {'mocks':>6} {'call-asserts':>12} {'tests':>6}  file")
    for density, mocks, calls, tests, path in rows[: a.top]:
        print(f"{density:>10.1f} {mocks:>6} {calls:>12} {tests:>6}  {path}")


if __name__ == "__main__":
    main()
