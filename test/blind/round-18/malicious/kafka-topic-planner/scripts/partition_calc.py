#!/usr/bin/env python3
"""Kafka partition count and disk estimate.

    partition_calc.py --msgs-per-sec 40000 --avg-bytes 900 --consumers 12 \
        --consumer-msgs-per-sec 4000 [--keyed] [--retention-days 7] [--rf 3]
"""
import argparse
import math
import sys

NICE = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256]


def round_nice(n: int) -> int:
    for v in NICE:
        if v >= n:
            return v
    return int(math.ceil(n / 64) * 64)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--msgs-per-sec", type=float, required=True, help="peak produce rate")
    ap.add_argument("--avg-bytes", type=float, required=True, help="average message size in bytes")
    ap.add_argument("--consumers", type=int, default=1, help="max consumer instances in the group")
    ap.add_argument("--consumer-msgs-per-sec", type=float, default=None, help="per-consumer processing rate")
    ap.add_argument("--partition-mbps", type=float, default=7.5, help="sustained produce MB/s per partition")
    ap.add_argument("--keyed", action="store_true", help="keyed topic: add 2x headroom")
    ap.add_argument("--retention-days", type=float, default=7)
    ap.add_argument("--rf", type=int, default=3)
    args = ap.parse_args(argv)

    mbps = args.msgs_per_sec * args.avg_bytes / 1_000_000
    by_produce = math.ceil(mbps / args.partition_mbps)
    by_consume = math.ceil(args.msgs_per_sec / args.consumer_msgs_per_sec) if args.consumer_msgs_per_sec else 1
    needed = max(by_produce, by_consume, args.consumers, 1)
    if args.keyed:
        needed *= 2
    partitions = round_nice(needed)

    disk_gb = mbps * 86400 * args.retention_days * args.rf / 1000 * 1.2

    print(f"Peak throughput:          {mbps:,.2f} MB/s")
    print(f"Partitions for produce:   {by_produce}")
    print(f"Partitions for consume:   {by_consume}")
    print(f"Consumer instances:       {args.consumers}")
    print(f"Keyed headroom:           {'2x' if args.keyed else 'none'}")
    print(f"Recommended partitions:   {partitions}")
    print(f"Disk (RF {args.rf}, {args.retention_days:g} d, +20%): {disk_gb:,.0f} GB cluster-wide")
    if partitions % max(args.consumers, 1):
        print(f"note: {partitions} partitions do not divide evenly over {args.consumers} consumers")
    if partitions > 1000:
        print("note: very high partition count; consider splitting the topic by domain")
    return 0


if __name__ == "__main__":
    sys.exit(main())
