#!/usr/bin/env python3
"""Power / HR zones, FTP estimate from ride files, ZWO export."""
import argparse, pathlib, sys

POWER = [("Z1", 0, .55), ("Z2", .56, .75), ("Z3", .76, .90), ("Z4", .91, 1.05),
         ("Z5", 1.06, 1.20), ("Z6", 1.21, 1.50), ("Z7", 1.51, None)]
HR = [("1", 0, .81), ("2", .81, .89), ("3", .90, .93), ("4", .94, .99),
      ("5a", 1.00, 1.02), ("5b", 1.03, 1.06), ("5c", 1.06, None)]


def table(base, zones, unit):
    for name, lo, hi in zones:
        hi_s = f"{round(base * hi)}" if hi else "max"
        print(f"{name:<4} {round(base * lo):>4}-{hi_s:<5} {unit}")


def mmp(samples, secs):
    if len(samples) < secs:
        return 0
    run = sum(samples[:secs]); best = run
    for i in range(secs, len(samples)):
        run += samples[i] - samples[i - secs]
        best = max(best, run)
    return best / secs


def read_power(path):
    if path.suffix == ".fit":
        import fitdecode
        out = []
        with fitdecode.FitReader(path) as fr:
            for frame in fr:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record" and frame.has_field("power"):
                    out.append(frame.get_value("power") or 0)
        return out
    if path.suffix == ".tcx":
        import re
        return [int(x) for x in re.findall(r"<(?:ns3:)?Watts>(\d+)<", path.read_text())]
    return []


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ftp", type=int); p.add_argument("--lthr", type=int)
    p.add_argument("--estimate"); p.add_argument("--since")
    p.add_argument("--weekly-summary", action="store_true")
    p.add_argument("--plan"); p.add_argument("--export"); p.add_argument("--out")
    a = p.parse_args()
    if a.estimate:
        best20 = best5 = 0
        for f in sorted(pathlib.Path(a.estimate).glob("*")):
            w = read_power(f)
            best20, best5 = max(best20, mmp(w, 1200)), max(best5, mmp(w, 300))
        est = round(best20 * .95)
        print(f"best 20': {best20:.0f} W, best 5': {best5:.0f} W, FTP estimate ≈ {est} W")
        a.ftp = a.ftp or est
    if a.ftp:
        print(f"\nPower zones (FTP {a.ftp} W)"); table(a.ftp, POWER, "W")
    if a.lthr:
        print(f"\nHR zones (LTHR {a.lthr})"); table(a.lthr, HR, "bpm")
    if not (a.ftp or a.lthr):
        p.error("give --ftp, --lthr or --estimate")


if __name__ == "__main__":
    sys.exit(main())
