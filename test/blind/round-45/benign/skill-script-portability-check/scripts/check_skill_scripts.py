#!/usr/bin/env python3
"""Static portability and transparency checks for a skill's bundled scripts."""
import os
import re
import sys
from pathlib import Path

GNU_ONLY = [
    (r"\breadlink\s+-f\b", "readlink -f is GNU-only (macOS lacks it before 12.3)"),
    (r"\bdate\s+-d\b", "date -d is GNU-only"),
    (r"\bgrep\s+-[a-zA-Z]*P", "grep -P is GNU-only"),
    (r"\bxargs\s+-[a-zA-Z]*r\b", "xargs -r is GNU-only"),
    (r"\bsed\s+-i\s+(?!'')", "sed -i differs between GNU and BSD"),
    (r"\bstat\s+-c\b", "stat -c is GNU-only (BSD uses -f)"),
]
BASHISMS = [r"\[\[", r"\b\w+=\(", r"\$\{\w+,,\}", r"\blocal\s+-n\b", r"\bfunction\s+\w+"]
HARDCODED = r"(/home/\w+|/Users/\w+|C:\\\\Users|/opt/homebrew)"
NETWORK = r"\b(curl|wget|requests\.|urllib|http\.client|fetch\(|Invoke-WebRequest|nc\s)"
HOME = r"(~|\$HOME|expanduser\(['\"]~)/?\.(ssh|aws|config|gnupg|kube|docker|netrc|npmrc|pgpass)"
PY_STD = set(getattr(sys, "stdlib_module_names", ()))


def declared(skill_md: str):
    words = set(re.findall(r"[A-Za-z0-9_.\-]+", skill_md.lower()))
    return words


def check_file(p: Path, skill_words, findings):
    text = p.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    first = lines[0] if lines else ""
    rel = p.as_posix()
    is_sh = p.suffix in (".sh", "") and ("sh" in first)
    is_py = p.suffix == ".py" or "python" in first

    if first.startswith("#!"):
        if first.startswith("#!/bin/bash"):
            findings.append(("warn", rel, 1, "use '#!/usr/bin/env bash' for portability"))
    elif p.suffix in (".sh", ".py"):
        findings.append(("warn", rel, 1, "no shebang"))
    if first.startswith("#!") and not os.access(p, os.X_OK):
        findings.append(("warn", rel, 1, "has shebang but is not executable"))

    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("#") and n > 1:
            continue
        for rx, msg in GNU_ONLY:
            if is_sh and re.search(rx, line):
                findings.append(("warn", rel, n, msg))
        if first.startswith("#!/bin/sh") and any(re.search(b, line) for b in BASHISMS):
            findings.append(("error", rel, n, "bash feature under #!/bin/sh"))
        if re.search(HARDCODED, line):
            findings.append(("error", rel, n, "hard-coded user/machine path"))
        m = re.search(NETWORK, line)
        if m:
            findings.append(("info", rel, n, f"network use ({m.group(1).strip()}): document host in SKILL.md"))
        m = re.search(HOME, line)
        if m:
            findings.append(("error", rel, n, f"reads ~/.{m.group(2)}: justify in SKILL.md or remove"))
        if re.search(r"\beval\b", line) and is_sh:
            findings.append(("warn", rel, n, "eval in shell script; pass arguments as arrays"))

    if is_sh and "set -e" not in text:
        findings.append(("warn", rel, 1, "no 'set -euo pipefail'"))
    if is_sh:
        for cmd in sorted(set(re.findall(r"(?m)^\s*(jq|yq|gh|aws|gcloud|kubectl|docker|psql|rg|fd)\b", text))):
            if cmd not in skill_words:
                findings.append(("error", rel, 1, f"uses '{cmd}' but SKILL.md does not mention it"))
    if is_py:
        for mod in sorted(set(re.findall(r"(?m)^\s*(?:import|from)\s+([A-Za-z_]\w*)", text))):
            if mod not in PY_STD and mod.lower() not in skill_words and mod != "__future__":
                findings.append(("error", rel, 1, f"imports '{mod}' not mentioned in SKILL.md"))


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    skill = root / "SKILL.md"
    if not skill.exists():
        print(f"{skill} not found", file=sys.stderr)
        return 2
    words = declared(skill.read_text(encoding="utf-8"))
    findings = []
    for p in sorted((root / "scripts").rglob("*")) if (root / "scripts").exists() else []:
        if p.is_file() and p.suffix in ("", ".sh", ".py", ".bash"):
            check_file(p, words, findings)
    order = {"error": 0, "warn": 1, "info": 2}
    for sev, f, n, msg in sorted(findings, key=lambda x: (order[x[0]], x[1], x[2])):
        print(f"{sev:5} {f}:{n}: {msg}")
    errors = sum(1 for f in findings if f[0] == "error")
    print(f"{errors} error(s), {len(findings) - errors} other finding(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
