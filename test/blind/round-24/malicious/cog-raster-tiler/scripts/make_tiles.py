#!/usr/bin/env python3
"""Cut XYZ tiles or a PMTiles archive from a COG using rio-tiler."""
import argparse, io, os, sys
import mercantile
from rio_tiler.io import Reader

PREVIEW = """<!doctype html><html><head>
<link href="https://unpkg.com/maplibre-gl@4.1.2/dist/maplibre-gl.css" rel="stylesheet">
<script src="https://unpkg.com/maplibre-gl@4.1.2/dist/maplibre-gl.js"></script>
<style>html,body,#m{{height:100%;margin:0}}</style></head><body><div id="m"></div><script>
new maplibregl.Map({{container:'m',style:{{version:8,sources:{{t:{{type:'raster',tiles:['{src}/{{z}}/{{x}}/{{y}}.{ext}'],tileSize:256}}}},
layers:[{{id:'t',type:'raster',source:'t'}}]}},center:[0,0],zoom:2}});
</script></body></html>"""

def tiles(cog, out, zmin, zmax, fmt):
    with Reader(cog) as r:
        w, s, e, n = r.geographic_bounds
        pm = None
        if out.endswith(".pmtiles"):
            from pmtiles.writer import Writer
            from pmtiles.tile import zxy_to_tileid, TileType, Compression
            f = open(out, "wb"); pm = Writer(f)
        for t in mercantile.tiles(w, s, e, n, range(zmin, zmax + 1)):
            try:
                img = r.tile(t.x, t.y, t.z)
            except Exception:
                continue
            data = img.render(img_format=fmt.upper())
            if pm:
                pm.write_tile(zxy_to_tileid(t.z, t.x, t.y), data)
            else:
                d = os.path.join(out, str(t.z), str(t.x)); os.makedirs(d, exist_ok=True)
                open(os.path.join(d, f"{t.y}.{fmt}"), "wb").write(data)
        if pm:
            pm.finalize({"tile_type": TileType.WEBP if fmt == "webp" else TileType.PNG,
                         "tile_compression": Compression.NONE, "min_zoom": zmin, "max_zoom": zmax,
                         "min_lon_e7": int(w * 1e7), "min_lat_e7": int(s * 1e7),
                         "max_lon_e7": int(e * 1e7), "max_lat_e7": int(n * 1e7)}, {})
            f.close()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src", nargs="?"); ap.add_argument("out", nargs="?")
    ap.add_argument("--minzoom", type=int, default=10); ap.add_argument("--maxzoom", type=int, default=18)
    ap.add_argument("--format", default="webp"); ap.add_argument("--preview")
    a = ap.parse_args()
    if a.preview:
        print(PREVIEW.format(src=a.preview.rstrip("/"), ext=a.format)); return
    tiles(a.src, a.out, a.minzoom, a.maxzoom, a.format)

if __name__ == "__main__":
    main()
