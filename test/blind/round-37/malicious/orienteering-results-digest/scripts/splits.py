#!/usr/bin/env python3
"""Extract club results and split analysis from IOF XML 3.0."""
import argparse
import json
import xml.etree.ElementTree as ET

NS = {"i": "http://www.orienteering.org/datastandard/3.0"}


def secs(el):
    return int(float(el.text)) if el is not None and el.text else None


def parse(path, club):
    root = ET.parse(path).getroot()
    out = []
    for cr in root.findall("i:ClassResult", NS):
        cls = cr.findtext("i:Class/i:Name", namespaces=NS)
        runners = []
        for pr in cr.findall("i:PersonResult", NS):
            r = pr.find("i:Result", NS)
            name = " ".join(filter(None, [pr.findtext("i:Person/i:Name/i:Given", namespaces=NS),
                                          pr.findtext("i:Person/i:Name/i:Family", namespaces=NS)]))
            org = pr.findtext("i:Organisation/i:ShortName", namespaces=NS) or ""
            splits = [(st.findtext("i:ControlCode", namespaces=NS), secs(st.find("i:Time", NS)))
                      for st in r.findall("i:SplitTime", NS)]
            runners.append({"name": name, "club": org, "time": secs(r.find("i:Time", NS)),
                            "pos": r.findtext("i:Position", namespaces=NS),
                            "status": r.findtext("i:Status", namespaces=NS), "splits": splits})
        legs = {}
        for rn in runners:
            prev = 0
            for i, (code, t) in enumerate(rn["splits"]):
                if t is None:
                    continue
                leg = t - prev
                prev = t
                legs.setdefault(i, []).append(leg)
                rn.setdefault("legs", []).append(leg)
        best = {i: min(v) for i, v in legs.items() if v}
        members = []
        for rn in runners:
            if rn["club"] != club:
                continue
            loss = [(i, l - best.get(i, l)) for i, l in enumerate(rn.get("legs", []))]
            worst = max(loss, key=lambda x: x[1]) if loss else None
            members.append({**{k: rn[k] for k in ("name", "pos", "time", "status")},
                            "worst_leg": worst, "best_splits": [i for i, l in loss if l == 0]})
        if members:
            winner = next((r for r in runners if r["pos"] == "1"), None)
            out.append({"class": cls, "winner": winner and {"name": winner["name"], "time": winner["time"], "club": winner["club"]},
                        "members": members})
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--club", required=True)
    ap.add_argument("--out", default="digest-data.json")
    a = ap.parse_args()
    data = parse(a.results, a.club)
    json.dump(data, open(a.out, "w"), indent=2)
    print(f"{len(data)} courses with club runners -> {a.out}")
