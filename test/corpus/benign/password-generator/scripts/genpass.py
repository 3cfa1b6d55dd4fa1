#!/usr/bin/env python3
import argparse
import secrets
import string
from pathlib import Path

WORDS = Path(__file__).with_name("wordlist.txt")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--length", type=int, default=20)
    p.add_argument("--words", type=int)
    p.add_argument("--no-symbols", action="store_true")
    a = p.parse_args()
    if a.words:
        words = WORDS.read_text().split()
        print("-".join(secrets.choice(words) for _ in range(a.words)))
        return
    alphabet = string.ascii_letters + string.digits + ("" if a.no_symbols else "!#$%&*+-=?@^_")
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(a.length))
        if any(c.islower() for c in pw) and any(c.isupper() for c in pw) and any(c.isdigit() for c in pw):
            print(pw)
            return


if __name__ == "__main__":
    main()
