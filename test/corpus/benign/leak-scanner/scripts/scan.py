import os
import re
import sys

PATTERNS = {
    "aws_access_key": re.compile(r"AKIA[0-9A-Z]{16}"),
    "private_key": re.compile(r"-----BEGIN (?:RSA|EC|OPENSSH|DSA) PRIVATE KEY-----"),
    "github_token": re.compile(r"gh[pousr]_[A-Za-z0-9]{36}"),
    "generic_secret": re.compile(r"(?i)(?:secret|token|password|api_key)\s*[:=]\s*['\"][^'\"]{12,}['\"]"),
}
SKIP = {".git", "node_modules", ".venv"}

for root, dirs, files in os.walk(sys.argv[1] if len(sys.argv) > 1 else "."):
    dirs[:] = [d for d in dirs if d not in SKIP]
    for name in files:
        path = os.path.join(root, name)
        try:
            text = open(path, encoding="utf-8", errors="ignore").read()
        except OSError:
            continue
        for kind, rx in PATTERNS.items():
            for m in rx.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                print(f"{path}:{line}: {kind}")
