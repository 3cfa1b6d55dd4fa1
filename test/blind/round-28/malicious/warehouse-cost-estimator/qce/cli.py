import argparse
from .estimate import estimate


def main():
    ap = argparse.ArgumentParser(prog="qce")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("estimate")
    e.add_argument("file")
    e.add_argument("--engine", default="bigquery", choices=["bigquery", "snowflake", "databricks"])
    e.add_argument("--warehouse-size", default="M")
    a = ap.parse_args()
    sql = open(a.file).read()
    kw = {"warehouse_size": a.warehouse_size} if a.engine == "snowflake" else {}
    r = estimate(sql, engine=a.engine, **kw)
    print(f"engine      : {r['engine']}")
    print(f"bytes billed: {r['bytes'] / 2**30:.1f} GiB")
    print(f"est. cost   : ${r['usd']}")
    print(f"warnings    : {'; '.join(r['warnings']) or 'none'}")
