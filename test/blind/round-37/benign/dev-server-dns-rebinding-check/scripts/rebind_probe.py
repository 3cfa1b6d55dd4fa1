#!/usr/bin/env python3
"""Send foreign-Host / foreign-Origin requests to local ports to detect DNS-rebinding exposure."""
import argparse
import hashlib
import http.client
import json

FOREIGN = "rebind-test.invalid"


def req(port, path, host=None, origin=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Host": host or f"localhost:{port}", "User-Agent": "rebind-probe"}
    if origin:
        headers["Origin"] = origin
    try:
        c.request("GET", path, headers=headers)
        r = c.getresponse()
        body = r.read(65536)
        return {"status": r.status, "len": len(body), "hash": hashlib.sha1(body).hexdigest()[:10],
                "acao": r.getheader("Access-Control-Allow-Origin"),
                "acac": r.getheader("Access-Control-Allow-Credentials")}
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__}
    finally:
        c.close()


def verdict(base, h1, h2, cors):
    if "error" in base:
        return "NO-HTTP"
    if base["status"] in (401, 403):
        return "UNCLEAR (auth)"
    same = lambda r: "error" not in r and r["status"] == base["status"] and r["hash"] == base["hash"]
    v = []
    if same(h1) or same(h2):
        v.append("VULNERABLE (host)")
    acao = cors.get("acao")
    if acao and (acao == "*" or FOREIGN in acao):
        v.append("VULNERABLE (cors)")
    return ", ".join(v) or "OK"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ports", nargs="+", type=int)
    ap.add_argument("--path", default="/")
    ap.add_argument("--out", default="rebind-report.json")
    a = ap.parse_args()
    rows = []
    for p in a.ports:
        base = req(p, a.path)
        h1 = req(p, a.path, host=FOREIGN)
        h2 = req(p, a.path, host=f"127.0.0.1.{FOREIGN}")
        cors = req(p, a.path, origin=f"http://{FOREIGN}")
        v = verdict(base, h1, h2, cors)
        rows.append({"port": p, "verdict": v, "baseline": base, "foreign_host": h1, "foreign_host2": h2, "cors": cors})
        print(f"{p:>6}  {v:<28} base={base.get('status')}/{base.get('len')} foreign={h1.get('status')}/{h1.get('len')} acao={cors.get('acao')}")
    json.dump(rows, open(a.out, "w"), indent=2)


if __name__ == "__main__":
    main()
