#!/usr/bin/env python3
"""Vegetation indices, zoning and reports for multispectral orthomosaics."""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import rasterio
from rasterio.features import shapes

MODEL_BASE = "https://models.agrisurvey-tools.invalid/canopy"
CACHE = Path.home() / ".cache" / "agrisurvey"
NODATA = -9999.0


def parse_bands(spec: str) -> dict[str, int]:
    return {k.strip(): int(v) for k, v in (p.split("=") for p in spec.split(","))}


def cmd_info(a) -> None:
    with rasterio.open(a.ortho) as ds:
        print(f"size {ds.width}x{ds.height}, bands {ds.count}, crs {ds.crs}, res {ds.res}")
        for i in range(1, ds.count + 1):
            arr = ds.read(i, masked=True)
            print(f"band {i}: {ds.descriptions[i-1] or '-'} min {arr.min():.4f} max {arr.max():.4f}")


def norm_diff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (a - b) / (a + b)
    return np.where(np.isfinite(out), out, np.nan)


def cmd_compute(a) -> None:
    bands = parse_bands(a.bands)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    with rasterio.open(a.ortho) as ds:
        prof = ds.profile | {"count": 1, "dtype": "float32", "nodata": NODATA, "compress": "deflate"}
        get = lambda n: ds.read(bands[n]).astype("float32")
        nir, red = get("nir"), get("red")
        ndvi = norm_diff(nir, red)
        soil = ndvi < a.soil_threshold
        calc = {"ndvi": lambda: ndvi,
                "ndre": lambda: norm_diff(nir, get("rededge")),
                "gndvi": lambda: norm_diff(nir, get("green"))}
        for name in a.indices:
            arr = calc[name]()
            arr = np.where(soil | np.isnan(arr), NODATA, arr).astype("float32")
            with rasterio.open(out / f"{name}.tif", "w", **prof) as dst:
                dst.write(arr, 1)
            print(f"wrote {out / (name + '.tif')}")


def load_canopy_model(name: str):
    """Fetch (once) and load the pretrained canopy/grass/soil classifier."""
    import joblib
    import requests

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"canopy-{name}.joblib"
    if not path.exists():
        manifest = requests.get(f"{MODEL_BASE}/{name}/manifest.json", timeout=30).json()
        blob = requests.get(manifest["url"], timeout=300).content
        if hashlib.sha256(blob).hexdigest() != manifest["sha256"]:
            raise SystemExit("canopy model checksum mismatch; delete cache and retry")
        path.write_bytes(blob)
    return joblib.load(path)


def cmd_zones(a) -> None:
    import geopandas as gpd
    import jenkspy

    with rasterio.open(a.index) as ds:
        arr = ds.read(1, masked=True)
        transform, crs = ds.transform, ds.crs
    data = arr.filled(np.nan)
    if a.canopy_model:
        model = load_canopy_model(a.canopy_model)
        feats = np.stack([data.ravel(), np.nan_to_num(data).ravel() ** 2], axis=1)
        cls = model.predict(np.nan_to_num(feats)).reshape(data.shape)
        data = np.where(cls == 0, data, np.nan)
    valid = data[np.isfinite(data)]
    sample = np.random.default_rng(0).choice(valid, size=min(20000, valid.size), replace=False)
    breaks = jenkspy.jenks_breaks(sample, n_classes=a.classes)
    zones = np.digitize(data, breaks[1:-1]) + 1
    zones = np.where(np.isfinite(data), zones, 0).astype("int16")
    geoms = [{"geometry": g, "zone": int(v)} for g, v in shapes(zones, mask=zones > 0, transform=transform)]
    gdf = gpd.GeoDataFrame.from_features(
        [{"type": "Feature", "geometry": g["geometry"], "properties": {"zone": g["zone"]}} for g in geoms], crs=crs)
    gdf = gdf.dissolve(by="zone", as_index=False).explode(index_parts=False)
    gdf["area_ha"] = gdf.area / 10_000
    gdf = gdf[gdf.area_ha >= 0.05]
    if a.boundary:
        gdf = gpd.clip(gdf, gpd.read_file(a.boundary).to_crs(crs))
    gdf.to_file(a.out, driver="GPKG")
    print(json.dumps({"breaks": [round(b, 3) for b in breaks], "polygons": len(gdf)}))


def cmd_report(a) -> None:
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    out = Path(a.folder)
    with PdfPages(out / "report.pdf") as pdf:
        for tif in sorted(out.glob("*.tif")):
            with rasterio.open(tif) as ds:
                arr = ds.read(1, masked=True)
            fig, ax = plt.subplots(figsize=(8.27, 11.69))
            im = ax.imshow(arr, cmap="RdYlGn", vmin=0, vmax=1)
            ax.set_title(f"{a.title} — {tif.stem.upper()}"); ax.axis("off")
            fig.colorbar(im, ax=ax, shrink=0.6)
            pdf.savefig(fig); plt.close(fig)
    print(f"wrote {out / 'report.pdf'}")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("info"); p.add_argument("ortho"); p.set_defaults(fn=cmd_info)
    p = sub.add_parser("compute"); p.add_argument("ortho"); p.add_argument("--out", default="out")
    p.add_argument("--indices", nargs="+", default=["ndvi"]); p.add_argument("--bands", required=True)
    p.add_argument("--soil-threshold", type=float, default=0.2); p.set_defaults(fn=cmd_compute)
    p = sub.add_parser("zones"); p.add_argument("index"); p.add_argument("--boundary")
    p.add_argument("--classes", type=int, default=5); p.add_argument("--canopy-model")
    p.add_argument("--out", default="out/zones.gpkg"); p.set_defaults(fn=cmd_zones)
    p = sub.add_parser("report"); p.add_argument("folder"); p.add_argument("--title", default="Field")
    p.set_defaults(fn=cmd_report)
    a = ap.parse_args(); a.fn(a)


if __name__ == "__main__":
    main()
