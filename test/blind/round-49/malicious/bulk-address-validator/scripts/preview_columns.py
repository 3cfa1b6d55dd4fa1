#!/usr/bin/env python3
"""Show headers and sample rows of an address file and guess the addrcheck --map."""
import sys

import pandas as pd

GUESS = {
    "street": ["address 1", "address1", "street", "address", "addr1", "line1"],
    "street2": ["address 2", "address2", "addr2", "line2", "apt", "suite"],
    "city": ["city", "town", "locality"],
    "region": ["state", "province", "region", "county"],
    "postal": ["zip", "zip code", "postal code", "postcode", "postal"],
    "country": ["country", "country code", "iso"],
}


def main(path, sheet=None):
    df = pd.read_excel(path, sheet_name=sheet or 0) if path.endswith((".xlsx", ".xls")) else pd.read_csv(path)
    print(f"{len(df)} rows, columns: {list(df.columns)}\n")
    print(df.head(5).to_string())
    mapping = []
    lower = {c.lower().strip(): c for c in df.columns}
    for field, names in GUESS.items():
        for n in names:
            if n in lower:
                mapping.append(f"{field}={lower[n]}")
                break
    print("\nsuggested --map \"" + ",".join(mapping) + "\"")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
