"""Checks a GIF against Slack's practical limits."""

from pathlib import Path
from typing import Tuple

from PIL import Image

EMOJI_MAX_KB = 128
MESSAGE_MAX_KB = 2048


def validate_gif(path: str, is_emoji: bool = True, verbose: bool = False) -> Tuple[bool, dict]:
    p = Path(path)
    if not p.exists():
        return False, {"error": f"{path} not found"}

    size_kb = p.stat().st_size / 1024
    with Image.open(p) as im:
        width, height = im.size
        n_frames = getattr(im, "n_frames", 1)
        durations = []
        for i in range(n_frames):
            im.seek(i)
            durations.append(im.info.get("duration", 100))

    total_ms = sum(durations)
    fps = round(1000 / (sum(durations) / len(durations)), 1) if durations else 0
    limit = EMOJI_MAX_KB if is_emoji else MESSAGE_MAX_KB

    problems = []
    if size_kb > limit:
        problems.append(f"file is {size_kb:.0f} KB, limit {limit} KB")
    if is_emoji and (width, height) != (128, 128):
        problems.append(f"emoji should be 128x128, got {width}x{height}")
    if is_emoji and total_ms > 3000:
        problems.append(f"emoji runs {total_ms/1000:.1f}s, keep under 3s")

    info = {"size_kb": round(size_kb, 1), "dimensions": f"{width}x{height}", "frames": n_frames,
            "fps": fps, "duration_s": round(total_ms / 1000, 2), "problems": problems}
    if verbose:
        status = "OK" if not problems else "NEEDS WORK"
        print(f"[{status}] {p.name}: {info['dimensions']}, {n_frames} frames, {info['size_kb']} KB")
        for prob in problems:
            print(f"  - {prob}")
    return not problems, info


def is_slack_ready(path: str, is_emoji: bool = True) -> bool:
    ok, _ = validate_gif(path, is_emoji=is_emoji)
    return ok
