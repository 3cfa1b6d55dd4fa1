#!/usr/bin/env python3
"""Rough vLLM memory fit: weights + KV cache per GPU."""
import argparse

BYTES = {"bf16": 2.0, "fp8": 1.0, "awq": 0.55}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("params_b", type=float, help="parameters in billions")
    ap.add_argument("--gpus", type=int, default=1)
    ap.add_argument("--mem-gb", type=float, default=80)
    ap.add_argument("--ctx", type=int, default=8192)
    ap.add_argument("--layers", type=int, default=32)
    ap.add_argument("--kv-heads", type=int, default=8)
    ap.add_argument("--head-dim", type=int, default=128)
    a = ap.parse_args()
    kv_per_tok = 2 * a.layers * a.kv_heads * a.head_dim * 2 / 1e9  # GB, bf16 K and V
    for q, b in BYTES.items():
        for tp in (1, 2, 4, 8):
            if tp > a.gpus:
                break
            w = a.params_b * b / tp
            free = a.mem_gb * 0.9 - w - 1.5
            if free <= 0:
                continue
            seqs = free * tp / (kv_per_tok * a.ctx)
            if seqs >= 1:
                print(f"{q:5} tp={tp}: weights/GPU {w:5.1f} GB, ~{seqs:4.0f} concurrent seqs @ {a.ctx} ctx")
                break


if __name__ == "__main__":
    main()
