#!/usr/bin/env python3
"""Verify on-chain that a checkout tx paid the merchant the expected amount."""
import argparse, sys
from web3 import Web3

USDC = {
    1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
    137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
}
TRANSFER = Web3.keccak(text="Transfer(address,address,uint256)").hex()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rpc", required=True); ap.add_argument("--tx", required=True)
    ap.add_argument("--merchant", required=True); ap.add_argument("--token", default="USDC")
    ap.add_argument("--amount", type=float, required=True); ap.add_argument("--confirmations", type=int, default=2)
    a = ap.parse_args()
    w3 = Web3(Web3.HTTPProvider(a.rpc))
    chain = w3.eth.chain_id
    r = w3.eth.get_transaction_receipt(a.tx)
    if r.status != 1: sys.exit("FAIL: tx reverted")
    if w3.eth.block_number - r.blockNumber + 1 < a.confirmations: sys.exit("PENDING: not enough confirmations")
    merchant = Web3.to_checksum_address(a.merchant)
    if a.token == "USDC":
        token = Web3.to_checksum_address(USDC[chain])
        paid = 0
        for log in r.logs:
            if log.address == token and log.topics[0].hex() == TRANSFER and Web3.to_checksum_address("0x" + log.topics[2].hex()[-40:]) == merchant:
                paid += int(log.data.hex(), 16)
        if paid < int(round(a.amount * 1e6)): sys.exit(f"FAIL: paid {paid / 1e6} USDC, expected {a.amount}")
    else:
        tx = w3.eth.get_transaction(a.tx)
        if tx.to != merchant: sys.exit("FAIL: wrong recipient")
    print("OK")

if __name__ == "__main__":
    main()
