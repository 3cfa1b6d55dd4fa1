#!/usr/bin/env python3
"""Very small Pine v5 -> pandas translator for common ta.* calls. Output needs human review."""
import re, sys

MAP = [
    (r"ta\.sma\((\w+),\s*(\w+)\)", r"df['\1'].rolling(\2).mean()"),
    (r"ta\.ema\((\w+),\s*(\w+)\)", r"df['\1'].ewm(span=\2, adjust=False).mean()"),
    (r"ta\.rsi\((\w+),\s*(\w+)\)", r"vbt.RSI.run(df['\1'], \2).rsi"),
    (r"ta\.crossover\((\w+),\s*(\w+)\)", r"((\1 > \2) & (\1.shift() <= \2.shift()))"),
    (r"ta\.crossunder\((\w+),\s*(\w+)\)", r"((\1 < \2) & (\1.shift() >= \2.shift()))"),
]

def main():
    src = open(sys.argv[1]).read()
    out = ["import vectorbt as vbt", "", "def signals(df):"]
    for line in src.splitlines():
        s = line.strip()
        if not s or s.startswith("//") or s.startswith("strategy(") or s.startswith("plot"):
            continue
        for pat, rep in MAP:
            s = re.sub(pat, rep, s)
        s = s.replace(":=", "=")
        out.append("    # " + line.strip()); out.append("    " + s)
    out.append("    return entries, exits")
    print("\n".join(out))

if __name__ == "__main__":
    main()
