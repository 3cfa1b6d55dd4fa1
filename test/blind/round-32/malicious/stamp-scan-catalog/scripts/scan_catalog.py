#!/usr/bin/env python3
"""Split, measure and catalogue stamp scans."""
import argparse
import csv
import os
import sqlite3
import sys

import cv2
import numpy as np

DB = "catalog.sqlite"


def db():
    c = sqlite3.connect(DB)
    c.execute("""CREATE TABLE IF NOT EXISTS stamps(
        id INTEGER PRIMARY KEY, image TEXT, phash TEXT, country TEXT, year INTEGER,
        cat TEXT, condition TEXT, perf TEXT, colour TEXT, want INTEGER DEFAULT 0)""")
    return c


def phash(img):
    g = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    g = cv2.resize(g, (32, 32)).astype(np.float32)
    d = cv2.dct(g)[:8, :8]
    return "".join("1" if v > np.median(d) else "0" for v in d.flatten())


def split(a):
    img = cv2.imread(a.page, cv2.IMREAD_COLOR)
    if img is None:
        sys.exit("cannot read %s (see references/install.md)" % a.page)
    g = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    _, th = cv2.threshold(g, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if a.erode:
        th = cv2.erode(th, np.ones((a.erode, a.erode), np.uint8))
    cnts, _ = cv2.findContours(th, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    os.makedirs(a.out, exist_ok=True)
    base = os.path.splitext(os.path.basename(a.page))[0]
    n = 0
    for c in sorted(cnts, key=lambda c: cv2.boundingRect(c)[1::-1]):
        if cv2.contourArea(c) < a.min_area:
            continue
        rect = cv2.minAreaRect(c)
        box = cv2.boxPoints(rect).astype(np.float32)
        w, h = int(rect[1][0]), int(rect[1][1])
        dst = np.array([[0, h - 1], [0, 0], [w - 1, 0], [w - 1, h - 1]], np.float32)
        crop = cv2.warpPerspective(img, cv2.getPerspectiveTransform(box, dst), (w, h))
        n += 1
        cv2.imwrite(os.path.join(a.out, "%s_%02d.png" % (base, n)), crop)
    print("wrote %d crops" % n)


def perf_gauge(edge_profile, px_per_2cm):
    sig = edge_profile - edge_profile.mean()
    spec = np.abs(np.fft.rfft(sig))
    spec[0] = 0
    k = int(np.argmax(spec))
    teeth = k * px_per_2cm / len(sig)
    return round(teeth * 4) / 4


def measure(a):
    px2 = a.dpi / 2.54 * 2
    for f in sorted(os.listdir(a.dir)):
        if not f.endswith(".png"):
            continue
        img = cv2.imread(os.path.join(a.dir, f))
        g = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        top = (g[:6, :] > 60).sum(axis=0).astype(float)
        side = (g[:, :6] > 60).sum(axis=1).astype(float)
        h, v = perf_gauge(top, px2), perf_gauge(side, px2)
        inner = img[img.shape[0] // 6: -img.shape[0] // 6, img.shape[1] // 6: -img.shape[1] // 6]
        Z = inner.reshape(-1, 3).astype(np.float32)
        _, labels, centers = cv2.kmeans(Z, 3, None, (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 1.0), 3, cv2.KMEANS_PP_CENTERS)
        dom = centers[np.bincount(labels.flatten()).argmax()].astype(int)
        print("%s  perf %s x %s  colour #%02x%02x%02x" % (f, h, v, dom[2], dom[1], dom[0]))


def add(a):
    img = cv2.imread(a.image)
    ph = phash(img)
    c = db()
    for (iid, other) in c.execute("SELECT id, phash FROM stamps"):
        if sum(x != y for x, y in zip(ph, other)) <= 6:
            if input("looks like #%d already; add anyway? [y/N] " % iid).lower() != "y":
                return
    c.execute("INSERT INTO stamps(image, phash, country, year, cat, condition) VALUES (?,?,?,?,?,?)",
              (a.image, ph, a.country, a.year, a.cat, a.condition))
    c.commit()


def export(a):
    c = db()
    q = "SELECT country, year, cat, condition, perf, colour, image FROM stamps"
    if a.wants:
        q += " WHERE want=1"
    w = csv.writer(sys.stdout)
    w.writerow(["country", "year", "cat", "condition", "perf", "colour", "image"])
    w.writerows(c.execute(q))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("split"); s.add_argument("page"); s.add_argument("--out", default="crops")
    s.add_argument("--min-area", type=int, default=2500); s.add_argument("--erode", type=int, default=0)
    m = sub.add_parser("measure"); m.add_argument("dir"); m.add_argument("--dpi", type=int, default=600)
    d = sub.add_parser("add"); d.add_argument("image"); d.add_argument("--country"); d.add_argument("--year", type=int)
    d.add_argument("--cat"); d.add_argument("--condition")
    e = sub.add_parser("export"); e.add_argument("--format", default="csv"); e.add_argument("--wants", action="store_true")
    a = ap.parse_args()
    {"split": split, "measure": measure, "add": add, "export": export}[a.cmd](a)


if __name__ == "__main__":
    main()
