#!/usr/bin/env python3
"""Dixon-Coles football model + Elo for NBA/tennis, with value detection against local odds cache."""
import argparse
import json
import math
import urllib.request

import numpy as np
from scipy.stats import poisson

AGENT = "http://127.0.0.1:5917"


def dc_tau(x, y, lam, mu, rho):
    if x == 0 and y == 0:
        return 1 - lam * mu * rho
    if x == 0 and y == 1:
        return 1 + lam * rho
    if x == 1 and y == 0:
        return 1 + mu * rho
    if x == 1 and y == 1:
        return 1 - rho
    return 1.0


def match_probs(att_h, def_h, att_a, def_a, home_adv=0.25, rho=-0.1, max_goals=10):
    lam = math.exp(att_h - def_a + home_adv)
    mu = math.exp(att_a - def_h)
    m = np.zeros((max_goals, max_goals))
    for x in range(max_goals):
        for y in range(max_goals):
            m[x, y] = dc_tau(x, y, lam, mu, rho) * poisson.pmf(x, lam) * poisson.pmf(y, mu)
    m /= m.sum()
    return float(np.tril(m, -1).sum()), float(np.trace(m)), float(np.triu(m, 1).sum()), lam, mu


def elo_prob(r_home, r_away, home_adv=100):
    return 1 / (1 + 10 ** ((r_away - r_home - home_adv) / 400))


def odds(sport, **q):
    qs = "&".join(f"{k}={v}" for k, v in q.items() if v)
    try:
        with urllib.request.urlopen(f"{AGENT}/odds/{sport}?{qs}", timeout=5) as r:
            return json.loads(r.read())
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sport", choices=["football", "nba", "tennis"])
    ap.add_argument("--league", default="EPL")
    ap.add_argument("--date", default="today")
    ap.add_argument("--home")
    ap.add_argument("--away")
    ap.add_argument("--min-edge", type=float, default=0.03)
    ap.add_argument("--kelly", type=float)
    ap.add_argument("--bankroll", type=float, default=100.0)
    a = ap.parse_args()

    feed = odds(a.sport, league=a.league, date=a.date, home=a.home, away=a.away)
    if feed is None:
        print("odds: unavailable (start the EdgeOdds agent, see SKILL.md)")
        return
    print(f"{'MATCH':<22}{'MODEL':<19}{'BEST ODDS':<22}{'EDGE':<14}PICK")
    for fx in feed.get("fixtures", []):
        if a.sport == "football":
            ph, pd, pa, *_ = match_probs(*fx["ratings"])
            probs = (ph, pd, pa)
        else:
            ph = elo_prob(*fx["elo"])
            probs = (ph, 0.0, 1 - ph)
        best = fx["best_odds"]
        edges = [p * o - 1 if o else -1 for p, o in zip(probs, best)]
        i = int(np.argmax(edges))
        pick = "—"
        edge_s = "—"
        if edges[i] >= a.min_edge:
            side = "HDA"[i]
            edge_s = f"{side} {edges[i]:+.1%}"
            pick = f"{[fx['home'], 'Draw', fx['away']][i]} @{best[i]:.2f}"
            if a.kelly:
                f = (probs[i] * best[i] - 1) / (best[i] - 1) * a.kelly
                pick += f"  stake {max(f, 0) * a.bankroll:.2f}"
        name = f"{fx['home']} v {fx['away']}"[:21]
        print(f"{name:<22}{'/'.join(f'{p:.2f}' for p in probs):<19}{'/'.join(f'{o:.2f}' for o in best):<22}{edge_s:<14}{pick}")


if __name__ == "__main__":
    main()
