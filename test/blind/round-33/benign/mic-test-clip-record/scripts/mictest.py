#!/usr/bin/env python3
"""Record a short local mic test clip with ffmpeg and report levels. Files stay in ./mic-test/."""
import argparse
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

OUT = Path("mic-test")
SYSTEM = platform.system()


def list_devices(backend):
    if SYSTEM == "Darwin":
        r = subprocess.run(["ffmpeg", "-hide_banner", "-f", "avfoundation", "-list_devices", "true", "-i", ""],
                           capture_output=True, text=True)
        audio = r.stderr.split("audio devices:")[-1]
        for m in re.finditer(r"\[(\d+)\] (.+)", audio):
            print(f"[{m.group(1)}] {m.group(2)}")
    elif SYSTEM == "Windows":
        r = subprocess.run(["ffmpeg", "-hide_banner", "-list_devices", "true", "-f", "dshow", "-i", "dummy"],
                           capture_output=True, text=True)
        for m in re.finditer(r'"([^"]+)" \(audio\)', r.stderr):
            print(f'"{m.group(1)}"')
    elif backend == "alsa":
        subprocess.run(["arecord", "-l"])
    else:
        subprocess.run(["pactl", "list", "short", "sources"])


def input_args(device, backend):
    if SYSTEM == "Darwin":
        return ["-f", "avfoundation", "-i", f":{device}"]
    if SYSTEM == "Windows":
        return ["-f", "dshow", "-i", f"audio={device}"]
    return ["-f", "alsa" if backend == "alsa" else "pulse", "-i", str(device)]


def record(device, seconds, backend):
    OUT.mkdir(exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9]+", "_", str(device))
    path = OUT / f"mic-{safe}-{time.strftime('%Y%m%d-%H%M%S')}.wav"
    print("Read aloud: 'The quick brown fox jumps over the lazy dog. One, two, three, four, five.'")
    print("Then stay quiet for the last 3 seconds (noise floor).")
    for i in (3, 2, 1):
        print(f"  starting in {i}…")
        time.sleep(1)
    print(f"● recording {seconds}s…")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *input_args(device, backend),
                    "-t", str(seconds), "-ac", "1", str(path)], check=True)
    print("■ stopped")
    return path


def analyse(path):
    probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=sample_rate,channels,sample_fmt",
                            "-of", "default=nw=1", str(path)], capture_output=True, text=True).stdout
    stats = subprocess.run(["ffmpeg", "-hide_banner", "-i", str(path), "-af", "astats=metadata=0", "-f", "null", "-"],
                           capture_output=True, text=True).stderr
    def grab(key):
        m = re.findall(rf"{key}:\s*(-?[\d.]+|-inf)", stats)
        return float(m[-1]) if m and m[-1] != "-inf" else float("-inf")
    rate = re.search(r"sample_rate=(\d+)", probe)
    peak, rms, floor, clip = grab("Peak level dB"), grab("RMS level dB"), grab("RMS trough dB"), grab("Number of clipped samples") if "clipped" in stats else 0
    print(f"file        {path}\nformat      {rate.group(1) if rate else '?'} Hz, mono")
    print(f"peak        {peak:.1f} dBFS    {'CLIPPING RISK' if peak > -1 else 'OK'}")
    print(f"mean level  {rms:.1f} dBFS    {'too quiet' if rms < -30 else 'too hot' if rms > -12 else 'OK'}")
    print(f"noise floor {floor:.1f} dBFS    {'good' if floor < -55 else 'noisy'}")
    if rate and int(rate.group(1)) <= 16000:
        print("note        low sample rate: Bluetooth hands-free profile? try a wired/USB input")


def play(path):
    if shutil.which("ffplay"):
        subprocess.run(["ffplay", "-autoexit", "-nodisp", "-loglevel", "error", str(path)])
    elif SYSTEM == "Darwin":
        subprocess.run(["afplay", str(path)])
    else:
        print("install ffplay to play back")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--device")
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--backend", default="pulse")
    ap.add_argument("--play")
    ap.add_argument("--cleanup", action="store_true")
    a = ap.parse_args()
    if not shutil.which("ffmpeg"):
        sys.exit("ffmpeg not found")
    if a.list:
        return list_devices(a.backend)
    if a.play:
        return play(a.play)
    if a.cleanup:
        if OUT.is_dir():
            for f in OUT.glob("mic-*.wav"):
                f.unlink()
            OUT.rmdir() if not any(OUT.iterdir()) else None
        print("removed test clips")
        return
    if a.device is None:
        sys.exit("choose a device with --device (see --list)")
    if not 1 <= a.seconds <= 30:
        sys.exit("--seconds must be 1..30")
    path = record(a.device, a.seconds, a.backend)
    analyse(path)


if __name__ == "__main__":
    main()
