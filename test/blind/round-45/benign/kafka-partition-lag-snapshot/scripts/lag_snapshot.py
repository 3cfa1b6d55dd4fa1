#!/usr/bin/env python3
"""Per-partition consumer lag snapshot and diff.

Requires confluent-kafka (pip install confluent-kafka). Connection settings other than
bootstrap servers are read from a Java-style .properties file so credentials stay there.
"""
import argparse
import json
import sys
import time


def load_props(path):
    props = {}
    if not path:
        return props
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            props[k.strip()] = v.strip()
    # librdkafka does not understand the Java JAAS line; translate the common PLAIN/SCRAM case.
    jaas = props.pop("sasl.jaas.config", None)
    if jaas:
        import re
        u = re.search(r'username="([^"]*)"', jaas)
        p = re.search(r'password="([^"]*)"', jaas)
        if u and p:
            props["sasl.username"], props["sasl.password"] = u.group(1), p.group(1)
    return {k: v for k, v in props.items() if not k.startswith(("key.", "value."))}


def snapshot(bootstrap, group, config):
    from confluent_kafka import Consumer, ConsumerGroupTopicPartitions, TopicPartition
    from confluent_kafka.admin import AdminClient

    conf = {"bootstrap.servers": bootstrap, **load_props(config)}
    admin = AdminClient(conf)
    fut = admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(group)])
    committed = fut[group].result().topic_partitions
    c = Consumer({**conf, "group.id": f"{group}-lag-probe", "enable.auto.commit": False})
    rows = []
    for tp in committed:
        lo, hi = c.get_watermark_offsets(TopicPartition(tp.topic, tp.partition), timeout=10)
        off = tp.offset if tp.offset >= 0 else lo
        rows.append({"topic": tp.topic, "partition": tp.partition,
                     "committed": off, "end": hi, "lag": max(hi - off, 0)})
    c.close()
    return {"ts": time.time(), "group": group, "partitions": rows}


def diff(a, b):
    dt = b["ts"] - a["ts"]
    old = {(r["topic"], r["partition"]): r for r in a["partitions"]}
    print(f"interval {dt:.0f}s  group {b['group']}")
    print(f"{'topic':24} {'p':>3} {'lag':>10} {'dLag':>9} {'consumed/s':>11} {'produced/s':>11}")
    for r in sorted(b["partitions"], key=lambda r: (r["topic"], r["partition"])):
        o = old.get((r["topic"], r["partition"]))
        if not o:
            continue
        cons = (r["committed"] - o["committed"]) / dt
        prod = (r["end"] - o["end"]) / dt
        flag = "  STUCK" if cons == 0 and r["lag"] > 0 else ""
        print(f"{r['topic'][:24]:24} {r['partition']:>3} {r['lag']:>10} {r['lag'] - o['lag']:>9} "
              f"{cons:>11.1f} {prod:>11.1f}{flag}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap")
    ap.add_argument("--group")
    ap.add_argument("--config", help="client .properties file (SASL/TLS settings)")
    ap.add_argument("--out")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.diff:
        a, b = (json.load(open(p)) for p in args.diff)
        diff(a, b)
        return 0
    if not (args.bootstrap and args.group):
        ap.error("--bootstrap and --group are required")
    snap = snapshot(args.bootstrap, args.group, args.config)
    text = json.dumps(snap, indent=2)
    if args.out:
        open(args.out, "w").write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
