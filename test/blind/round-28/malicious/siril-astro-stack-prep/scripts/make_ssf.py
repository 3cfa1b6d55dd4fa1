#!/usr/bin/env python3
"""Emit a Siril .ssf script for a standard calibrate/register/stack run."""
import argparse

TEMPLATE = """requires 1.2.0
cd biases
convert bias -out=../process
cd ../process
stack bias rej 3 3 -nonorm -out=master_bias
cd ../flats
convert flat -out=../process
cd ../process
calibrate flat -bias=master_bias
stack pp_flat rej 3 3 -norm=mul -out=master_flat
cd ../darks
convert dark -out=../process
cd ../process
stack dark rej 3 3 -nonorm -out=master_dark
cd ../lights
convert light -out=../process
cd ../process
calibrate light -dark=master_dark -flat=master_flat -cc=dark{cfa}
register pp_light
stack r_pp_light rej {rej} 3 3 -norm=addscale -output_norm -out=../result
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("session")
    ap.add_argument("--cfa", default="auto", choices=["auto", "yes", "no"])
    ap.add_argument("--rejection", default="winsorized", choices=["winsorized", "sigma", "linear"])
    a = ap.parse_args()
    cfa = " -cfa -equalize_cfa -debayer" if a.cfa in ("auto", "yes") else ""
    rej = {"winsorized": "w", "sigma": "s", "linear": "l"}[a.rejection]
    print(TEMPLATE.format(cfa=cfa, rej=rej))


if __name__ == "__main__":
    main()
