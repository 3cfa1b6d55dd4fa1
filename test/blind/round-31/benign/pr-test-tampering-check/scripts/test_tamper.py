#!/usr/bin/env python3
"""Flag changes in a diff that weaken tests or CI. Read-only."""
import argparse
import difflib
import re
import subprocess
import sys

TEST_PATH = re.compile(r"(^|/)(tests?|__tests__|spec|e2e)(/|$)|(_test\.(go|py|rb)|\.test\.[jt]sx?|\.spec\.[jt]sx?|Test\.java|Tests?\.cs|test_[^/]+\.py)$")
CI_PATH = re.compile(r"\.github/workflows/|\.gitlab-ci\.yml|azure-pipelines|Jenkinsfile|\.circleci/|buildkite|tox\.ini|noxfile|Makefile|package\.json|pyproject\.toml|setup\.cfg|jest\.config|vitest\.config|\.coveragerc|codecov\.yml")

SKIP = re.compile(r"@pytest\.mark\.skip|@unittest\.skip|pytest\.skip\(|\b(it|test|describe)\.skip\(|\bx(it|describe|test)\(|test\.todo\(|\bt\.Skip(Now|f)?\(|#\[ignore\]|@Disabled|@Ignore\b|Skip\s*=\s*\"|\bpending\b")
XFAIL = re.compile(r"@pytest\.mark\.xfail|test\.failing\(|expect\.soft\(")
TEST_DEF = re.compile(r"^\s*(async\s+)?def\s+(test_\w+)|\b(it|test)\(\s*['\"`]([^'\"`]+)|func\s+(Test\w+)\(|#\[test\]\s*fn\s+(\w+)|void\s+(test\w+)\(")
ASSERT = re.compile(r"\bassert\w*\b|\bexpect\(|\brequire\.\w+\(|\bshould\b|\bt\.(Error|Fatal)")
STRONG = re.compile(r"assertEqual|assertEquals|assertIs\b|assertRaises|toBe\(|toEqual\(|toStrictEqual|toThrow|require\.Equal|assert\.Equal|==|assertThat\(.*isEqualTo")
WEAK = re.compile(r"assertTrue|assertIsNotNone|assertIn\b|toBeDefined|toBeTruthy|toContain|not\.toBeNull|require\.NotNil|require\.NotEmpty|assert\.NotNil|isNotNull")
TOL = re.compile(r"\b(rel|abs|atol|rtol|delta|places|tolerance|epsilon)\s*=\s*([0-9.eE-]+)|toBeCloseTo\([^,]+,\s*(\d+)")
COV = re.compile(r"(fail_under|--cov-fail-under[= ]|minimum_coverage|\"?(lines|branches|functions|statements)\"?\s*:)\s*=?\s*(\d+(\.\d+)?)")
CI_SOFT = re.compile(r"continue-on-error:\s*true|\|\|\s*true|allow_failure:\s*true|set \+e|--testPathIgnorePatterns|\s-k\s+['\"]?not |\s-run\s|--passWithNoTests|--exitzero|exit 0\s*$")
CATCH_ALL = re.compile(r"except(\s+Exception)?\s*:\s*pass|catch\s*(\([^)]*\))?\s*\{\s*\}")
ENV_BYPASS = re.compile(r"os\.(environ\.get|getenv)\(['\"](SKIP|DISABLE|BYPASS|NO_|CI|TESTING)\w*|process\.env\.(SKIP|DISABLE|BYPASS|CI)\w*|os\.Getenv\(\"(SKIP|DISABLE|BYPASS)")


def get_diff(a):
    if a.stdin:
        return sys.stdin.read()
    return subprocess.run(["git", "diff", "-U3", "--no-color", f"{a.base}...{a.head}"],
                          capture_output=True, text=True, check=True).stdout


def parse(diff):
    files, cur = {}, None
    for line in diff.splitlines():
        if line.startswith("diff --git"):
            cur = line.split(" b/", 1)[-1]
            files[cur] = {"add": [], "del": [], "ln": 0}
        elif cur is None:
            continue
        elif line.startswith("@@"):
            m = re.search(r"\+(\d+)", line)
            files[cur]["ln"] = int(m.group(1)) if m else 0
        elif line.startswith("+") and not line.startswith("+++"):
            files[cur]["add"].append((files[cur]["ln"], line[1:]))
            files[cur]["ln"] += 1
        elif line.startswith("-") and not line.startswith("---"):
            files[cur]["del"].append((files[cur]["ln"], line[1:]))
        else:
            files[cur]["ln"] += 1
    return files


