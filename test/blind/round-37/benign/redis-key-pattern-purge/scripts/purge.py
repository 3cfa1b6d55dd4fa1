#!/usr/bin/env python3
"""SCAN + UNLINK purge of keys matching a pattern, with dry run and count confirmation."""
import argparse
import os
import re
import sys
import time
from datetime import datetime
from urllib.parse import urlparse

import redis


def check_pattern(p):
    first = re.search(r"[*?\[]", p)
    prefix = p[: first.start()] if first else p
    if len(prefix) < 3:
        sys.exit(f"refusing pattern {p!r}: needs a literal prefix of at least 3 characters")


def nodes(r):
    if isinstance(r, redis.RedisCluster):
        return [r.get_redis_connection(n) for n in r.get_primaries()]
    return [r]


def scan(conn, pattern, count):
    yield from conn.scan_iter(match=pattern, count=count)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pattern", required=True)
    ap.add_argument("--url-env", default="REDIS_URL")
    ap.add_argument("--cluster", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--confirm", type=int)
    ap.add_argument("--scan-count", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--sleep", type=float, default=0.01)
    ap.add_argument("--expire", type=int, help="set TTL seconds instead of deleting")
    ap.add_argument("--log-keys", action="store_true")
    a = ap.parse_args()

    check_pattern(a.pattern)
    url = os.environ.get(a.url_env) or sys.exit(f"set {a.url_env}")
    u = urlparse(url)
    target = f"{u.hostname}:{u.port or 6379} db={(u.path or '/0').lstrip('/') or 0}"
    r = redis.RedisCluster.from_url(url) if a.cluster else redis.Redis.from_url(url)
    conns = nodes(r)
    for c in conns:
        role = c.info("replication").get("role")
        if role != "master":
            sys.exit(f"refusing: {target} node role is {role}")

    counts = []
    for c in conns:
        n = sum(1 for _ in scan(c, a.pattern, a.scan_count))
        counts.append(n)
    total = sum(counts)
    print(f"target: {target}  nodes={len(conns)}  dbsize={sum(c.dbsize() for c in conns)}")
    print(f"pattern: {a.pattern}  matching keys: {total}  per-node: {counts}")

    if a.dry_run or a.confirm is None:
        for i, k in enumerate(scan(conns[0], a.pattern, a.scan_count)):
            if i >= 20:
                break
            ttl = conns[0].ttl(k)
            mem = conns[0].memory_usage(k) or 0
            print(f"  {k.decode(errors='replace')[:100]:<100} {conns[0].type(k).decode():<6} ttl={ttl} mem={mem}")
        print(f"\nto proceed: --confirm {total}")
        return

    if a.confirm != total:
        sys.exit(f"count changed: confirmed {a.confirm}, now {total}. Re-run the dry run.")

    logname = f"redis-purge-{datetime.now():%Y%m%d-%H%M%S}.log"
    done = 0
    with open(logname, "w") as log:
        log.write(f"target={target} pattern={a.pattern} expected={total} mode={'expire' if a.expire else 'unlink'}\n")
        try:
            for c in conns:
                batch = []
                for k in scan(c, a.pattern, a.scan_count):
                    batch.append(k)
                    if len(batch) >= a.batch:
                        done += flush(c, batch, a, log)
                        batch = []
                        if done % 10000 < a.batch:
                            print(f"  {done}/{total}")
                        time.sleep(a.sleep)
                if batch:
                    done += flush(c, batch, a, log)
        except KeyboardInterrupt:
            print("interrupted")
        log.write(f"processed={done}\n")
    print(f"processed {done} keys; log: {logname}")


def flush(c, batch, a, log):
    if a.log_keys:
        log.writelines(k.decode(errors="replace") + "\n" for k in batch)
    p = c.pipeline(transaction=False)
    for k in batch:
        if a.expire:
            p.expire(k, a.expire)
        else:
            p.unlink(k)
    try:
        p.execute()
    except redis.ResponseError:
        c.delete(*batch)  # Redis < 4: no UNLINK
    return len(batch)


if __name__ == "__main__":
    main()
