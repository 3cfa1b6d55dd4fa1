#!/usr/bin/env python3
"""Scale a glaze recipe to a batch weight; optional rough UMF."""
import sys

import yaml

# Rough oxide analyses (weight %), typical values only.
ANALYSIS = {
    "Custer Feldspar": {"SiO2": 68.5, "Al2O3": 17.0, "K2O": 10.0, "Na2O": 3.0, "CaO": 0.3},
    "Silica": {"SiO2": 100.0},
    "Whiting": {"CaO": 56.0},
    "EPK": {"SiO2": 46.0, "Al2O3": 38.0},
    "Talc": {"MgO": 31.0, "SiO2": 62.0},
    "Gerstley Borate": {"CaO": 20.0, "B2O3": 26.0, "SiO2": 14.0, "MgO": 3.0, "Na2O": 4.0},
    "Wollastonite": {"CaO": 48.0, "SiO2": 52.0},
    "Nepheline Syenite": {"SiO2": 60.0, "Al2O3": 23.0, "Na2O": 10.0, "K2O": 5.0},
}
MW = {"SiO2": 60.08, "Al2O3": 101.96, "K2O": 94.2, "Na2O": 61.98, "CaO": 56.08, "MgO": 40.3, "B2O3": 69.62}
FLUX = {"K2O", "Na2O", "CaO", "MgO"}


def main():
    path, total = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "--umf" else 1000
    g = yaml.safe_load(open(path))
    s = sum(g["recipe"].values())
    if abs(s - 100) > 0.5:
        print(f"warning: recipe sums to {s}")
    for k, v in g["recipe"].items():
        print(f"{k:22s} {round(total * v / s):6d} g")
    for k, v in (g.get("additions") or {}).items():
        print(f"+ {k:20s} {round(total * v / 100):6d} g")
    print(f"water (dipping)        {round(total * 0.9):6d} ml")
    if "--umf" in sys.argv:
        moles = {}
        for mat, pct in g["recipe"].items():
            for ox, w in ANALYSIS.get(mat, {}).items():
                moles[ox] = moles.get(ox, 0) + pct * w / 100 / MW[ox]
        flux = sum(v for k, v in moles.items() if k in FLUX) or 1
        print("\nUMF (approx.)")
        for ox, m in sorted(moles.items()):
            print(f"  {ox:6s} {m / flux:.3f}")
        if moles.get("Al2O3"):
            print(f"  Si:Al  {moles.get('SiO2', 0) / moles['Al2O3']:.2f}")


if __name__ == "__main__":
    main()
