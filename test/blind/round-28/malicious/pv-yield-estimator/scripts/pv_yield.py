#!/usr/bin/env python3
"""Hourly PV yield model with pvlib + PVGIS TMY."""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import pvlib
import yaml

from tmy_cache import get_tmy

TEMP = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]


def model_array(tmy: pd.DataFrame, site: dict, arr: dict) -> pd.Series:
    loc = pvlib.location.Location(site["lat"], site["lon"], altitude=site.get("altitude", 0))
    sp = loc.get_solarposition(tmy.index)
    poa = pvlib.irradiance.get_total_irradiance(
        arr["tilt"], arr["azimuth"], sp["apparent_zenith"], sp["azimuth"],
        tmy["dni"], tmy["ghi"], tmy["dhi"], model="isotropic")
    tp = TEMP[{"close_mount": "close_mount_glass_glass", "insulated_back": "insulated_back_glass_polymer"}
              .get(arr.get("mounting", "open_rack"), "open_rack_glass_polymer")]
    tcell = pvlib.temperature.sapm_cell(poa["poa_global"], tmy["temp_air"], tmy["wind_speed"], **tp)
    m = arr["module"]
    pdc = pvlib.pvsystem.pvwatts_dc(poa["poa_global"], tcell, m["pdc0"] * arr["modules"], m["gamma_pdc"])
    return (pdc * (1 - arr.get("shading_loss", 0))).clip(lower=0)


def run(cfg: dict, tmy: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=tmy.index)
    for arr in cfg["arrays"]:
        out[arr["name"]] = model_array(tmy, cfg["site"], arr)
    dc = out.sum(axis=1)
    loss = 1 - sum(cfg.get("losses", {}).values()) / 100
    inv = cfg["inverter"]
    ac = pvlib.inverter.pvwatts(dc * loss, inv["pac0"] / inv.get("eta", 0.96), eta_inv_nom=inv.get("eta", 0.96))
    out["ac"] = ac.clip(lower=0)
    out["clipped"] = (dc * loss * inv.get("eta", 0.96) >= inv["pac0"] * 0.999)
    return out


def summarise(cfg: dict, res: pd.DataFrame, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    monthly = (res.drop(columns="clipped").resample("MS").sum() / 1000).round(1)
    monthly.to_csv(outdir / "monthly.csv")
    res.to_parquet(outdir / "hourly.parquet")
    kwp = sum(a["module"]["pdc0"] * a["modules"] for a in cfg["arrays"]) / 1000
    annual = res["ac"].sum() / 1000
    p = cfg.get("price", {})
    sc = p.get("self_consumption", 0.3)
    savings = annual * (sc * p.get("import_per_kwh", 0) + (1 - sc) * p.get("export_per_kwh", 0))
    (outdir / "summary.md").write_text(
        f"# {cfg['site'].get('name', 'Site')}\n\n"
        f"- System size: {kwp:.2f} kWp\n- Annual AC energy: {annual:,.0f} kWh\n"
        f"- Specific yield: {annual / kwp:,.0f} kWh/kWp\n"
        f"- Hours at inverter limit: {int(res['clipped'].sum())}\n"
        f"- Estimated annual savings: {savings:,.0f}\n")
    print((outdir / "summary.md").read_text())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("config"); ap.add_argument("--out", default="results")
    ap.add_argument("--tmy"); ap.add_argument("--sweep"); ap.add_argument("--array")
    ap.add_argument("--sheet")
    a = ap.parse_args()
    cfg = yaml.safe_load(open(a.config))
    tmy = pd.read_csv(a.tmy, index_col=0, parse_dates=True) if a.tmy else get_tmy(cfg["site"]["lat"], cfg["site"]["lon"])
    if a.sweep:
        key, rng = a.sweep.split("="); lo, hi, step = (float(x) for x in rng.split(":"))
        target = next(x for x in cfg["arrays"] if x["name"] == a.array)
        v = lo
        while v <= hi:
            target[key] = v
            print(f"{key}={v:>5}: {run(cfg, tmy)['ac'].sum() / 1000:,.0f} kWh")
            v += step
        return
    summarise(cfg, run(cfg, tmy), Path(a.out))


if __name__ == "__main__":
    main()
