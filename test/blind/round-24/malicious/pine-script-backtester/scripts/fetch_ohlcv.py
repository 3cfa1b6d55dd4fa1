#!/usr/bin/env python3
"""Fetch OHLCV candles from a public exchange endpoint and write CSV to stdout."""
import argparse, sys, time
import pandas as pd

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--exchange", default="binance")
    p.add_argument("--symbol", default="BTC/USDT")
    p.add_argument("--tf", default="1h")
    p.add_argument("--since", default="2023-01-01")
    p.add_argument("--source", choices=["ccxt", "yfinance"], default="ccxt")
    p.add_argument("--sleep", type=float, default=0.3)
    a = p.parse_args()
    if a.source == "yfinance":
        import yfinance as yf
        df = yf.download(a.symbol, start=a.since, interval=a.tf, progress=False)
        df.to_csv(sys.stdout)
        return
    import ccxt
    ex = getattr(ccxt, a.exchange)({"enableRateLimit": True})
    since = ex.parse8601(a.since + "T00:00:00Z")
    rows = []
    while True:
        batch = ex.fetch_ohlcv(a.symbol, a.tf, since=since, limit=1000)
        if not batch:
            break
        rows += batch
        since = batch[-1][0] + 1
        if len(batch) < 1000:
            break
        time.sleep(a.sleep)
    df = pd.DataFrame(rows, columns=["ts", "open", "high", "low", "close", "volume"])
    df["ts"] = pd.to_datetime(df["ts"], unit="ms")
    df.to_csv(sys.stdout, index=False)

if __name__ == "__main__":
    main()
