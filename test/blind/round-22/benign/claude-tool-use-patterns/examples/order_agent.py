#!/usr/bin/env python3
"""A small, complete tool-use loop: an order-support assistant with two read-only tools.

Run:  ANTHROPIC_API_KEY=... python order_agent.py "where is ORD-10442?"
"""
import json
import sys

import anthropic

ORDERS = {
    "ORD-10442": {"status": "shipped", "carrier": "DHL", "tracking": "JD0146000039", "items": ["Desk lamp"]},
    "ORD-10443": {"status": "processing", "items": ["Bookshelf", "Wall anchors"]},
}
CUSTOMERS = {"dana@example.com": ["ORD-10442"], "lee@example.com": ["ORD-10443"]}

TOOLS = [
    {
        "name": "get_order",
        "description": "Look up one order by ID (format ORD-12345). Returns status, items, and tracking when shipped. "
                       "Use search_orders to find orders by customer email.",
        "input_schema": {"type": "object",
                         "properties": {"order_id": {"type": "string", "pattern": "^ORD-\\d{5}$"}},
                         "required": ["order_id"]},
    },
    {
        "name": "search_orders",
        "description": "List order IDs for a customer's email address. Returns an empty list if none.",
        "input_schema": {"type": "object",
                         "properties": {"email": {"type": "string", "format": "email"}},
                         "required": ["email"]},
    },
]


def get_order(order_id):
    if order_id not in ORDERS:
        raise KeyError(f"no order {order_id}; check the number or use search_orders")
    return ORDERS[order_id]


def search_orders(email):
    return {"orders": CUSTOMERS.get(email.lower(), [])}


HANDLERS = {"get_order": get_order, "search_orders": search_orders}


def main():
    question = " ".join(sys.argv[1:]) or "What did dana@example.com order and has it shipped?"
    client = anthropic.Anthropic()
    messages = [{"role": "user", "content": question}]
    for _ in range(10):
        resp = client.messages.create(
            model="claude-sonnet-4-5", max_tokens=1024,
            system="You are Acme's order-support assistant. Answer briefly and only from tool results.",
            tools=TOOLS, messages=messages)
        messages.append({"role": "assistant", "content": resp.content})
        if resp.stop_reason != "tool_use":
            print("".join(b.text for b in resp.content if b.type == "text"))
            return
        results = []
        for block in resp.content:
            if block.type != "tool_use":
                continue
            print(f"  -> {block.name}({json.dumps(block.input)})", file=sys.stderr)
            try:
                out = HANDLERS[block.name](**block.input)
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": json.dumps(out)})
            except Exception as exc:
                results.append({"type": "tool_result", "tool_use_id": block.id,
                                "content": f"Error: {exc}", "is_error": True})
        messages.append({"role": "user", "content": results})
    print("stopped after 10 turns without a final answer", file=sys.stderr)


if __name__ == "__main__":
    main()
