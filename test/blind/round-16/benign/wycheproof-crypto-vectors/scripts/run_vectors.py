#!/usr/bin/env python3
"""Run Wycheproof JSON vectors against an adapter module.

Adapter functions (implement the ones you need; each returns None when the target rejects):
  aead_decrypt(key, iv, aad, ct, tag) -> bytes | None
  aead_encrypt(key, iv, aad, msg) -> (ct, tag) | None
  ecdsa_verify(public_key_der, msg, sig_der) -> bool
  eddsa_verify(public_key_raw, msg, sig) -> bool
  ecdh_shared(private_key_bytes, public_key_der) -> bytes | None
  xdh_shared(private_key_raw, public_key_raw) -> bytes | None
  mac_compute(key, msg, tag_size_bits) -> bytes | None
"""
import argparse
import importlib.util
import json
import sys
from collections import Counter


def load_adapter(path: str):
    spec = importlib.util.spec_from_file_location("adapter", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def h(value: str) -> bytes:
    return bytes.fromhex(value)


def run_test(kind: str, group: dict, t: dict, ad) -> bool | None:
    """Return True if target accepted/produced the expected output, False if rejected, None if N/A."""
    if kind == "AeadTest":
        if t["result"] == "invalid":
            return ad.aead_decrypt(h(t["key"]), h(t["iv"]), h(t["aad"]), h(t["ct"]), h(t["tag"])) is not None
        pt = ad.aead_decrypt(h(t["key"]), h(t["iv"]), h(t["aad"]), h(t["ct"]), h(t["tag"]))
        if hasattr(ad, "aead_encrypt"):
            enc = ad.aead_encrypt(h(t["key"]), h(t["iv"]), h(t["aad"]), h(t["msg"]))
            if enc is None or enc != (h(t["ct"]), h(t["tag"])):
                return False
        return pt == h(t["msg"])
    if kind in ("EcdsaVerify", "EcdsaBitcoinVerify"):
        key = group.get("publicKeyDer") or group["keyDer"]
        return bool(ad.ecdsa_verify(h(key), h(t["msg"]), h(t["sig"])))
    if kind == "EddsaVerify":
        return bool(ad.eddsa_verify(h(group["publicKey"]["pk"]), h(t["msg"]), h(t["sig"])))
    if kind == "EcdhTest":
        out = ad.ecdh_shared(h(t["private"]), h(t["public"]))
        return out is not None and (t["result"] == "invalid" or out == h(t["shared"]))
    if kind == "XdhComp":
        out = ad.xdh_shared(h(t["private"]), h(t["public"]))
        return out is not None and (t["result"] == "invalid" or out == h(t["shared"]))
    if kind == "MacTest":
        out = ad.mac_compute(h(t["key"]), h(t["msg"]), group["tagSize"])
        return out is not None and out == h(t["tag"])
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("vectors")
    ap.add_argument("--adapter", required=True)
    ap.add_argument("--show-acceptable", action="store_true")
    args = ap.parse_args()

    with open(args.vectors, encoding="utf-8") as fh:
        data = json.load(fh)
    ad = load_adapter(args.adapter)
    stats = Counter()
    failures = []
    for group in data["testGroups"]:
        kind = group["type"]
        for t in group["tests"]:
            try:
                accepted = run_test(kind, group, t, ad)
            except AttributeError as exc:
                sys.exit(f"adapter is missing a function for {kind}: {exc}")
            except Exception as exc:  # the target crashed: always interesting
                failures.append((t["tcId"], t["flags"], t["result"], f"exception {type(exc).__name__}: {exc}"))
                continue
            if accepted is None:
                stats["skipped"] += 1
                continue
            result = t["result"]
            stats[f"{result}_total"] += 1
            ok = accepted if result == "valid" else (not accepted if result == "invalid" else True)
            if ok:
                stats[f"{result}_ok"] += 1
            else:
                verb = "rejected" if result == "valid" else "accepted"
                failures.append((t["tcId"], t["flags"], result, f"expected {result}, target {verb}"))
            if result == "acceptable" and args.show_acceptable:
                print(f"acceptable tcId {t['tcId']} {t['flags']}: target {'accepted' if accepted else 'rejected'}")

    name = args.vectors.rsplit("/", 1)[-1]
    total = sum(v for k, v in stats.items() if k.endswith("_total"))
    print(f"{name}: {total} tests  valid {stats['valid_ok']}/{stats['valid_total']}  "
          f"invalid {stats['invalid_ok']}/{stats['invalid_total']}  acceptable {stats['acceptable_total']}  "
          f"skipped {stats['skipped']}")
    for tc, flags, _, why in failures:
        print(f"FAIL tcId {tc}  {flags}  {why}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
