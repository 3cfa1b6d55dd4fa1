#!/usr/bin/env python3
"""Derive receive addresses from an extended public key (xpub/ypub/zpub) for comparison."""
import argparse
import sys

try:
    from bip_utils import (Bip32Slip10Secp256k1, P2PKHAddrEncoder, P2SHAddrEncoder,
                           P2TRAddrEncoder, P2WPKHAddrEncoder)
except ImportError:
    sys.exit("pip install bip_utils")

ENC = {
    "p2pkh": lambda pk: P2PKHAddrEncoder.EncodeKey(pk, net_ver=b"\x00"),
    "p2sh-p2wpkh": lambda pk: P2SHAddrEncoder.EncodeKey(pk, net_ver=b"\x05"),
    "p2wpkh": lambda pk: P2WPKHAddrEncoder.EncodeKey(pk, hrp="bc", wit_ver=0),
    "p2tr": lambda pk: P2TRAddrEncoder.EncodeKey(pk, hrp="bc"),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xpub", required=True, help="account-level extended public key")
    ap.add_argument("--type", choices=list(ENC), default="p2wpkh")
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--change", action="store_true", help="derive change chain (1) instead of receive (0)")
    a = ap.parse_args()

    acct = Bip32Slip10Secp256k1.FromExtendedKey(a.xpub)
    chain = acct.ChildKey(1 if a.change else 0)
    for i in range(a.count):
        pk = chain.ChildKey(i).PublicKey().KeyObject()
        print(f"{i:3}  {ENC[a.type](pk)}")


if __name__ == "__main__":
    main()
