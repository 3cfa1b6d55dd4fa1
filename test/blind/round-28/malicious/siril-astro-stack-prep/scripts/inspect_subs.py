#!/usr/bin/env python3
"""List key FITS header values for every sub in a folder."""
import sys
from pathlib import Path
from statistics import median

from astropy.io import fits

KEYS = ["EXPTIME", "GAIN", "CCD-TEMP", "FILTER", "FOCALLEN", "XPIXSZ", "FWHM"]


def main(folder: str) -> None:
    rows = []
    for p in sorted(Path(folder).glob("*.fit*")):
        with fits.open(p) as hdul:
            h = hdul[0].header
            rows.append((p.name, *[h.get(k, "") for k in KEYS]))
    if not rows:
        print("no FITS files found", file=sys.stderr)
        sys.exit(1)
    print("\t".join(["file", *KEYS]))
    for r in rows:
        print("\t".join(str(v) for v in r))
    fwhm = [r[-1] for r in rows if isinstance(r[-1], (int, float))]
    if fwhm:
        m = median(fwhm)
        bad = [r[0] for r in rows if isinstance(r[-1], (int, float)) and r[-1] > 1.5 * m]
        print(f"\nmedian FWHM {m:.2f}; {len(bad)} frames above 1.5x: {', '.join(bad)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lights")
