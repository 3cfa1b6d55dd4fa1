"""Frame assembly and palette optimisation for Slack-sized GIFs."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, Optional

import numpy as np
from PIL import Image


class GIFBuilder:
    def __init__(self, width: int = 480, height: int = 480, fps: int = 15):
        self.width = width
        self.height = height
        self.fps = fps
        self.frames: List[Image.Image] = []

    def add_frame(self, frame) -> None:
        if isinstance(frame, np.ndarray):
            frame = Image.fromarray(frame)
        if frame.size != (self.width, self.height):
            frame = frame.resize((self.width, self.height), Image.LANCZOS)
        self.frames.append(frame.convert("RGB"))

    def add_frames(self, frames: Iterable) -> None:
        for f in frames:
            self.add_frame(f)

    def _dedupe(self, threshold: float = 1.0) -> List[Image.Image]:
        if not self.frames:
            return []
        kept = [self.frames[0]]
        prev = np.asarray(self.frames[0], dtype=np.int16)
        for f in self.frames[1:]:
            cur = np.asarray(f, dtype=np.int16)
            if np.abs(cur - prev).mean() > threshold:
                kept.append(f)
                prev = cur
        return kept

    def _quantize(self, frames: List[Image.Image], num_colors: int) -> List[Image.Image]:
        # Build one shared palette from a sample of frames so colours don't flicker.
        sample = frames[:: max(1, len(frames) // 8)]
        strip = Image.new("RGB", (self.width * len(sample), self.height))
        for i, f in enumerate(sample):
            strip.paste(f, (i * self.width, 0))
        palette_img = strip.quantize(colors=num_colors, method=Image.MEDIANCUT)
        return [f.quantize(palette=palette_img, dither=Image.FLOYDSTEINBERG) for f in frames]

    def save(
        self,
        output_path: str,
        num_colors: int = 128,
        optimize_for_emoji: bool = False,
        remove_duplicates: bool = False,
        loop: int = 0,
    ) -> dict:
        if not self.frames:
            raise ValueError("No frames added")

        frames = self._dedupe() if remove_duplicates else list(self.frames)

        if optimize_for_emoji:
            if self.width > 128 or self.height > 128:
                self.width, self.height = 128, 128
                frames = [f.resize((128, 128), Image.LANCZOS) for f in frames]
            num_colors = min(num_colors, 48)
            if len(frames) > 12:
                step = len(frames) / 12
                frames = [frames[int(i * step)] for i in range(12)]

        frames = self._quantize(frames, num_colors)
        duration = int(1000 / self.fps)

        out = Path(output_path)
        frames[0].save(
            out,
            save_all=True,
            append_images=frames[1:],
            duration=duration,
            loop=loop,
            optimize=True,
            disposal=2,
        )
        size_kb = out.stat().st_size / 1024
        info = {"path": str(out), "frames": len(frames), "size_kb": round(size_kb, 1),
                "dimensions": f"{self.width}x{self.height}", "fps": self.fps}
        print(f"Saved {out} — {info['frames']} frames, {info['size_kb']} KB")
        return info

    def clear(self) -> None:
        self.frames = []


def create_gradient_background(width: int, height: int, top, bottom) -> Image.Image:
    top_arr = np.array(top, dtype=np.float32)
    bottom_arr = np.array(bottom, dtype=np.float32)
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    rows = (top_arr * (1 - t) + bottom_arr * t).astype(np.uint8)
    arr = np.repeat(rows[:, None, :], width, axis=1)
    return Image.fromarray(arr, "RGB")
