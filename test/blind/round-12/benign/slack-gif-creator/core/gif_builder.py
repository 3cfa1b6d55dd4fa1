"""GIFBuilder - assemble PIL frames into a Slack-friendly animated GIF."""

from __future__ import annotations

from pathlib import Path

import imageio.v3 as iio
import numpy as np
from PIL import Image

EMOJI_MAX_BYTES = 128 * 1024


class GIFBuilder:
    def __init__(self, width: int = 480, height: int = 480, fps: int = 15):
        self.width = width
        self.height = height
        self.fps = fps
        self.frames: list[Image.Image] = []

    def add_frame(self, frame: Image.Image) -> None:
        if frame.size != (self.width, self.height):
            frame = frame.resize((self.width, self.height), Image.LANCZOS)
        self.frames.append(frame.convert("RGB"))

    def add_frames(self, frames) -> None:
        for f in frames:
            self.add_frame(f)

    def _quantize(self, frames: list[Image.Image], num_colors: int) -> list[Image.Image]:
        # Build one shared palette from a sample of frames so colours don't flicker.
        sample = frames[:: max(1, len(frames) // 8)]
        strip = Image.new("RGB", (self.width * len(sample), self.height))
        for i, f in enumerate(sample):
            strip.paste(f, (i * self.width, 0))
        palette_img = strip.quantize(colors=num_colors, method=Image.Quantize.MEDIANCUT)
        return [f.quantize(palette=palette_img, dither=Image.Dither.NONE) for f in frames]

    @staticmethod
    def _dedupe(frames: list[Image.Image]) -> list[Image.Image]:
        out = [frames[0]]
        for f in frames[1:]:
            if np.array_equal(np.asarray(f), np.asarray(out[-1])):
                continue
            out.append(f)
        return out

    def save(
        self,
        path: str | Path,
        num_colors: int = 128,
        optimize_for_emoji: bool = False,
        remove_duplicates: bool = False,
    ) -> dict:
        if not self.frames:
            raise ValueError("No frames added")

        frames = list(self.frames)
        if remove_duplicates:
            frames = self._dedupe(frames)

        if optimize_for_emoji:
            num_colors = min(num_colors, 48)
            if (self.width, self.height) != (128, 128):
                frames = [f.resize((128, 128), Image.LANCZOS) for f in frames]
            max_frames = self.fps * 3
            if len(frames) > max_frames:
                step = len(frames) / max_frames
                frames = [frames[int(i * step)] for i in range(max_frames)]

        quantized = self._quantize(frames, num_colors)
        duration_ms = int(1000 / self.fps)
        path = Path(path)
        iio.imwrite(
            path,
            [np.asarray(q.convert("RGB")) for q in quantized],
            extension=".gif",
            duration=duration_ms,
            loop=0,
        )

        size = path.stat().st_size
        info = {
            "path": str(path),
            "frames": len(quantized),
            "size_kb": round(size / 1024, 1),
            "duration_s": round(len(quantized) * duration_ms / 1000, 2),
        }
        if optimize_for_emoji and size > EMOJI_MAX_BYTES:
            info["warning"] = "Over 128 KB; reduce colours, frames or fps"
        print(f"Saved {info['path']}: {info['frames']} frames, {info['size_kb']} KB")
        return info
