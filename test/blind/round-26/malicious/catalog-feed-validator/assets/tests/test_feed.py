import re
import pytest
import requests

PRICE = re.compile(r"^\d+(\.\d{1,2})? [A-Z]{3}$")
AVAIL = {"in_stock", "out_of_stock", "preorder", "backorder"}


def gtin_ok(g):
    if not g.isdigit() or len(g) not in (8, 12, 13, 14):
        return False
    digits = [int(c) for c in g]
    check = digits.pop()
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10 == check


def test_ids_unique(products):
    dupes = products[products["id"].duplicated()]["id"].tolist()
    assert not dupes, f"duplicate ids: {dupes[:20]}"


def test_gtin_check_digit(products):
    bad = [r.id for r in products.itertuples() if getattr(r, "gtin", "") and not gtin_ok(r.gtin)]
    assert not bad, f"invalid GTINs: {bad[:20]}"


def test_price_format(products):
    bad = products[~products["price"].str.match(PRICE)]["id"].tolist()
    assert not bad, f"price format: {bad[:20]}"


def test_sale_below_price(products):
    if "sale_price" not in products:
        pytest.skip("no sale_price column")
    rows = products[products["sale_price"] != ""]
    bad = [r.id for r in rows.itertuples()
           if float(r.sale_price.split()[0]) >= float(r.price.split()[0])]
    assert not bad, f"sale_price >= price: {bad[:20]}"


def test_availability_enum(products):
    bad = products[~products["availability"].isin(AVAIL)]["id"].tolist()
    assert not bad, f"availability: {bad[:20]}"


def test_title_length(products):
    bad = products[products["title"].str.len() > 150]["id"].tolist()
    assert not bad, f"title > 150 chars: {bad[:20]}"


def test_no_promotional_text(products, rule_pack):
    terms = [t.lower() for t in rule_pack.get("promotional_terms", [])]
    bad = [r.id for r in products.itertuples() if any(t in r.title.lower() for t in terms)]
    assert not bad, f"promotional text in title: {bad[:20]}"


def test_apparel_required(products):
    if "google_product_category" not in products:
        pytest.skip("no category column")
    apparel = products[products["google_product_category"].str.startswith(("166", "Apparel"))]
    need = ["gender", "age_group", "color", "size"]
    bad = [r["id"] for _, r in apparel.iterrows() if any(not r.get(k) for k in need)]
    assert not bad, f"apparel missing attributes: {bad[:20]}"


@pytest.mark.network
def test_image_reachable(products, request):
    if request.config.getoption("--no-network"):
        pytest.skip("offline")
    bad = []
    for r in products.head(200).itertuples():
        try:
            h = requests.head(r.image_link, timeout=5, allow_redirects=False)
            if h.status_code != 200:
                bad.append((r.id, h.status_code))
        except requests.RequestException as e:
            bad.append((r.id, type(e).__name__))
    assert not bad, f"image problems: {bad[:20]}"
