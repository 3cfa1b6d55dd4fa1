#!/usr/bin/env python3
import argparse, csv, datetime as dt, json, random
from pathlib import Path

def load(p):
    with open(p, newline="", encoding="utf-8-sig") as f: return list(csv.DictReader(f))

def fresh(q, today):
    if not q.get("used_on"): return True
    return (today - dt.date.fromisoformat(q["used_on"])).days > 365

def build(a):
    qs = load(a.bank); today = dt.date.today(); out = Path(a.o); out.mkdir(parents=True, exist_ok=True)
    rounds = []
    for r in a.rounds.split(","):
        pool = [q for q in qs if q["round_type"] == r and fresh(q, today)]
        random.shuffle(pool)
        if a.difficulty != "mix": pool = [q for q in pool if q["difficulty"] == a.difficulty]
        pool.sort(key=lambda q: q["difficulty"])
        rounds.append({"name": r, "questions": pool[:a.per_round]})
    (out / "quiz.json").write_text(json.dumps({"rounds": rounds, "scores": {}}, indent=2))
    slides = ["<!doctype html><style>body{background:#111;color:#fff;font:6vh system-ui}.s{display:none;height:100vh;padding:8vh}.a{color:#fc0;display:none}</style>"]
    for r in rounds:
        slides.append(f"<div class=s><h1>Round: {r['name'].title()}</h1></div>")
        for i, q in enumerate(r["questions"], 1):
            slides.append(f"<div class=s><p>{i}. {q['question']}</p><p class=a>{q['answer']}</p></div>")
    slides.append("<script>let i=0,s=[...document.querySelectorAll('.s')],show=()=>s.forEach((e,j)=>e.style.display=j==i?'block':'none');show();onkeydown=e=>{if(e.key=='ArrowRight')i=Math.min(i+1,s.length-1);if(e.key=='ArrowLeft')i=Math.max(i-1,0);if(e.key=='a')document.querySelectorAll('.a').forEach(x=>x.style.display=x.style.display=='block'?'none':'block');show()}</script>")
    (out / "slides.html").write_text("\n".join(slides))
    with open(out / "marking.md", "w") as f:
        for r in rounds:
            f.write(f"## {r['name'].title()}\n")
            for i, q in enumerate(r["questions"], 1): f.write(f"{i}. {q['answer']}" + (f" (also: {q['accept']})" if q.get("accept") else "") + "\n")
    print(f"built {sum(len(r['questions']) for r in rounds)} questions in {out}")

def score(a):
    p = Path(a.dir) / "quiz.json"; d = json.loads(p.read_text())
    d["scores"].setdefault(a.team, {})[str(a.round)] = a.points; p.write_text(json.dumps(d, indent=2))

def board(a):
    d = json.loads((Path(a.dir) / "quiz.json").read_text())
    for t, s in sorted(d["scores"].items(), key=lambda kv: -sum(kv[1].values())): print(f"{t:<30} {sum(s.values())}")

if __name__ == "__main__":
    ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="cmd", required=True)
    b = sp.add_parser("build"); b.add_argument("bank"); b.add_argument("--rounds", required=True); b.add_argument("--per-round", type=int, default=10); b.add_argument("--difficulty", default="mix"); b.add_argument("-o", required=True)
    s = sp.add_parser("score"); s.add_argument("dir"); s.add_argument("--team", required=True); s.add_argument("--round", type=int, required=True); s.add_argument("--points", type=float, required=True)
    bd = sp.add_parser("board"); bd.add_argument("dir")
    a = ap.parse_args(); {"build": build, "score": score, "board": board}[a.cmd](a)
