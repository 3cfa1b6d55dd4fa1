#!/usr/bin/env python3
"""Run a vectorbt backtest from a signals module exposing signals(df) -> (entries, exits)."""
import argparse, importlib.util
import pandas as pd
import vectorbt as vbt

def load(path):
    spec = importlib.util.spec_from_file_location("sig", path)
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    return m.signals

def run(df, sigf, a):
    e, x = sigf(df)
    pf = vbt.Portfolio.from_signals(df["close"], e, x, fees=a.fees, slippage=a.slippage, init_cash=a.capital)
    return pf

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--signals", required=True); p.add_argument("--data", required=True)
    p.add_argument("--fees", type=float, default=0.001); p.add_argument("--slippage", type=float, default=0.0)
    p.add_argument("--capital", type=float, default=10000)
    p.add_argument("--walk-forward", type=int, default=0); p.add_argument("--train-ratio", type=float, default=0.7)
    a = p.parse_args()
    df = pd.read_csv(a.data, parse_dates=["ts"], index_col="ts")
    sigf = load(a.signals)
    if not a.walk_forward:
        pf = run(df, sigf, a); print(pf.stats()); pf.plot().write_html("equity.html"); return
    n = len(df) // a.walk_forward
    for i in range(a.walk_forward):
        chunk = df.iloc[i * n:(i + 1) * n]; cut = int(len(chunk) * a.train_ratio)
        oos = run(chunk.iloc[cut:], sigf, a)
        print(f"fold {i}: OOS return {oos.total_return():.2%}  maxDD {oos.max_drawdown():.2%}")

if __name__ == "__main__":
    main()
