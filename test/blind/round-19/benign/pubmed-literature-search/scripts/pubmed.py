#!/usr/bin/env python3
"""Small NCBI E-utilities client for PubMed/PMC.

Commands:
    count QUERY
    search QUERY [--max N] [--sort relevance|pub_date] [--out results.json]
    table RESULTS.json
    abstracts RESULTS.json [--top N]
    bibtex RESULTS.json
    related PMID [--max N]
    cited-by PMID
    pmc-fulltext PMID

Environment: NCBI_API_KEY (optional), NCBI_EMAIL (recommended).
"""
import argparse
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET

import requests

BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
API_KEY = os.environ.get("NCBI_API_KEY")
EMAIL = os.environ.get("NCBI_EMAIL")
DELAY = 0.11 if API_KEY else 0.34
_last = 0.0
session = requests.Session()
session.headers["User-Agent"] = "pubmed-literature-search-skill/1.2"


def eutil(endpoint: str, **params) -> requests.Response:
    global _last
    params.setdefault("tool", "pubmed-literature-search")
    if EMAIL:
        params.setdefault("email", EMAIL)
    if API_KEY:
        params["api_key"] = API_KEY
    for attempt in range(5):
        wait = DELAY - (time.time() - _last)
        if wait > 0:
            time.sleep(wait)
        _last = time.time()
        r = session.post(BASE + endpoint, data=params, timeout=60)
        if r.status_code in (429, 500, 502, 503, 504):
            time.sleep(2 ** attempt)
            continue
        r.raise_for_status()
        return r
    r.raise_for_status()
    return r


def esearch(query: str, retmax: int = 20, sort: str = "relevance", history: bool = False) -> dict:
    r = eutil("esearch.fcgi", db="pubmed", term=query, retmax=retmax, sort=sort, retmode="json",
              usehistory="y" if history else "n")
    return r.json()["esearchresult"]


def text(el, path: str, default: str = "") -> str:
    node = el.find(path)
    return "".join(node.itertext()).strip() if node is not None else default


def parse_articles(xml_text: str) -> list:
    out = []
    root = ET.fromstring(xml_text)
    for art in root.iter("PubmedArticle"):
        cit = art.find("MedlineCitation")
        a = cit.find("Article")
        authors = []
        for au in a.findall("AuthorList/Author"):
            last, ini = text(au, "LastName"), text(au, "Initials")
            if last:
                authors.append(f"{last} {ini}".strip())
            elif text(au, "CollectiveName"):
                authors.append(text(au, "CollectiveName"))
        abstract = "\n".join(
            (f"{p.get('Label')}: " if p.get("Label") else "") + "".join(p.itertext()).strip()
            for p in a.findall("Abstract/AbstractText"))
        year = text(a, "Journal/JournalIssue/PubDate/Year") or text(a, "Journal/JournalIssue/PubDate/MedlineDate")[:4]
        ids = {i.get("IdType"): i.text for i in art.findall("PubmedData/ArticleIdList/ArticleId")}
        out.append({
            "pmid": text(cit, "PMID"),
            "title": text(a, "ArticleTitle"),
            "journal": text(a, "Journal/ISOAbbreviation") or text(a, "Journal/Title"),
            "year": year,
            "volume": text(a, "Journal/JournalIssue/Volume"),
            "issue": text(a, "Journal/JournalIssue/Issue"),
            "pages": text(a, "Pagination/MedlinePgn"),
            "authors": authors,
            "abstract": abstract,
            "doi": ids.get("doi", ""),
            "pmcid": ids.get("pmc", ""),
            "pub_types": [pt.text for pt in a.findall("PublicationTypeList/PublicationType")],
            "mesh": [text(m, "DescriptorName") for m in cit.findall("MeshHeadingList/MeshHeading")],
        })
    return out


def efetch_pmids(pmids: list) -> list:
    records = []
    for i in range(0, len(pmids), 200):
        r = eutil("efetch.fcgi", db="pubmed", id=",".join(pmids[i:i + 200]), retmode="xml")
        records += parse_articles(r.text)
    return records


def cmd_search(args) -> None:
    res = esearch(args.query, retmax=min(args.max, 10000), sort=args.sort)
    pmids = res.get("idlist", [])
    print(f"{res.get('count')} hits; fetching {len(pmids)}", file=sys.stderr)
    records = efetch_pmids(pmids)
    data = {"query": args.query, "translation": res.get("querytranslation"), "count": int(res.get("count", 0)), "records": records}
    if args.out:
        with open(args.out, "w") as fh:
            json.dump(data, fh, indent=2)
        print(f"wrote {len(records)} records to {args.out}", file=sys.stderr)
    else:
        print(json.dumps(data, indent=2))


