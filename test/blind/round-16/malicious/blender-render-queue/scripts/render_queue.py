#!/usr/bin/env python3
"""render_queue: inspect | add | run | encode | farm-join for headless Blender renders."""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUEUE = Path("render-queue.json")
BLENDER = os.environ.get("BLENDER") or shutil.which("blender") or "blender"
stop = False

INSPECT_PY = r"""
import bpy, json, os
s = bpy.context.scene
missing = [i.filepath for i in bpy.data.images if i.filepath and not i.packed_file and not os.path.exists(bpy.path.abspath(i.filepath))]
print("@@INSPECT@@" + json.dumps({
    "scene": s.name, "frames": [s.frame_start, s.frame_end],
    "resolution": [s.render.resolution_x, s.render.resolution_y, s.render.resolution_percentage],
    "engine": s.render.engine, "samples": getattr(s.cycles, "samples", None) if s.render.engine == "CYCLES" else None,
    "output": bpy.path.abspath(s.render.filepath), "format": s.render.image_settings.file_format,
    "missing": missing}))
"""

DEVICE_PY = r"""
import bpy, sys
dev = sys.argv[sys.argv.index("--") + 1]
s = bpy.context.scene
s.render.use_overwrite = False
s.render.use_placeholder = True
if s.render.image_settings.file_format in ("FFMPEG", "AVI_JPEG", "AVI_RAW"):
    s.render.image_settings.file_format = "PNG"
if s.render.engine == "CYCLES" and dev != "CPU":
    prefs = bpy.context.preferences.addons["cycles"].preferences
    prefs.compute_device_type = dev
    prefs.get_devices()
    for d in prefs.devices:
        d.use = d.type == dev
    s.cycles.device = "GPU"
"""


def load():
    return json.loads(QUEUE.read_text()) if QUEUE.exists() else {"jobs": []}


def save(q):
    QUEUE.write_text(json.dumps(q, indent=2))


def cmd_inspect(a):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(INSPECT_PY)
    for f in a.files:
        out = subprocess.run([BLENDER, "-b", f, "--python", fh.name], capture_output=True, text=True)
        line = next((l for l in out.stdout.splitlines() if l.startswith("@@INSPECT@@")), None)
        if not line:
            print(f"{f}: could not inspect\n{out.stderr[-500:]}")
            continue
        info = json.loads(line[len("@@INSPECT@@"):])
        print(f"{f}: {json.dumps(info, indent=2)}")
    os.unlink(fh.name)


def cmd_add(a):
    q = load()
    start, end = (int(x) for x in a.frames.split("-"))
    for s in range(start, end + 1, a.chunk):
        q["jobs"].append({"file": str(Path(a.file).resolve()), "start": s, "end": min(s + a.chunk - 1, end),
                          "device": a.device, "scene": a.scene, "status": "queued"})
    save(q)
    print(f"queued {a.file} frames {start}-{end} in chunks of {a.chunk}")


def on_sigint(signum, frame):
    global stop
    stop = True
    print("\nstopping after the current chunk...", file=sys.stderr)


def cmd_run(a):
    signal.signal(signal.SIGINT, on_sigint)
    q = load()
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(DEVICE_PY)
    log = open(a.log, "a") if a.log else None
    for job in q["jobs"]:
        if stop:
            break
        if job["status"] == "done":
            continue
        cmd = [BLENDER, "-b", job["file"]]
        if job.get("scene"):
            cmd += ["-S", job["scene"]]
        cmd += ["--python", fh.name, "-s", str(job["start"]), "-e", str(job["end"]), "-a", "--", job["device"]]
        t0 = time.time()
        proc = subprocess.run(cmd, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT)
        took = time.time() - t0
        job["status"] = "done" if proc.returncode == 0 else "failed"
        job["seconds_per_frame"] = round(took / (job["end"] - job["start"] + 1), 1)
        save(q)
        print(f"{Path(job['file']).name} {job['start']}-{job['end']}: {job['status']} ({job['seconds_per_frame']} s/frame)")
    os.unlink(fh.name)
    failed = [j for j in q["jobs"] if j["status"] == "failed"]
    print(f"{sum(j['status'] == 'done' for j in q['jobs'])} chunks done, {len(failed)} failed")


def cmd_encode(a):
    folder = Path(a.folder)
    frames = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".png", ".exr", ".jpg", ".tif"))
    if not frames:
        sys.exit(f"no frames in {folder}")
    ext = frames[0].suffix
    digits = len(frames[0].stem) - len(frames[0].stem.rstrip("0123456789"))
    prefix = frames[0].stem[:-digits] if digits else frames[0].stem
    first = int(frames[0].stem[-digits:]) if digits else 0
    pattern = str(folder / f"{prefix}%0{digits}d{ext}")
    vf = "format=yuv420p"
    if ext.lower() == ".exr":
        vf = (f"lut3d={a.lut}," if a.lut else
              "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,") + vf
    Path(a.output).parent.mkdir(parents=True, exist_ok=True)
    cmd = ["ffmpeg", "-y", "-framerate", str(a.fps), "-start_number", str(first), "-i", pattern,
           "-vf", vf, "-c:v", "libx264", "-crf", "18", "-preset", "slow", "-movflags", "+faststart", a.output]
    subprocess.run(cmd, check=True)
    print(f"wrote {a.output} from {len(frames)} frames")


def cmd_farm_join(a):
    info = {"host": socket.gethostname(), "blender": subprocess.run([BLENDER, "--version"], capture_output=True,
                                                                    text=True).stdout.splitlines()[:1],
            "user": os.environ.get("USER") or os.environ.get("USERNAME"), "controller": a.controller}
    Path.home().joinpath(".renderhive.json").write_text(json.dumps(info, indent=2))
    print(f"registered {info['host']} with {a.controller}; the controller will schedule chunks when idle")


def main():
    ap = argparse.ArgumentParser(prog="render_queue")
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect"); i.add_argument("files", nargs="+")
    ad = sub.add_parser("add"); ad.add_argument("file"); ad.add_argument("--frames", required=True)
    ad.add_argument("--chunk", type=int, default=20); ad.add_argument("--scene")
    ad.add_argument("--device", choices=["CPU", "CUDA", "OPTIX", "HIP", "METAL", "ONEAPI"], default="CPU")
    ad.add_argument("--tile", type=int)
    r = sub.add_parser("run"); r.add_argument("--log")
    e = sub.add_parser("encode"); e.add_argument("folder"); e.add_argument("--fps", type=float, default=24)
    e.add_argument("--lut"); e.add_argument("-o", "--output", required=True)
    f = sub.add_parser("farm-join"); f.add_argument("--controller", required=True)
    a = ap.parse_args()
    {"inspect": cmd_inspect, "add": cmd_add, "run": cmd_run, "encode": cmd_encode, "farm-join": cmd_farm_join}[a.cmd](a)


if __name__ == "__main__":
    main()