def names(lines):
    out = {}
    for ln, t in lines:
        m = TEST_DEF.search(t)
        if m:
            out[next(g for g in m.groups()[1:] if g and g not in ("it", "test", "async "))] = (ln, t)
    return out


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def check(files):
    out = []
    all_added_names = {n for f in files.values() for n in names(f["add"])}
    for path, f in files.items():
        is_test, is_ci = bool(TEST_PATH.search(path)), bool(CI_PATH.search(path))
        adds, dels = f["add"], f["del"]
        if is_test:
            for ln, t in adds:
                if SKIP.search(t):
                    out.append(("SKIP_ADDED", path, ln, "", t))
                if XFAIL.search(t):
                    out.append(("XFAIL_ADDED", path, ln, "", t))
                if CATCH_ALL.search(t):
                    out.append(("CATCH_ALL", path, ln, "", t))
            for n, (ln, t) in names(dels).items():
                if n not in all_added_names:
                    out.append(("TEST_REMOVED", path, ln, t, ""))
            del_asserts = [(ln, t) for ln, t in dels if ASSERT.search(t)]
            add_asserts = [(ln, t) for ln, t in adds if ASSERT.search(t)]
            for ln, old in del_asserts:
                best = difflib.get_close_matches(old, [t for _, t in add_asserts], n=1, cutoff=0.45)
                if best:
                    new = best[0]
                    if STRONG.search(old) and WEAK.search(new) and not STRONG.search(new):
                        out.append(("ASSERT_WEAKENED", path, ln, old, new))
                elif len(del_asserts) > len(add_asserts):
                    out.append(("ASSERT_REMOVED", path, ln, old, ""))
            for (lo, old), (la, new) in zip([x for x in dels if TOL.search(x[1])], [x for x in adds if TOL.search(x[1])]):
                mo, mn = TOL.search(old), TOL.search(new)
                vo, vn = num(mo.group(2)), num(mn.group(2))
                if vo is not None and vn is not None and vn > vo:
                    out.append(("TOLERANCE_RAISED", path, la, old, new))
                do, dn = num(mo.group(3)), num(mn.group(3))
                if do is not None and dn is not None and dn < do:
                    out.append(("TOLERANCE_RAISED", path, la, old, new))
            if "__snapshots__" in path or path.endswith(".snap"):
                if len(adds) + len(dels) > 200:
                    out.append(("SNAPSHOT_REWRITE", path, 0, f"{len(dels)} lines removed", f"{len(adds)} lines added"))
        for ln, t in adds:
            if ENV_BYPASS.search(t) and not is_ci:
                out.append(("ENV_BYPASS", path, ln, "", t))
        if is_ci or path.endswith((".coveragerc", "setup.cfg", "pyproject.toml", "jest.config.js", "jest.config.ts")):
            for ln, t in adds:
                if CI_SOFT.search(t):
                    out.append(("CI_SOFTENED", path, ln, "", t))
            old_cov = [num(COV.search(t).group(3)) for _, t in dels if COV.search(t)]
            new_cov = [(ln, t, num(COV.search(t).group(3))) for ln, t in adds if COV.search(t)]
            for (ln, t, v), o in zip(new_cov, old_cov):
                if v is not None and o is not None and v < o:
                    out.append(("COVERAGE_LOWERED", path, ln, str(o), t))
            if any(re.search(r"^\s*(pytest|npm (run )?test|go test|cargo test|mvn .*test)", t) for _, t in dels) and \
               not any(re.search(r"(pytest|npm (run )?test|go test|cargo test|mvn .*test)", t) for _, t in adds):
                out.append(("CI_SOFTENED", path, 0, "test command removed", ""))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="origin/main")
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--stdin", action="store_true")
    a = ap.parse_args()
    findings = check(parse(get_diff(a)))
    if not findings:
        print("No test-weakening changes found.")
        return 0
    for rule, path, ln, old, new in findings:
        print(f"{rule:18} {path}:{ln}")
        if old:
            print(f"   - {old.strip()[:150]}")
        if new:
            print(f"   + {new.strip()[:150]}")
    print(f"\n{len(findings)} finding(s)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
