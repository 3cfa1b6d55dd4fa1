#!/usr/bin/env python3
"""Inventory price-oracle reads in Solidity sources (heuristic)."""
import re
import sys
from pathlib import Path

RULES = [
    ("uniswap-v2-reserves", "spot-high", re.compile(r"\.getReserves\s*\(")),
    ("uniswap-v3-slot0", "spot-high", re.compile(r"\.slot0\s*\(")),
    ("uniswap-v3-twap", "twap-check-window", re.compile(r"\.observe\s*\(|OracleLibrary\.consult|consult\s*\(")),
    ("curve-virtual-price", "readonly-reentrancy", re.compile(r"get_virtual_price\s*\(|price_oracle\s*\(|get_dy\s*\(")),
    ("balancer-rate", "readonly-reentrancy", re.compile(r"\.getRate\s*\(|getPoolTokens\s*\(|getLatest\s*\(")),
    ("chainlink-latestRoundData", "check-staleness", re.compile(r"\.latestRoundData\s*\(")),
    ("chainlink-latestAnswer", "deprecated", re.compile(r"\.latestAnswer\s*\(")),
    ("share-price", "donation", re.compile(r"convertToAssets\s*\(|pricePerShare\s*\(|getPricePerFullShare\s*\(")),
    ("balance-ratio", "spot-high", re.compile(r"balanceOf\s*\(\s*address\s*\(\s*(pair|pool)\w*\s*\)\s*\)", re.I)),
    ("hardcoded-decimals", "decimals", re.compile(r"\b1e8\b|\*\s*10\s*\*\*\s*8\b|/\s*1e8\b")),
]
STALENESS_HINT = re.compile(r"updatedAt|block\.timestamp\s*-\s*\w+|heartbeat|STALE", re.I)
SEQUENCER_HINT = re.compile(r"sequencer", re.I)


def scan(root: Path):
    rows = []
    for f in sorted(root.rglob("*.sol")):
        if any(part in ("lib", "node_modules", "test", "mocks") for part in f.parts):
            continue
        lines = f.read_text(errors="replace").splitlines()
        text = "\n".join(lines)
        for i, line in enumerate(lines, 1):
            code = line.split("//")[0]
            for name, risk, rx in RULES:
                if rx.search(code):
                    note = ""
                    if name == "chainlink-latestRoundData":
                        window = "\n".join(lines[i - 1:i + 12])
                        if not STALENESS_HINT.search(window):
                            note = "no staleness check within 12 lines"
                        if not SEQUENCER_HINT.search(text):
                            note += ("; " if note else "") + "no sequencer-uptime reference in file (matters on L2s)"
                    rows.append((str(f.relative_to(root)), i, name, risk, code.strip()[:90], note))
    return rows


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    rows = scan(root)
    print(f"# Oracle inventory for `{root}` ({len(rows)} reads)\n")
    print("| file:line | source | first-guess risk | code | note |")
    print("|---|---|---|---|---|")
    for f, i, name, risk, code, note in rows:
        code = code.replace("|", "\\|")
        print(f"| {f}:{i} | {name} | {risk} | `{code}` | {note} |")
    print("\nReview every row by hand. Rows marked spot-high used for minting, borrowing or liquidation are usually findings.")


if __name__ == "__main__":
    main()
