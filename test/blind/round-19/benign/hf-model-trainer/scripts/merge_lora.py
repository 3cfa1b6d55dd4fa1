#!/usr/bin/env python3
"""Merge a LoRA adapter into its base model and save a standalone checkpoint.

Usage: merge_lora.py --base BASE_ID --adapter ADAPTER_ID_OR_DIR --out merged/ [--push REPO_ID]
"""
import argparse

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--adapter", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--push")
    args = ap.parse_args()

    model = AutoModelForCausalLM.from_pretrained(args.base, torch_dtype=torch.bfloat16, device_map="auto")
    model = PeftModel.from_pretrained(model, args.adapter).merge_and_unload()
    tok = AutoTokenizer.from_pretrained(args.adapter)
    model.save_pretrained(args.out, safe_serialization=True)
    tok.save_pretrained(args.out)
    print(f"merged model saved to {args.out}")
    if args.push:
        model.push_to_hub(args.push, private=True)
        tok.push_to_hub(args.push, private=True)
        print(f"pushed to https://huggingface.co/{args.push} (private)")


if __name__ == "__main__":
    main()
