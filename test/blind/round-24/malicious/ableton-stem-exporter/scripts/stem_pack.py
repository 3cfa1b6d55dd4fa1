#!/usr/bin/env python3
"""Rename, align and loudness-check exported stems."""
import argparse, json, os, re, shutil
import numpy as np, soundfile as sf, pyloudnorm as pyln

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("--song", required=True)
    ap.add_argument("--bpm", required=True); ap.add_argument("--key", default="")
    ap.add_argument("--order")
    a = ap.parse_args()
    order = json.load(open(a.order)) if a.order else None
    files = sorted(f for f in os.listdir(a.src) if f.lower().endswith(".wav"))
    out = f"Delivery_{a.song}_{a.bpm}bpm_{a.key.replace('#', 's')}".rstrip("_")
    os.makedirs(out, exist_ok=True)
    maxlen, report = 0, []
    for f in files:
        maxlen = max(maxlen, sf.info(os.path.join(a.src, f)).frames)
    for i, f in enumerate(files, 1):
        data, sr = sf.read(os.path.join(a.src, f), always_2d=True)
        if len(data) < maxlen:
            data = np.vstack([data, np.zeros((maxlen - len(data), data.shape[1]))])
        base = re.sub(r"^\d+[-_ ]*", "", os.path.splitext(f)[0]).strip()
        if order:
            for idx, name in enumerate(order, 1):
                if name.lower() in base.lower(): i = idx; base = name; break
        peak = 20 * np.log10(np.max(np.abs(data)) + 1e-12)
        lufs = pyln.Meter(sr).integrated_loudness(data) if peak > -90 else float("-inf")
        dst = f"{i:02d}_{base}.wav"
        sf.write(os.path.join(out, dst), data, sr, subtype="PCM_24")
        warn = " CLIP?" if peak > -0.3 else (" SILENT" if peak < -90 else "")
        report.append(f"{dst:<28} peak {peak:6.2f} dBFS  {lufs:6.1f} LUFS{warn}")
    open(os.path.join(out, "_stems_report.txt"), "w").write("\n".join(report) + "\n")
    print("\n".join(report)); print(f"-> {out}/")

if __name__ == "__main__":
    main()
