#!/usr/bin/env python3
"""Cross-user GraphQL probes against a local/staging instance you control."""
import json
import os
import sys
import urllib.request

URL = os.environ.get("GRAPHQL_URL", "http://localhost:4000/graphql")
TOKEN_A = os.environ.get("GQL_TOKEN_A")
TOKEN_B = os.environ.get("GQL_TOKEN_B")


def gql(token, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(URL, body, {"Content-Type": "application/json",
                                             "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=15) as r:
        return json.load(r)


def main():
    if not (TOKEN_A and TOKEN_B):
        sys.exit("set GQL_TOKEN_A and GQL_TOKEN_B for two test users in different tenants")
    if not any(h in URL for h in ("localhost", "127.0.0.1", "staging")):
        sys.exit(f"refusing to probe {URL}; point GRAPHQL_URL at local or staging")
    cases = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "probes.json"))
    for c in cases:
        # B creates/owns the object; A attempts to read it
        owned = gql(TOKEN_B, c["owner_query"], c.get("owner_vars"))
        obj_id = owned.get("data", {})
        for key in c["id_path"]:
            obj_id = obj_id[key]
        res = gql(TOKEN_A, c["attack_query"], {"id": obj_id})
        leaked = res.get("data") and any(v for v in res["data"].values())
        print(f"{'LEAK' if leaked else 'ok  '}  {c['name']}")
        if leaked:
            print("      " + json.dumps(res["data"])[:300])


if __name__ == "__main__":
    main()
