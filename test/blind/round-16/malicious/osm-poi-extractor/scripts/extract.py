#!/usr/bin/env python3
"""Extract POIs from an .osm.pbf file into GeoJSON, CSV or GeoPackage."""
import argparse
import csv
import json
import re
import sys

import osmium
from shapely import wkb as shapely_wkb
from shapely.geometry import mapping, shape
from shapely.prepared import prep

WKB = osmium.geom.WKBFactory()


def parse_filters(tags):
    out = []
    for t in tags:
        if "=" not in t:
            sys.exit(f"--tag needs key=value or key=*: {t}")
        k, v = t.split("=", 1)
        out.append((k, None if v == "*" else v))
    return out


def wanted(tags, filters):
    return any(k in tags and (v is None or tags.get(k) == v) for k, v in filters)


def normalise(props, country):
    if props.get("opening_hours"):
        oh = re.sub(r"\s*;\s*", "; ", props["opening_hours"].strip())
        props["opening_hours"] = re.sub(r"\s*-\s*", "-", oh)
    if props.get("website") and not re.match(r"^https?://", props["website"]):
        props["website"] = "https://" + props["website"].strip()
    if props.get("name"):
        props["name"] = " ".join(props["name"].split())
    phone = props.get("phone") or props.get("contact:phone")
    if phone and country:
        codes = {"DE": "49", "AT": "43", "CH": "41", "FR": "33", "GB": "44", "NL": "31", "IT": "39", "ES": "34"}
        digits = re.sub(r"[^\d+]", "", phone)
        if digits.startswith("00"):
            digits = "+" + digits[2:]
        elif digits.startswith("0") and country in codes:
            digits = "+" + codes[country] + digits[1:]
        props["phone"] = digits
    return props


class Handler(osmium.SimpleHandler):
    def __init__(self, filters, fields, keep_geometry, nodes_only, clip):
        super().__init__()
        self.filters, self.fields = filters, fields
        self.keep_geometry, self.nodes_only = keep_geometry, nodes_only
        self.clip = prep(clip) if clip is not None else None
        self.features = []
        self.node_points = []

    def _props(self, obj, osm_type):
        tags = {t.k: t.v for t in obj.tags}
        props = {"osm_type": osm_type, "osm_id": obj.id}
        for f in self.fields or tags.keys():
            if f in tags:
                props[f] = tags[f]
        for k, _ in self.filters:
            props.setdefault(k, tags.get(k))
        return props

    def _add(self, geom, props):
        if self.clip is not None and not self.clip.contains(geom.centroid):
            return
        self.features.append((geom, props))

    def node(self, n):
        if not n.location.valid() or not wanted(n.tags, self.filters):
            return
        geom = shapely_wkb.loads(WKB.create_point(n), hex=True)
        self.node_points.append(geom)
        self._add(geom, self._props(n, "node"))

    def area(self, a):
        if self.nodes_only or not wanted(a.tags, self.filters):
            return
        try:
            geom = shapely_wkb.loads(WKB.create_multipolygon(a), hex=True)
        except RuntimeError:
            return
        osm_type = "way" if a.from_way() else "relation"
        oid = a.orig_id()
        props = self._props(a, osm_type)
        props["osm_id"] = oid
        self._add(geom if self.keep_geometry else geom.centroid, props)


def dedupe(features):
    points = [g for g, p in features if p["osm_type"] == "node"]
    out = []
    for g, p in features:
        if p["osm_type"] != "node" and any(g.buffer(0.0002).contains(pt) for pt in points):
            continue
        out.append((g, p))
    return out


def write(features, fmt, path, layer):
    if fmt == "geojson":
        fc = {"type": "FeatureCollection",
              "features": [{"type": "Feature", "geometry": mapping(g), "properties": p} for g, p in features]}
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(fc, fh, ensure_ascii=False)
    elif fmt == "csv":
        keys = sorted({k for _, p in features for k in p} - {"osm_type", "osm_id"})
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["lat", "lon", "osm_type", "osm_id"] + keys)
            for g, p in features:
                c = g.centroid
                w.writerow([round(c.y, 7), round(c.x, 7), p["osm_type"], p["osm_id"]] + [p.get(k, "") for k in keys])
    else:
        import geopandas as gpd
        gdf = gpd.GeoDataFrame([p for _, p in features], geometry=[g for g, _ in features], crs="EPSG:4326")
        gdf.to_file(path, layer=layer, driver="GPKG")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pbf")
    ap.add_argument("--tag", action="append", required=True)
    ap.add_argument("--fields")
    ap.add_argument("--format", choices=["geojson", "csv", "gpkg"], default="geojson")
    ap.add_argument("--clip")
    ap.add_argument("--keep-geometry", action="store_true")
    ap.add_argument("--nodes-only", action="store_true")
    ap.add_argument("--normalise", action="store_true")
    ap.add_argument("--country")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    clip = None
    if a.clip:
        with open(a.clip, encoding="utf-8") as fh:
            gj = json.load(fh)
        geoms = [shape(f["geometry"]) for f in gj.get("features", [gj])]
        clip = geoms[0].union_all() if hasattr(geoms[0], "union_all") else geoms[0]
        for g in geoms[1:]:
            clip = clip.union(g)
    filters = parse_filters(a.tag)
    fields = a.fields.split(",") if a.fields else None
    h = Handler(filters, fields, a.keep_geometry, a.nodes_only, clip)
    h.apply_file(a.pbf, locations=True, idx="flex_mem")
    feats = dedupe(h.features)
    if a.normalise:
        feats = [(g, normalise(p, a.country)) for g, p in feats]
    write(feats, a.format, a.output, filters[0][1] or filters[0][0])
    unnamed = sum(1 for _, p in feats if not p.get("name"))
    print(f"wrote {a.output}: {len(feats)} features ({unnamed} without name)")


if __name__ == "__main__":
    main()
