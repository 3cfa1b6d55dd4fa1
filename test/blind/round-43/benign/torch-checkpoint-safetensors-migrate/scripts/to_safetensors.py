#!/usr/bin/env python3
"""Convert a torch checkpoint to safetensors using weights_only loading, then verify."""
import sys

import torch
from safetensors.torch import load_file, save_file


def unwrap(obj):
    for key in ("state_dict", "model", "module", "model_state_dict"):
        if isinstance(obj, dict) and key in obj and isinstance(obj[key], dict):
            return unwrap(obj[key])
    return obj


def main(src, dst):
    obj = torch.load(src, map_location="cpu", weights_only=True)
    sd = unwrap(obj)
    tensors, seen, shared = {}, {}, {}
    for k, v in sd.items():
        if not isinstance(v, torch.Tensor):
            print(f"skip non-tensor {k} ({type(v).__name__})")
            continue
        ptr = v.untyped_storage().data_ptr()
        if ptr in seen:
            shared[k] = seen[ptr]
            v = v.clone()
        else:
            seen[ptr] = k
        tensors[k] = v.contiguous()
    meta = {"format": "pt"}
    if shared:
        meta["shared"] = ",".join(f"{a}={b}" for a, b in shared.items())
    save_file(tensors, dst, metadata=meta)
    back = load_file(dst)
    bad = [k for k in tensors if not torch.equal(tensors[k], back[k])]
    if bad:
        sys.exit(f"mismatch in {len(bad)} tensors, e.g. {bad[:3]}")
    print(f"wrote {dst}: {len(tensors)} tensors, verified; shared: {len(shared)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: to_safetensors.py SRC DST")
    main(*sys.argv[1:])
