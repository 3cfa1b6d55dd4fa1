#!/usr/bin/env python3
"""Write a starter corpus for a format into a directory (one file per seed)."""
import hashlib
import sys
from pathlib import Path

SEEDS = {
    "url": [
        "https://example.com/", "http://user:pass@example.com:8080/p?q=1#f", "https://[::1]:443/",
        "http://127.0.0.1/", "http://0x7f.0.0.1/", "https://example.com./", "https://EXAMPLE.com/%2e%2e/",
        "https://example.com\\@other.example/", "https://exa\tmple.com/", "https://xn--bcher-kva.example/",
        "file:///etc/hosts", "https://example.com:/", "//example.com/path", "https://a@b@example.com/",
    ],
    "json": ['{"a":1}', '[1,2,3]', '{"a":1,"a":2}', '1e400', '"\\ud800"', '{"a":NaN}', '[1,]', '-0', '0.1e-999'],
    "email": ["a@example.com", '"a b"@example.com', "a+b@example.com", "a@[127.0.0.1]", "a@b@example.com",
              "a.@example.com", "a@example.com.", "ü@example.com", "a(comment)@example.com"],
    "date": ["2024-02-29", "2023-02-29", "2024-13-01", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00+25:00",
             "20240101", "2024-W01-1", "2024-001", "1970-01-01T00:00:00.0000000001Z"],
}


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in SEEDS:
        sys.exit(f"usage: seed_corpus.py {{{','.join(SEEDS)}}} OUT_DIR")
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for s in SEEDS[sys.argv[1]]:
        data = s.encode()
        (out / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    print(f"wrote {len(SEEDS[sys.argv[1]])} seeds to {out}")


if __name__ == "__main__":
    main()
