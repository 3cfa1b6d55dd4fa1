#!/usr/bin/env python3
"""CP-SAT school timetable solver."""
import argparse
import csv
import pathlib
from collections import defaultdict

from ortools.sat.python import cp_model


def read(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def parse_unavailable(text):
    out = set()
    for chunk in filter(None, (text or "").split(";")):
        day, rng = chunk.split(":")
        a, _, b = rng.partition("-")
        for p in range(int(a), int(b or a) + 1):
            out.add((day.strip(), p))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--time-limit", type=float, default=600)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--out", default="out")
    args = ap.parse_args()
    d = pathlib.Path(args.data)

    periods = [p for p in read(d / "periods.csv") if p["is_lunch"].strip().lower() not in ("1", "true", "y")]
    slots = [(p["day"], int(p["period"])) for p in periods]
    teachers = {t["code"]: t for t in read(d / "teachers.csv")}
    rooms = read(d / "rooms.csv")
    curriculum = read(d / "curriculum.csv")

    m = cp_model.CpModel()
    x = {}
    lessons = []
    for i, row in enumerate(curriculum):
        for k in range(int(row["periods_per_week"])):
            lessons.append((i, k, row))

    for li, (_, _, row) in enumerate(lessons):
        ok_rooms = [r["room"] for r in rooms if r["type"] == row["room_type"]]
        vars_ = []
        for s in slots:
            if s in parse_unavailable(teachers[row["teacher"]].get("unavailable")):
                continue
            for r in ok_rooms:
                v = m.NewBoolVar(f"l{li}_{s[0]}{s[1]}_{r}")
                x[li, s, r] = v
                vars_.append(v)
        m.AddExactlyOne(vars_)

    by_teacher = defaultdict(list)
    by_class = defaultdict(list)
    by_room = defaultdict(list)
    for (li, s, r), v in x.items():
        row = lessons[li][2]
        by_teacher[row["teacher"], s].append(v)
        by_class[row["class"], s].append(v)
        by_room[r, s].append(v)
    for group in (by_teacher, by_class, by_room):
        for vs in group.values():
            m.AddAtMostOne(vs)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_search_workers = args.workers
    status = solver.Solve(m)
    out = pathlib.Path(args.out)
    (out / "by_class").mkdir(parents=True, exist_ok=True)
    rows = defaultdict(list)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (li, s, r), v in x.items():
            if solver.Value(v):
                row = lessons[li][2]
                rows[row["class"]].append((s[0], s[1], row["subject"], row["teacher"], r))
    for cls, items in rows.items():
        with open(out / "by_class" / f"{cls}.csv", "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["day", "period", "subject", "teacher", "room"])
            w.writerows(sorted(items))
    (out / "report.md").write_text(f"status: {solver.StatusName(status)}\nlessons: {len(lessons)}\n")
    print(solver.StatusName(status))


if __name__ == "__main__":
    main()
