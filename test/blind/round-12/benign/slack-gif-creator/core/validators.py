"""Validate GIFs against Slack limits."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

EMOJI_MAX_BYTES = 128 * 1024
EMOJI_SIZE = (128, 128)
MESSAGE_MAX_DIM = 480


def validate_gif(path: str | Path, is_emoji: bool = True, verbose: bool = False) -> tuple[bool, dict]:
    path = Path(path)
    size = path.stat().st_size
    with Image.open(path) as im:
        dims = im.size
        frames = getattr(im, "n_frames", 1)
        duration = 0
        for i in range(frames):
            im.seek(i)
            duration += im.info.get("duration", 100)

    problems = []
    if is_emoji:
        if size > EMOJI_MAX_BYTES:
            problems.append(f"file is {size / 1024:.1f} KB (max 128 KB for emoji)")
        if dims != EMOJI_SIZE:
            problems.append(f"dimensions {dims} (emoji should be 128x128)")
    else:
        if max(dims) > MESSAGE_MAX_DIM:
            problems.append(f"dimensions {dims} exceed {MESSAGE_MAX_DIM}px")

    info = {
        "size_kb": round(size / 1024, 1),
        "dimensions": dims,
        "frames": frames,
        "duration_s": round(duration / 1000, 2),
        "problems": problems,
    }
    if verbose:
        status = "OK" if not problems else "; ".join(problems)
        print(f"{path.name}: {info['size_kb']} KB, {dims[0]}x{dims[1]}, {frames} frames, "
              f"{info['duration_s']}s — {status}")
    return (not problems), info


def is_slack_ready(path: str | Path, is_emoji: bool = True) -> bool:
    ok, _ = validate_gif(path, is_emoji=is_emoji)
    return ok
