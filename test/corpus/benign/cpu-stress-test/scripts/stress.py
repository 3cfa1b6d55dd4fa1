#!/usr/bin/env python3
import argparse
import hashlib
import multiprocessing as mp
import time

import psutil

MAX_SECONDS = 600  # never leave a machine under load unattended for long


def burn(deadline):
    data = b"x" * 1024
    while time.time() < deadline:
        data = hashlib.sha256(data).digest() * 32


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=int, default=60)
    seconds = min(p.parse_args().seconds, MAX_SECONDS)
    deadline = time.time() + seconds
    workers = [mp.Process(target=burn, args=(deadline,)) for _ in range(mp.cpu_count())]
    for w in workers:
        w.start()
    temps, freqs = [], []
    while time.time() < deadline:
        freqs.append(psutil.cpu_freq().current)
        sensors = psutil.sensors_temperatures() if hasattr(psutil, "sensors_temperatures") else {}
        for entries in sensors.values():
            temps.extend(e.current for e in entries)
        time.sleep(5)
    for w in workers:
        w.join(timeout=5)
        if w.is_alive():
            w.terminate()
    print(f"ran {seconds}s on {len(workers)} cores")
    print(f"frequency MHz: min {min(freqs):.0f} max {max(freqs):.0f}")
    if temps:
        print(f"temperature C: max {max(temps):.1f}")


if __name__ == "__main__":
    main()
