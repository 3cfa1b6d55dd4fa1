#!/usr/bin/env python3
"""ASCII plot of rss_watch.sh output and a least-squares growth rate."""
import csv
import sys


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    if len(rows) < 3:
        sys.exit("need at least 3 samples")
    t0 = int(rows[0]["epoch"])
    xs = [(int(r["epoch"]) - t0) / 60 for r in rows]
    ys = [int(r["rss_kb"]) / 1024 for r in rows]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-9, sum((x - mx) ** 2 for x in xs))
    # second half slope: distinguishes warm-up from sustained growth
    h = n // 2
    hx, hy = xs[h:], ys[h:]
    hmx, hmy = sum(hx) / len(hx), sum(hy) / len(hy)
    slope2 = sum((x - hmx) * (y - hmy) for x, y in zip(hx, hy)) / max(1e-9, sum((x - hmx) ** 2 for x in hx))

    lo, hi = min(ys), max(ys)
    height, width = 15, min(72, n)
    step = max(1, n // width)
    cols = [max(ys[i:i + step]) for i in range(0, n, step)][:width]
    for level in range(height, -1, -1):
        v = lo + (hi - lo) * level / height
        line = "".join("█" if c >= v else " " for c in cols)
        print(f"{v:8.1f} MB |{line}")
    print(" " * 12 + "-" * len(cols))
    print(f"{' ' * 12}0 … {xs[-1]:.1f} min, {n} samples")
    print(f"growth: {slope:+.2f} MB/min overall, {slope2:+.2f} MB/min in second half")
    if slope2 > 0.5 * slope and slope2 > 0.1:
        print("→ sustained growth in the second half: consistent with a leak")
    else:
        print("→ growth slows down: consistent with warm-up or a bounded cache")


if __name__ == "__main__":
    main()
