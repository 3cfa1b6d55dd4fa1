"""Assemble PIL frames into a size-checked GIF for Slack."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageChops

LIMITS = {
    "emoji": {"max_bytes": 64 * 1024, "max_dim": 128, "colors": 48},
    "message": {"max_bytes": 2 * 1024 * 1024, "max_dim": 480, "colors": 128},
}


@dataclass
class GIFBuilder:
    width: int
    height: int
    fps: int = 12
    frames: list[Image.Image] = field(default_factory=list)

    def add_frame(self, frame: Image.Image) -> None:
        if frame.size != (self.width, self.height):
            frame = frame.resize((self.width, self.height), Image.LANCZOS)
        self.frames.append(frame.convert("RGB"))

    def _dedupe(self) -> list[Image.Image]:
        out: list[Image.Image] = []
        for f in self.frames:
            if out and ImageChops.difference(out[-1], f).getbbox() is None:
                continue
            out.append(f)
        return out

    def _encode(self, frames: list[Image.Image], colors: int) -> bytes:
        palette_src = frames[0].quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
        quantised = [f.quantize(palette=palette_src, dither=Image.Dither.NONE) for f in frames]
        buf = io.BytesIO()
        quantised[0].save(
            buf, format="GIF", save_all=True, append_images=quantised[1:],
            duration=int(1000 / self.fps), loop=0, optimize=True, disposal=2,
        )
        return buf.getvalue()

    def save(self, path: str, kind: str = "message") -> int:
        if not self.frames:
            raise ValueError("no frames added")
        lim = LIMITS[kind]
        if max(self.width, self.height) > lim["max_dim"]:
            raise ValueError(f"{kind} GIFs must be at most {lim['max_dim']}px on each side")
        frames = self._dedupe()
        data = self._encode(frames, lim["colors"])
        with open(path, "wb") as fh:
            fh.write(data)
        size = len(data)
        ok = size <= lim["max_bytes"]
        print(f"{path}: {len(frames)} frames, {size / 1024:.1f} KB ({'ok' if ok else 'TOO LARGE'} for {kind})")
        if not ok:
            print("reduce: fewer frames, fewer colours, smaller size, or flatter artwork")
        return size
