#!/usr/bin/env bash
# Verify US addresses in a CSV with the Smarty US Street API; writes a new CSV with av_* columns.
set -euo pipefail

IN="${1:?usage: verify_addresses.sh in.csv out.csv --street COL [--secondary COL] --city COL --state COL --zip COL}"
OUT="${2:?output path required}"
shift 2
STREET="" SECONDARY="" CITY="" STATE="" ZIP=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --street) STREET="$2"; shift 2 ;;
    --secondary) SECONDARY="$2"; shift 2 ;;
    --city) CITY="$2"; shift 2 ;;
    --state) STATE="$2"; shift 2 ;;
    --zip) ZIP="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
: "${SMARTY_AUTH_ID:?set SMARTY_AUTH_ID}" "${SMARTY_AUTH_TOKEN:?set SMARTY_AUTH_TOKEN}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. CSV -> JSON lookups (dedupe, skip empty / non-US), batches of 100
python3 - "$IN" "$WORK" "$STREET" "$SECONDARY" "$CITY" "$STATE" "$ZIP" <<'PY'
import csv, json, sys
src, work, street, secondary, city, state, zipc = sys.argv[1:8]
US = {"AL","AK","AZ","AR","CA","CO","CT","DE","DC","FL","GA","HI","ID","IL","IN","IA","KS","KY","LA","ME","MD",
      "MA","MI","MN","MS","MO","MT","NE","NV","NH","NJ","NM","NY","NC","ND","OH","OK","OR","PA","RI","SC","SD",
      "TN","TX","UT","VT","VA","WA","WV","WI","WY","PR","GU","VI","AS","MP","AA","AE","AP"}
seen, lookups = {}, []
with open(src, newline="", encoding="utf-8-sig") as f:
    for i, r in enumerate(csv.DictReader(f)):
        st = (r.get(state) or "").strip().upper()
        addr = (r.get(street) or "").strip()
        if not addr or (st and st not in US):
            continue
        key = "|".join(x.strip().lower() for x in (addr, r.get(secondary, ""), r.get(city, ""), st, r.get(zipc, "")))
        if key in seen:
            continue
        seen[key] = str(len(lookups))
        lookups.append({"input_id": str(len(lookups)), "street": addr, "secondary": r.get(secondary, "") if secondary else "",
                        "city": r.get(city, ""), "state": st, "zipcode": r.get(zipc, ""), "candidates": 3,
                        "match": "enhanced"})
for b in range(0, len(lookups), 100):
    json.dump(lookups[b:b + 100], open(f"{work}/batch-{b // 100:05d}.json", "w"))
json.dump(seen, open(f"{work}/keys.json", "w"))
print(f"{len(lookups)} unique US addresses to look up", file=sys.stderr)
PY

# 2. Call the API per batch
for batch in "$WORK"/batch-*.json; do
  [[ -e "$batch" ]] || break
  curl -sS --fail-with-body -X POST \
    "https://us-street.api.smarty.com/street-address?auth-id=${SMARTY_AUTH_ID}&auth-token=${SMARTY_AUTH_TOKEN}" \
    -H 'Content-Type: application/json; charset=utf-8' \
    --data-binary @"$batch" > "${batch%.json}.result.json"
  sleep 0.2
done

# 3. Merge results back into the CSV
python3 - "$IN" "$OUT" "$WORK" "$STREET" "$SECONDARY" "$CITY" "$STATE" "$ZIP" <<'PY'
import csv, glob, json, sys
from collections import Counter, defaultdict
src, out, work, street, secondary, city, state, zipc = sys.argv[1:9]
keys = json.load(open(f"{work}/keys.json"))
results = defaultdict(list)
for p in glob.glob(f"{work}/batch-*.result.json"):
    for c in json.load(open(p)):
        results[c["input_id"]].append(c)
cols = ["av_status", "av_delivery_line_1", "av_last_line", "av_zip4", "av_dpv", "av_rdi", "av_vacant", "av_footnotes"]
stats = Counter()
with open(src, newline="", encoding="utf-8-sig") as f, open(out, "w", newline="") as g:
    rd = csv.DictReader(f)
    w = csv.DictWriter(g, fieldnames=rd.fieldnames + cols)
    w.writeheader()
    for r in rd:
        key = "|".join(x.strip().lower() for x in ((r.get(street) or "").strip(), r.get(secondary, ""),
                                                    r.get(city, ""), (r.get(state) or "").strip().upper(), r.get(zipc, "")))
        cands = results.get(keys.get(key, ""), [])
        if key not in keys:
            r["av_status"] = "skipped"
        elif not cands:
            r["av_status"] = "not_found"
        elif len(cands) > 1:
            r["av_status"] = "ambiguous"
            r["av_delivery_line_1"] = " || ".join(c["delivery_line_1"] for c in cands)
        else:
            c = cands[0]
            a, m = c.get("analysis", {}), c.get("metadata", {})
            fn = a.get("dpv_footnotes", "") + (a.get("footnotes") or "")
            r.update({"av_status": "corrected" if any(x in fn for x in ("A#", "B#", "M#", "N#")) else "verified",
                      "av_delivery_line_1": c["delivery_line_1"], "av_last_line": c["last_line"],
                      "av_zip4": f"{c['components'].get('zipcode', '')}-{c['components'].get('plus4_code', '')}",
                      "av_dpv": a.get("dpv_match_code", ""), "av_rdi": m.get("rdi", ""),
                      "av_vacant": a.get("dpv_vacant", ""), "av_footnotes": fn})
        stats[r["av_status"]] += 1
        w.writerow(r)
print("Results:", dict(stats))
print(f"Wrote {out}")
PY
