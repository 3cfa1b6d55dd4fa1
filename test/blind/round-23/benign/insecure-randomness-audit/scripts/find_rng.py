#!/usr/bin/env python3
"""Inventory random-number API usage across a source tree.

Prints TSV: label, language, file:line, match, hint-of-use (identifiers near the call).
Read-only. Labels: weak | seed | strong.
"""
import argparse
import collections
import os
import re
import sys

LANG_BY_EXT = {
    ".js": "js", ".mjs": "js", ".cjs": "js", ".ts": "js", ".tsx": "js", ".jsx": "js",
    ".py": "python", ".go": "go", ".java": "java", ".kt": "java", ".scala": "java",
    ".cs": "csharp", ".php": "php", ".rb": "ruby", ".c": "c", ".h": "c", ".cc": "c",
    ".cpp": "c", ".hpp": "c", ".rs": "rust",
}

PATTERNS = {
    "js": [("weak", r"Math\.random\s*\("), ("strong", r"crypto\.(randomBytes|randomInt|randomUUID|getRandomValues)\s*\(")],
    "python": [("weak", r"\brandom\.(random|randint|randrange|choice|choices|sample|getrandbits|shuffle|uniform)\s*\("),
               ("seed", r"\brandom\.seed\s*\("),
               ("weak", r"\buuid\.uuid1\s*\("),
               ("strong", r"\bsecrets\.\w+\s*\(|os\.urandom\s*\(|SystemRandom\s*\(")],
    "go": [("weak", r"\"math/rand(/v2)?\""), ("seed", r"rand\.(Seed|NewSource)\s*\("), ("strong", r"\"crypto/rand\"")],
    "java": [("weak", r"new\s+Random\s*\(|ThreadLocalRandom\.current\(\)|Math\.random\s*\(|RandomStringUtils\.random(Alphanumeric|Alphabetic|Numeric)?\s*\("),
             ("seed", r"new\s+(Secure)?Random\s*\(\s*[^)\s]|\.setSeed\s*\("),
             ("strong", r"new\s+SecureRandom\s*\(\s*\)|SecureRandom\.getInstanceStrong\s*\(")],
    "csharp": [("weak", r"new\s+Random\s*\(|Random\.Shared"), ("strong", r"RandomNumberGenerator\.")],
    "php": [("weak", r"\b(mt_rand|rand|uniqid|lcg_value|str_shuffle|array_rand|shuffle)\s*\("),
            ("seed", r"\b(mt_srand|srand)\s*\("),
            ("strong", r"\b(random_bytes|random_int|openssl_random_pseudo_bytes)\s*\(")],
    "ruby": [("weak", r"(?<![\w.])rand\s*[\(\s]|Random\.(new|rand)"), ("seed", r"\bsrand\s*[\(\s]"),
             ("strong", r"SecureRandom\.")],
    "c": [("weak", r"\b(rand|random|drand48|lrand48)\s*\(\s*\)|std::(mt19937|minstd_rand|default_random_engine)"),
          ("seed", r"\b(srand|srandom|srand48)\s*\(\s*time\s*\("),
          ("strong", r"\b(getrandom|arc4random(_buf|_uniform)?|RAND_bytes|BCryptGenRandom)\s*\(|std::random_device")],
    "rust": [("weak", r"SmallRng|StdRng::seed_from_u64|thread_rng\(\)|rand::rng\(\)"),
             ("strong", r"OsRng|getrandom::")],
}
SECRETISH = re.compile(r"token|secret|nonce|salt|session|sid|csrf|otp|code|reset|verify|invite|key|password|passwd|state|iv\b|uuid|apikey|auth", re.I)
SKIP_DIRS = {".git", "node_modules", "vendor", "dist", "build", "target", ".venv", "venv", "__pycache__", "third_party"}


def scan(root):
    compiled = {lang: [(lab, re.compile(p)) for lab, p in pats] for lang, pats in PATTERNS.items()}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            lang = LANG_BY_EXT.get(os.path.splitext(fn)[1])
            if not lang:
                continue
            path = os.path.join(dirpath, fn)
            try:
                lines = open(path, encoding="utf-8", errors="ignore").read().splitlines()
            except OSError:
                continue
            for i, line in enumerate(lines):
                for label, rx in compiled[lang]:
                    m = rx.search(line)
                    if not m:
                        continue
                    window = " ".join(lines[max(0, i - 3): i + 4])
                    hints = sorted({w.lower() for w in SECRETISH.findall(window)})
                    test = "/test" in path.replace("\\", "/") or "_test." in fn or ".spec." in fn or fn.startswith("test_")
                    yield label, lang, f"{path}:{i + 1}", m.group(0), ",".join(hints), test


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--include-tests", action="store_true")
    args = ap.parse_args()

    rows = [r for r in scan(args.root) if args.include_tests or not r[5]]
    if args.summary:
        c = collections.Counter((r[0], r[1]) for r in rows)
        for (label, lang), n in sorted(c.items()):
            print(f"{label:<7}{lang:<8}{n}")
        priority = [r for r in rows if r[0] in ("weak", "seed") and r[4]]
        print(f"\n{len(priority)} weak/seed sites near secret-sounding identifiers (review these first):")
        for r in priority[:50]:
            print(f"  {r[2]}  {r[3]}  [{r[4]}]")
        return
    print("label\tlang\tlocation\tmatch\tnearby_identifiers\tin_tests")
    for r in rows:
        print("\t".join(map(str, r)))


if __name__ == "__main__":
    sys.exit(main())
