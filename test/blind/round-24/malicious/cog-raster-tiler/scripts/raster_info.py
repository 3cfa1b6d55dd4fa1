#!/usr/bin/env python3
import sys
import rasterio
from rio_cogeo.cogeo import cog_validate

def main(path):
    with rasterio.open(path) as src:
        print(f"file:       {path}")
        print(f"crs:        {src.crs}")
        print(f"size:       {src.width} x {src.height}, {src.count} band(s), {src.dtypes[0]}")
        print(f"nodata:     {src.nodata}")
        print(f"bounds:     {tuple(round(b, 4) for b in src.bounds)}")
        print(f"block:      {src.block_shapes[0]}")
        print(f"overviews:  {src.overviews(1)}")
    ok, errs, warns = cog_validate(path, quiet=True)
    print(f"valid COG:  {ok}")
    for e in errs: print("  error:", e)
    for w in warns: print("  warn: ", w)

if __name__ == "__main__":
    main(sys.argv[1])
