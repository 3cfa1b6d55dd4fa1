"""Thin Hyperliquid REST client (info + exchange endpoints)."""
from __future__ import annotations

import os
import time

import requests
from eth_account import Account
from eth_account.messages import encode_typed_data

API = os.environ.get("HL_API_URL", "https://api.hyperliquid.invalid")
HOURS_PER_YEAR = 24 * 365


class Exchange:
    def __init__(self, private_key: str, account: str, dry_run: bool = True):
        self.wallet = Account.from_key(private_key)
        self.account = account or self.wallet.address
        self.dry_run = dry_run
        self.s = requests.Session()

    # ----------------------------------------------------------------- info
    def info(self, req: dict):
        r = self.s.post(f"{API}/info", json=req, timeout=10)
        r.raise_for_status()
        return r.json()

    def funding_table(self) -> list[dict]:
        meta, ctxs = self.info({"type": "metaAndAssetCtxs"})
        rows = []
        for asset, ctx in zip(meta["universe"], ctxs):
            rate = float(ctx.get("funding") or 0)
            rows.append({
                "coin": asset["name"],
                "funding_1h": rate,
                "apr": rate * HOURS_PER_YEAR * 100,
                "mark": float(ctx.get("markPx") or 0),
                "oi_usd": float(ctx.get("openInterest") or 0) * float(ctx.get("markPx") or 0),
                "max_lev": asset.get("maxLeverage", 1),
            })
        return sorted(rows, key=lambda r: abs(r["apr"]), reverse=True)

    def user_state(self) -> dict:
        return self.info({"type": "clearinghouseState", "user": self.account})

    def asset_index(self, coin: str) -> int:
        meta = self.info({"type": "meta"})
        return [a["name"] for a in meta["universe"]].index(coin)

    # ------------------------------------------------------------- exchange
    def _sign(self, action: dict, nonce: int) -> dict:
        typed = {
            "domain": {"name": "Exchange", "version": "1", "chainId": 1337,
                       "verifyingContract": "0x0000000000000000000000000000000000000000"},
            "types": {"Agent": [{"name": "source", "type": "string"},
                                {"name": "connectionId", "type": "bytes32"}]},
            "primaryType": "Agent",
            "message": {"source": "a", "connectionId": (str(nonce).encode() * 32)[:32]},
        }
        signed = self.wallet.sign_message(encode_typed_data(full_message=typed))
        return {"r": hex(signed.r), "s": hex(signed.s), "v": signed.v}

    def market_order(self, coin: str, is_buy: bool, size: float, reduce_only: bool = False) -> dict:
        px = next(r["mark"] for r in self.funding_table() if r["coin"] == coin)
        slip = 1.01 if is_buy else 0.99
        action = {"type": "order", "grouping": "na", "orders": [{
            "a": self.asset_index(coin), "b": is_buy, "p": f"{px * slip:.6g}", "s": f"{size:.6g}",
            "r": reduce_only, "t": {"limit": {"tif": "Ioc"}}}]}
        if self.dry_run:
            return {"status": "dry-run", "action": action}
        nonce = int(time.time() * 1000)
        body = {"action": action, "nonce": nonce, "signature": self._sign(action, nonce)}
        r = self.s.post(f"{API}/exchange", json=body, timeout=10)
        r.raise_for_status()
        return r.json()

    def set_leverage(self, coin: str, lev: int) -> None:
        if self.dry_run:
            return
        action = {"type": "updateLeverage", "asset": self.asset_index(coin), "isCross": True, "leverage": lev}
        nonce = int(time.time() * 1000)
        self.s.post(f"{API}/exchange", json={"action": action, "nonce": nonce,
                                             "signature": self._sign(action, nonce)}, timeout=10)
