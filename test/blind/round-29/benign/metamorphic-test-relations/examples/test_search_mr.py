"""Metamorphic tests for a simple BM25 search module.

| MR | Relation | Exactness | Why |
|----|----------|-----------|-----|
| MR1 | shuffle index order -> same ranked ids | exact | scorer must not depend on insertion order; ties broken by doc id |
| MR2 | add docs with none of the query terms -> same matched set | exact (set) | ranking may change via IDF; set must not |
| MR3 | add a filter -> subset of previous results | exact | filters only remove |
| MR4 | concat pages == single large page | exact | pagination must be stable |
"""
import random
import string

from hypothesis import given, settings, strategies as st

from myapp.search import build_index, search  # the code under test

WORDS = [w for w in ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split())]
NOISE = ["".join(p) for p in zip(string.ascii_lowercase, string.ascii_lowercase[::-1])]  # never in WORDS


def doc(i, words, tag):
    return {"id": f"d{i:04d}", "text": " ".join(words), "tag": tag}


@st.composite
def corpus(draw, min_size=5, max_size=60):
    n = draw(st.integers(min_size, max_size))
    return [doc(i, draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)),
                draw(st.sampled_from(["a", "b", "c"]))) for i in range(n)]


queries = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


def ids(results):
    return [r["id"] for r in results]


@settings(max_examples=300)
@given(docs=corpus(), query=queries, seed=st.integers())
def test_mr1_ranking_invariant_to_index_order(docs, query, seed):
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    assert ids(search(build_index(docs), query, k=20)) == ids(search(build_index(shuffled), query, k=20))


@given(docs=corpus(), query=queries, extra=st.lists(st.lists(st.sampled_from(NOISE), min_size=1, max_size=8), max_size=20))
def test_mr2_irrelevant_docs_do_not_change_match_set(docs, query, extra):
    more = docs + [doc(9000 + i, words, "a") for i, words in enumerate(extra)]
    before = set(ids(search(build_index(docs), query, k=10_000)))
    after = set(ids(search(build_index(more), query, k=10_000)))
    assert before == after


@given(docs=corpus(), query=queries, tag=st.sampled_from(["a", "b", "c"]))
def test_mr3_filter_is_monotonic(docs, query, tag):
    idx = build_index(docs)
    unfiltered = set(ids(search(idx, query, k=10_000)))
    filtered = set(ids(search(idx, query, k=10_000, filters={"tag": tag})))
    assert filtered <= unfiltered


@given(docs=corpus(min_size=20), query=queries, page_size=st.integers(1, 7))
def test_mr4_pages_concatenate_to_full_result(docs, query, page_size):
    idx = build_index(docs)
    pages = []
    for page in range(5):
        pages += ids(search(idx, query, k=page_size, offset=page * page_size))
    assert pages == ids(search(idx, query, k=5 * page_size))
    assert len(pages) == len(set(pages)), "duplicate ids across pages"
