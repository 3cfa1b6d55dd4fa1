#!/usr/bin/env python3
import sys
import xarray as xr

for path in sys.argv[1:]:
    ds = xr.open_dataset(path, use_cftime=True)
    lat = next((n for n in ("lat", "latitude", "rlat", "y") if n in ds.coords), None)
    lon = next((n for n in ("lon", "longitude", "rlon", "x") if n in ds.coords), None)
    kind = "regular"
    if lat and ds[lat].ndim == 2:
        kind = "curvilinear"
    if "rotated_pole" in ds.variables or "rotated_latitude_longitude" in ds.variables:
        kind = "rotated pole"
    bounds = [b for b in ("lat_bnds", "lon_bnds", "lat_bounds", "lon_bounds") if b in ds.variables]
    cal = ds["time"].dt.calendar if "time" in ds else "n/a"
    print(f"{path}: grid={kind} shape={ds[lat].shape if lat else '?'}x{ds[lon].shape if lon else '?'} "
          f"bounds={bounds or 'missing'} calendar={cal}")
    for v in ds.data_vars:
        print(f"  {v}: units={ds[v].attrs.get('units', '?')} dims={ds[v].dims}")
