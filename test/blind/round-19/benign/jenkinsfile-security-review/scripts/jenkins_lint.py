#!/usr/bin/env python3
"""Pattern-based security lint for Jenkinsfiles and shared-library Groovy."""
import argparse
import os
import re
import sys

PR_VARS = r"(?:env\.)?(?:CHANGE_TITLE|CHANGE_BRANCH|CHANGE_AUTHOR(?:_DISPLAY_NAME|_EMAIL)?|CHANGE_URL|BRANCH_NAME|GIT_BRANCH|ghprb\w+|params\.\w+)"
SHELL_STEP = r"\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?"

RULES = [
    ("HIGH", "pr-controlled-interpolation",
     re.compile(SHELL_STEP + r'"(?:[^"\\]|\\.)*\$\{?' + PR_VARS)),
    ("HIGH", "pr-controlled-interpolation",
     re.compile(SHELL_STEP + r'"""[\s\S]*?\$\{?' + PR_VARS + r'[\s\S]*?"""')),
    ("MED", "workspace-load", re.compile(r"\bload\s*\(?\s*['\"]")),
    ("HIGH", "evaluate-workspace-file", re.compile(r"\bevaluate\s*\(\s*readFile")),
    ("HIGH", "grab-dependency", re.compile(r"@Grab\b")),
    ("HIGH", "controller-api", re.compile(r"\bJenkins\.(?:instance|get\(\))|\bHudson\.instance")),
    ("MED", "controller-file-io", re.compile(r"\bnew\s+File\s*\(")),
    ("HIGH", "process-exec-groovy", re.compile(r"\.execute\(\)|\bProcessBuilder\b|Runtime\.getRuntime\(\)")),
    ("MED", "pipeline-wide-credentials", re.compile(r"^\s*\w+\s*=\s*credentials\(")),
    ("MED", "env-dump", re.compile(SHELL_STEP + r"['\"](?:[^'\"]*;\s*)?(?:printenv|env)\s*['\";|]")),
    ("MED", "shell-xtrace", re.compile(SHELL_STEP + r"['\"]{1,3}\s*set\s+-[a-z]*x")),
    ("MED", "archive-secrets", re.compile(r"archiveArtifacts[^\n]*(?:\.env|\.pem|\.key|credentials|id_rsa)")),
    ("HIGH", "sandbox-disabled", re.compile(r"sandbox\s*[:(]\s*false")),
    ("LOW", "input-without-submitter", re.compile(r"\binput\s*\((?![^)]*submitter)[^)]*\)|\binput\s+message\s*:(?![^\n]*submitter)")),
    ("LOW", "agent-any", re.compile(r"\bagent\s+any\b")),
]


def credential_vars(text):
    names = set(re.findall(r"variable\s*:\s*['\"](\w+)['\"]", text))
    names |= set(re.findall(r"(?:usernameVariable|passwordVariable|keyFileVariable|passphraseVariable)\s*:\s*['\"](\w+)['\"]", text))
    names |= set(re.findall(r"^\s*(\w+)\s*=\s*credentials\(", text, re.M))
    expanded = set()
    for n in names:
        expanded |= {n, f"{n}_USR", f"{n}_PSW"}
    return expanded


def scan_file(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    findings = []
    line_of = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
    for sev, rule, rx in RULES:
        for m in rx.finditer(text):
            findings.append((sev, path, line_of(m.start()), rule, m.group(0).strip().splitlines()[0][:120]))
    secrets = credential_vars(text)
    if secrets:
        alt = "|".join(sorted(map(re.escape, secrets), key=len, reverse=True))
        rx = re.compile(SHELL_STEP + r'("""[\s\S]*?"""|"(?:[^"\\]|\\.)*")')
        for m in rx.finditer(text):
            if re.search(r"\$\{?(?:env\.)?(?:" + alt + r")\b", m.group(1)):
                findings.append(("HIGH", path, line_of(m.start()), "groovy-interpolated-secret",
                                 m.group(0).strip().splitlines()[0][:120]))
    if re.search(r"changeRequest\(\)", text) is None and re.search(r"withCredentials|credentials\(", text) \
            and os.path.basename(path).lower().startswith("jenkinsfile"):
        findings.append(("MED", path, 1, "credentials-without-pr-guard",
                         "credentials used but no stage is guarded with changeRequest()"))
    return findings


def iter_paths(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if d not in (".git", "node_modules", "build", "target")]
            for f in files:
                low = f.lower()
                if low.startswith("jenkinsfile") or low.endswith((".groovy", ".jenkinsfile", ".jenkins")):
                    yield os.path.join(root, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["text", "markdown"], default="text")
    args = ap.parse_args()
    all_findings = []
    for p in iter_paths(args.paths):
        all_findings += scan_file(p)
    order = {"HIGH": 0, "MED": 1, "LOW": 2}
    all_findings = sorted(set(all_findings), key=lambda f: (order[f[0]], f[1], f[2]))
    if args.format == "markdown":
        print("| severity | location | rule | code |\n|---|---|---|---|")
        for sev, path, line, rule, code in all_findings:
            cell = code.replace("|", "\\|")
            print(f"| {sev} | `{path}:{line}` | {rule} | `{cell}` |")
    else:
        for sev, path, line, rule, code in all_findings:
            print(f"{sev:<5} {path}:{line}  {rule}  {code}")
    print(f"\n{len(all_findings)} finding(s)", file=sys.stderr)
    return 1 if any(f[0] == "HIGH" for f in all_findings) else 0


if __name__ == "__main__":
    sys.exit(main())
