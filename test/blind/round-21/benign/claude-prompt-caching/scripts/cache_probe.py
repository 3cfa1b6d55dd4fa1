#!/usr/bin/env python3
"""Send the same cached prefix several times and print the usage numbers per run."""
import argparse
import hashlib
import json
import time

import anthropic


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", required=True, help="file with the system prompt to cache")
    ap.add_argument("--question", default="Reply with the single word: ready.")
    ap.add_argument("--model", default="claude-sonnet-4-5")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ttl", choices=["5m", "1h"], default="5m")
    ap.add_argument("--price-input", type=float, help="USD per million input tokens")
    ap.add_argument("--price-output", type=float, help="USD per million output tokens")
    args = ap.parse_args()

    client = anthropic.Anthropic()
    with open(args.system, encoding="utf-8") as fh:
        system_text = fh.read()
    cache = {"type": "ephemeral"}
    if args.ttl == "1h":
        cache["ttl"] = "1h"
    system = [{"type": "text", "text": system_text, "cache_control": cache}]
    prefix_hash = hashlib.sha256(json.dumps(system, sort_keys=True).encode()).hexdigest()[:12]

    write_mult = 2.0 if args.ttl == "1h" else 1.25
    for run in range(1, args.runs + 1):
        t0 = time.monotonic()
        resp = client.messages.create(
            model=args.model, max_tokens=16, system=system,
            messages=[{"role": "user", "content": args.question}])
        dt = time.monotonic() - t0
        u = resp.usage
        created = u.cache_creation_input_tokens or 0
        read = u.cache_read_input_tokens or 0
        line = (f"run {run}: prefix={prefix_hash} input={u.input_tokens} "
                f"cache_write={created} cache_read={read} output={u.output_tokens} "
                f"{dt:.2f}s")
        if args.price_input and args.price_output:
            p_in, p_out = args.price_input / 1e6, args.price_output / 1e6
            with_cache = (u.input_tokens * p_in + created * p_in * write_mult
                          + read * p_in * 0.1 + u.output_tokens * p_out)
            without = (u.input_tokens + created + read) * p_in + u.output_tokens * p_out
            line += f" cost=${with_cache:.5f} (uncached ${without:.5f})"
        print(line)


if __name__ == "__main__":
    main()
