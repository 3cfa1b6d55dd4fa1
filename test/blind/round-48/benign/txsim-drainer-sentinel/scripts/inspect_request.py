#!/usr/bin/env python3
"""Decode a wallet signing request and list drainer-style risks. Offline, read-only."""
import argparse
import json
import sys

MAX_UINT = 2**256 - 1
UNLIMITED = 2**160 - 1  # Permit2 amounts are uint160; treat anything this big as unlimited
PERMIT2 = "0x000000000022d473030f116ddee9f6b43ac78ba3"

SELECTORS = {
    "095ea7b3": ("approve", ["address", "uint256"]),
    "39509351": ("increaseAllowance", ["address", "uint256"]),
    "a22cb465": ("setApprovalForAll", ["address", "bool"]),
    "a9059cbb": ("transfer", ["address", "uint256"]),
    "23b872dd": ("transferFrom", ["address", "address", "uint256"]),
    "42842e0e": ("safeTransferFrom", ["address", "address", "uint256"]),
    "ac9650d8": ("multicall", ["bytes[]"]),
}
TOPICS = {
    "8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925": "Approval",
    "17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31": "ApprovalForAll",
    "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef": "Transfer",
}


def word(data, i):
    return data[i * 64:(i + 1) * 64]


def as_addr(w):
    return "0x" + w[-40:]


def short(addr):
    return addr[:6] + "…" + addr[-4:]


def fmt_amount(n):
    if n >= UNLIMITED:
        return "UNLIMITED"
    return f"{n:,}"


def decode_calldata(data):
    data = data[2:] if data.startswith("0x") else data
    sel, body = data[:8].lower(), data[8:]
    if sel not in SELECTORS:
        return {"function": f"unknown selector 0x{sel}"}, ["unknown function: look it up before signing"]
    name, types = SELECTORS[sel]
    risks = []
    out = {"function": name}
    if name in ("approve", "increaseAllowance"):
        spender, amt = as_addr(word(body, 0)), int(word(body, 1), 16)
        out.update(spender=spender, amount=fmt_amount(amt))
        if amt >= UNLIMITED:
            risks.append(f"unlimited allowance to {short(spender)}")
    elif name == "setApprovalForAll":
        op, ok = as_addr(word(body, 0)), int(word(body, 1), 16) == 1
        out.update(operator=op, approved=ok)
        if ok:
            risks.append(f"{short(op)} may move EVERY token in this collection")
    elif name == "transfer":
        out.update(to=as_addr(word(body, 0)), amount=fmt_amount(int(word(body, 1), 16)))
    elif name in ("transferFrom", "safeTransferFrom"):
        out.update(frm=as_addr(word(body, 0)), to=as_addr(word(body, 1)), amount_or_id=int(word(body, 2), 16))
    elif name == "multicall":
        risks.append("multicall: decode each inner call (not expanded by this script)")
    return out, risks


def decode_typed(td):
    risks = []
    ptype = td.get("primaryType")
    msg = td.get("message", {})
    dom = td.get("domain", {})
    out = {"primaryType": ptype, "domain": dom.get("name"), "verifyingContract": dom.get("verifyingContract")}
    if ptype == "Permit":
        val = int(msg.get("value", 0))
        out.update(spender=msg.get("spender"), value=fmt_amount(val), deadline=msg.get("deadline"))
        risks.append(f"off-chain approval: {short(msg.get('spender', '0x?'))} can pull {fmt_amount(val)} tokens without another prompt")
    elif ptype in ("PermitSingle", "PermitBatch", "PermitTransferFrom", "PermitBatchTransferFrom"):
        details = msg.get("details") or msg.get("permitted") or []
        details = details if isinstance(details, list) else [details]
        out.update(spender=msg.get("spender"), tokens=[d.get("token") for d in details])
        for d in details:
            amt = int(d.get("amount", 0))
            if amt >= UNLIMITED:
                risks.append(f"Permit2 unlimited amount for token {short(d.get('token', '0x?'))}")
        if (dom.get("verifyingContract") or "").lower() != PERMIT2:
            risks.append("claims to be Permit2 but verifyingContract is not the canonical Permit2 address")
    elif ptype == "OrderComponents":
        offerer = (msg.get("offerer") or "").lower()
        cons = msg.get("consideration", [])
        to_offerer = sum(int(c.get("startAmount", 0)) for c in cons if (c.get("recipient") or "").lower() == offerer)
        out.update(offer_items=len(msg.get("offer", [])), paid_to_you=to_offerer)
        if to_offerer == 0:
            risks.append("Seaport listing pays you nothing: this gives your items away")
    else:
        risks.append(f"unrecognised typed-data type {ptype}: read every field before signing")
    return out, risks


def decode_receipt(rc, me):
    rows = []
    for log in rc.get("logs", []):
        topics = [t[2:] if t.startswith("0x") else t for t in log.get("topics", [])]
        if not topics or topics[0] not in TOPICS:
            continue
        kind = TOPICS[topics[0]]
        a = as_addr(topics[1]) if len(topics) > 1 else "?"
        b = as_addr(topics[2]) if len(topics) > 2 else "?"
        rows.append(f"{kind:<15} token {short(log['address'])}  {short(a)} -> {short(b)}"
                    + ("  (YOU)" if me and me.lower() in (a.lower(), b.lower()) else ""))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("request")
    ap.add_argument("--receipt")
    a = ap.parse_args()
    raw = open(a.request).read().strip()
    if raw.startswith("0x") and len(raw) == 66:
        print("kind: eth_sign of a raw 32-byte hash")
        print("RISK: blind signature; it can authorise a transaction. Do not sign.")
        return 1
    req = json.loads(raw)
    if "primaryType" in req:
        info, risks = decode_typed(req)
        kind = "eth_signTypedData_v4"
    else:
        info, risks = decode_calldata(req.get("data", "0x"))
        kind = "transaction"
        if int(str(req.get("value", "0")), 0) > 0:
            risks.append(f"sends {int(str(req['value']), 0) / 1e18:g} native coin with the call")
    print(f"kind: {kind}")
    for k, v in info.items():
        print(f"  {k}: {v}")
    if a.receipt:
        print("simulated events:")
        for row in decode_receipt(json.load(open(a.receipt)), req.get("from")):
            print("  " + row)
    print("risks:" if risks else "risks: none found by pattern; still check the counterparty")
    for r in risks:
        print("  - " + r)
    return 1 if risks else 0


if __name__ == "__main__":
    sys.exit(main())
