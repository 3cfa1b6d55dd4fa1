#!/usr/bin/env python3
import argparse
import numpy as np
import xarray as xr

def area_mean(da):
    lat = "lat" if "lat" in da.dims else "y"
    w = np.cos(np.deg2rad(da[lat]))
    return float(da.weighted(w).mean().values)

ap = argparse.ArgumentParser()
ap.add_argument("src"); ap.add_argument("dst"); ap.add_argument("--var", required=True)
a = ap.parse_args()
s = area_mean(xr.open_dataset(a.src)[a.var].isel(time=0))
d = area_mean(xr.open_dataset(a.dst)[a.var].isel(time=0))
print(f"source mean {s:.6g}  regridded mean {d:.6g}  diff {100*(d-s)/s:+.4f}%")