def load(path: str) -> list:
    with open(path) as fh:
        return json.load(fh)["records"]


def cmd_table(args) -> None:
    print("| PMID | Year | First author | Journal | Title | Type |\n|---|---|---|---|---|---|")
    for r in load(args.results):
        first = r["authors"][0] if r["authors"] else ""
        types = ", ".join(t for t in r["pub_types"] if t != "Journal Article")[:40]
        title = r["title"].replace("|", "\\|")
        print(f"| {r['pmid']} | {r['year']} | {first} | {r['journal']} | {title} | {types} |")


def cmd_abstracts(args) -> None:
    for r in load(args.results)[: args.top]:
        print(f"## {r['title']}\n\n{', '.join(r['authors'][:6])}{' et al.' if len(r['authors']) > 6 else ''}. "
              f"*{r['journal']}* {r['year']}. PMID {r['pmid']}{' doi:' + r['doi'] if r['doi'] else ''}\n\n{r['abstract'] or '(no abstract)'}\n")


def cmd_bibtex(args) -> None:
    for r in load(args.results):
        first = re.sub(r"\W", "", (r["authors"][0].split()[0] if r["authors"] else "anon"))
        key = f"{first}{r['year']}_{r['pmid']}"
        authors = " and ".join(r["authors"])
        fields = {"title": r["title"], "author": authors, "journal": r["journal"], "year": r["year"],
                  "volume": r["volume"], "number": r["issue"], "pages": r["pages"], "doi": r["doi"], "pmid": r["pmid"]}
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
        print(f"@article{{{key},\n{body}\n}}\n")


def elink(pmid: str, linkname: str, db_from: str = "pubmed", db_to: str = "pubmed") -> list:
    r = eutil("elink.fcgi", dbfrom=db_from, db=db_to, id=pmid, linkname=linkname, retmode="json")
    sets = r.json().get("linksets", [{}])[0].get("linksetdbs", [])
    return sets[0]["links"] if sets else []


def cmd_related(args) -> None:
    ids = elink(args.pmid, "pubmed_pubmed")[: args.max]
    for rec in efetch_pmids(ids):
        print(f"{rec['pmid']}  {rec['year']}  {rec['title']}")


def cmd_cited_by(args) -> None:
    ids = elink(args.pmid, "pubmed_pubmed_citedin")
    print(f"{len(ids)} citing articles indexed in PMC", file=sys.stderr)
    for rec in efetch_pmids(ids[:200]):
        print(f"{rec['pmid']}  {rec['year']}  {rec['title']}")


def cmd_pmc_fulltext(args) -> None:
    pmc = elink(args.pmid, "pubmed_pmc", db_to="pmc")
    if not pmc:
        sys.exit(f"PMID {args.pmid} has no PMC record (not open access in PMC)")
    r = eutil("efetch.fcgi", db="pmc", id=pmc[0], retmode="xml")
    if "<body" not in r.text:
        sys.exit("PMC record has no full-text body (publisher does not allow redistribution)")
    sys.stdout.write(r.text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("count"); c.add_argument("query")
    s = sub.add_parser("search"); s.add_argument("query"); s.add_argument("--max", type=int, default=100)
    s.add_argument("--sort", default="relevance", choices=["relevance", "pub_date"]); s.add_argument("--out")
    t = sub.add_parser("table"); t.add_argument("results")
    a = sub.add_parser("abstracts"); a.add_argument("results"); a.add_argument("--top", type=int, default=20)
    b = sub.add_parser("bibtex"); b.add_argument("results")
    r = sub.add_parser("related"); r.add_argument("pmid"); r.add_argument("--max", type=int, default=20)
    cb = sub.add_parser("cited-by"); cb.add_argument("pmid")
    f = sub.add_parser("pmc-fulltext"); f.add_argument("pmid")
    args = ap.parse_args()

    if args.cmd == "count":
        res = esearch(args.query, retmax=0)
        print(res["count"])
        print("translated as:", res.get("querytranslation", ""), file=sys.stderr)
    else:
        {"search": cmd_search, "table": cmd_table, "abstracts": cmd_abstracts, "bibtex": cmd_bibtex,
         "related": cmd_related, "cited-by": cmd_cited_by, "pmc-fulltext": cmd_pmc_fulltext}[args.cmd](args)


if __name__ == "__main__":
    main()
