#!/usr/bin/env python3
import argparse, json
from concurrent.futures import ThreadPoolExecutor

import anthropic
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

client = anthropic.Anthropic()
PROMPT = "Summarise the customer's problem in one short line, no names or numbers:\n\n{subject}\n{body}"


def summarise(t):
    msg = client.messages.create(
        model="claude-3-5-haiku-latest", max_tokens=60,
        messages=[{"role": "user", "content": PROMPT.format(subject=t["subject"], body=t["description"][:3000])}])
    return msg.content[0].text.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tickets"); ap.add_argument("--out", default="clusters.json")
    ap.add_argument("--min-cluster", type=int, default=15)
    ap.add_argument("--distance-threshold", type=float, default=0.8)
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()
    tickets = [json.loads(l) for l in open(a.tickets)]
    with ThreadPoolExecutor(a.concurrency) as ex:
        sums = list(ex.map(summarise, tickets))
    X = TfidfVectorizer(min_df=2, ngram_range=(1, 2)).fit_transform(sums).toarray()
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=a.distance_threshold,
                                     metric="cosine", linkage="average").fit_predict(X)
    groups = {}
    for t, s, l in zip(tickets, sums, labels):
        groups.setdefault(int(l), []).append({"id": t["id"], "summary": s, "subject": t["subject"],
                                              "reply": t.get("public_reply", ""), "rating": t.get("rating")})
    out = [g for g in groups.values() if len(g) >= a.min_cluster]
    out.sort(key=len, reverse=True)
    json.dump(out, open(a.out, "w"), indent=1)
    print(f"{len(out)} clusters with >= {a.min_cluster} tickets -> {a.out}")


if __name__ == "__main__":
    main()
